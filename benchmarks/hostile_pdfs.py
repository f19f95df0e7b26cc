"""Hostile PDFs of up to 5 MB, written byte by byte, for the anonymous PDF check
(`certificates.verification.verify_pdf`): the tests feed each one and check
its verdict; `python -m benchmarks.pdf_check` times them through the page and
the API; the `pdf-<kind>` scenarios of `make bench` post them to the API
under gunicorn.

Each generator returns bytes no larger than `size` (5 MB by default, the
upload limit) and starts with `%PDF-`, so that it passes the cheap checks
and reaches the parser."""

import zlib
from collections.abc import Callable

MB = 1024 * 1024
SIZE = 5 * MB


def _document(objects: dict[int, bytes], *, root: int = 1, trailer: bytes = b"") -> bytes:
    """A PDF with these objects (number -> body), a classic xref table and a trailer."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    size = max(objects) + 1
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        if number in offsets:
            out += b"%010d 00000 n \n" % offsets[number]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        root,
        trailer,
        xref_at,
    )
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"", *, flate: bool = True) -> bytes:
    filters = b"/Filter /FlateDecode " if flate else b""
    return b"<< /Length %d %s%s>>\nstream\n" % (len(data), filters, extra) + data + b"\nendstream"


def _deflated(prefix: bytes, compressed_size: int) -> bytes:
    """About `compressed_size` bytes of valid zlib data: `prefix`, then zeros,
    inflating about 1,000 times larger (deflate's best ratio): 5 MB become
    5 GB. Made in milliseconds: after a full flush, each 16 MB of zeros
    compresses to the same block, so the block is repeated and the Adler-32
    checksum computed (zeros leave its low half alone)."""
    block = 16 * MB
    compressor = zlib.compressobj(9)
    head = compressor.compress(prefix + bytes(block)) + compressor.flush(zlib.Z_FULL_FLUSH)
    zeros = compressor.compress(bytes(block)) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = max(0, (compressed_size - len(head)) // len(zeros))
    a, b = zlib.adler32(prefix) & 0xFFFF, zlib.adler32(prefix) >> 16
    added = block * (count + 1)
    checksum = (((b + added * a) % 65521) << 16) | a
    # A final empty block, then the checksum of everything inflated.
    return head + zeros * count + b"\x03\x00" + checksum.to_bytes(4, "big")


def _catalog(extra: bytes = b"") -> bytes:
    return b"<< /Type /Catalog /Pages 2 0 R %s>>" % extra


PAGES_ONE = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] >>"


def many_pages(size: int = SIZE, *, pages: int | None = None) -> bytes:
    """As many empty pages as fit (about 50,000 in 5 MB), or exactly `pages`."""
    per_page = len(b"%d 0 obj\n" % 100000 + PAGE + b"\nendobj\n") + 20 + len(b"100000 0 R ")
    count = pages if pages is not None else (size - 1024) // per_page
    objects = {1: _catalog()}
    numbers = range(3, 3 + count)
    kids = b" ".join(b"%d 0 R" % n for n in numbers)
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)
    for n in numbers:
        objects[n] = PAGE
    return _document(objects)


def deep_chain(size: int = SIZE) -> bytes:
    """The /Names entry is a reference to a reference to a reference ... hundreds
    of thousands of objects long."""
    per_object = len(b"100000 0 obj\n100001 0 R\nendobj\n") + 20
    count = (size - 1024) // per_object
    objects = {1: _catalog(b"/Names 4 0 R "), 2: PAGES_ONE, 3: PAGE}
    for n in range(4, 4 + count):
        objects[n] = b"%d 0 R" % (n + 1)
    objects[4 + count] = b"<< >>"
    return _document(objects)


def deep_nesting(size: int = SIZE) -> bytes:
    """The /Names entry is an array nested millions of levels deep: [[[[ ... ]]]]."""
    depth = (size - 2048) // 2
    objects = {
        1: _catalog(b"/Names 4 0 R "),
        2: PAGES_ONE,
        3: PAGE,
        4: b"<< /EmbeddedFiles << /Names " + b"[" * depth + b"]" * depth + b" >> >>",
    }
    return _document(objects)


def content_bomb(size: int = SIZE) -> bytes:
    """One page whose content stream inflates to about 5 GB."""
    data = _deflated(b"", size - 2048)
    objects = {
        1: _catalog(),
        2: PAGES_ONE,
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R >>",
        4: _stream(data),
    }
    return _document(objects)


def attachment_bomb(size: int = SIZE) -> bytes:
    """An attached `credential.jwt` that inflates to about 5 GB."""
    data = _deflated(b"", size - 2048)
    objects = {
        1: _catalog(b"/Names << /EmbeddedFiles << /Names [(credential.jwt) 4 0 R] >> >> "),
        2: PAGES_ONE,
        3: PAGE,
        4: b"<< /Type /Filespec /F (credential.jwt) /UF (credential.jwt) /EF << /F 5 0 R >> >>",
        5: _stream(data, b"/Type /EmbeddedFile "),
    }
    return _document(objects)


def object_stream_bomb(size: int = SIZE) -> bytes:
    """The catalog lives in an object stream that inflates to gigabytes before
    the parser reaches it (PDF 1.5 cross-reference stream)."""
    catalog = b"1 0 " + _catalog(b"/Names << /EmbeddedFiles << /Names [] >> >> ") + b" "
    data = _deflated(catalog, size - 4096)
    out = bytearray(b"%PDF-1.7\n")
    objstm_at = len(out)
    out += b"2 0 obj\n" + _stream(data, b"/Type /ObjStm /N 1 /First 4 ") + b"\nendobj\n"
    xref_at = len(out)
    # /W [1 4 2]: type, field 2, field 3. Object 1 is compressed in object stream 2.
    rows = (
        b"\x00\x00\x00\x00\x00\xff\xff"
        + b"\x02\x00\x00\x00\x02\x00\x00"
        + b"\x01"
        + objstm_at.to_bytes(4, "big")
        + b"\x00\x00"
        + b"\x01"
        + xref_at.to_bytes(4, "big")
        + b"\x00\x00"
    )
    out += (
        b"3 0 obj\n"
        + b"<< /Type /XRef /Size 4 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % len(rows)
        + rows
        + b"\nendstream\nendobj\n"
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def huge_xref(size: int = SIZE) -> bytes:
    """A cross-reference table of a quarter of a million entries, nearly all free."""
    entries = (size - 1024) // 20
    objects = {1: _catalog(), 2: PAGES_ONE, 3: PAGE, entries: b"<< >>"}
    return _document(objects)


def declared_xref_stream(size: int = SIZE) -> bytes:
    """A cross-reference stream that declares two billion entries it does not
    have, padded to `size`."""
    rows = b"\x01\x00\x00\x00\x09\x00\x00" * 4
    out = bytearray(b"%PDF-1.7\n")
    out += b"1 0 obj\n" + _catalog() + b"\nendobj\n"
    out += b"% " + b"x" * max(0, size - 2048) + b"\n"
    xref_at = len(out)
    out += (
        b"9 0 obj\n<< /Type /XRef /Size 2147483647 /Index [0 2147483647] /W [1 4 2] "
        b"/Root 1 0 R /Length %d >>\nstream\n" % len(rows) + rows + b"\nendstream\nendobj\n"
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def broken_xref(size: int = SIZE) -> bytes:
    """No usable cross-reference table: `startxref` points into nowhere and the
    file is 5 MB of objects a reader would have to find by scanning."""
    out = bytearray(b"%PDF-1.7\n")
    out += b"1 0 obj\n" + _catalog() + b"\nendobj\n"
    out += b"2 0 obj\n" + PAGES_ONE + b"\nendobj\n3 0 obj\n" + PAGE + b"\nendobj\n"
    number = 4
    while len(out) < size - 1024:
        out += b"%d 0 obj\n<< /Kids [%d 0 R] >>\nendobj\n" % (number, number + 1)
        number += 1
    out += b"trailer\n<< /Root 1 0 R /Size %d >>\nstartxref\n999999999\n%%%%EOF\n" % number
    return bytes(out)


def name_tree_maze(size: int = SIZE) -> bytes:
    """An /EmbeddedFiles name tree of tens of thousands of nodes whose kids point
    back to their parents (a cycle), and none named credential.jwt."""
    per_node = len(b"100000 0 obj\n<< /Kids [4 0 R 100001 0 R] >>\nendobj\n") + 20
    count = (size - 1024) // per_node
    objects = {1: _catalog(b"/Names << /EmbeddedFiles 4 0 R >> "), 2: PAGES_ONE, 3: PAGE}
    for n in range(4, 4 + count):
        objects[n] = b"<< /Kids [4 0 R %d 0 R] >>" % (n + 1)
    objects[4 + count] = b"<< /Names [(other.txt) 4 0 R] >>"
    return _document(objects)


def incremental_updates(size: int = SIZE) -> bytes:
    """Tens of thousands of incremental updates, each a cross-reference section
    whose trailer's /Prev points to the one before."""
    base = _document({1: _catalog(), 2: PAGES_ONE, 3: PAGE})
    out = bytearray(base)
    previous = base.rindex(b"xref\n")
    while len(out) < size - 512:
        at = len(out)
        out += b"xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 4 /Root 1 0 R /Prev %d >>\n" % (
            previous
        )
        out += b"startxref\n%d\n%%%%EOF\n" % at
        previous = at
    return bytes(out)


HOSTILE: dict[str, Callable[..., bytes]] = {
    "many-pages": many_pages,
    "deep-chain": deep_chain,
    "deep-nesting": deep_nesting,
    "content-bomb": content_bomb,
    "attachment-bomb": attachment_bomb,
    "objstm-bomb": object_stream_bomb,
    "huge-xref": huge_xref,
    "declared-xref": declared_xref_stream,
    "broken-xref": broken_xref,
    "name-tree-maze": name_tree_maze,
    "incremental": incremental_updates,
}

"""Reading a dropped PDF within a fixed budget: find the attached credential
and the language the file claims, nothing else. No page, no content stream,
no text is ever read.

pypdf has limits of its own (decompression sizes, element counts) but no time
budget: crafted files of 5 MB (a /Prev chain of 70,000 updates, a broken
cross-reference table to rebuild) hold it for seconds. So the parse runs in a
forked child with a wall-clock deadline, a CPU limit and an address-space limit;
the web worker only waits, reads a few kilobytes from a pipe, and kills the
child when the time is up. A fork of a Django worker costs about 5 ms.
"""

import contextlib
import io
import logging
import os
import resource
import select
import signal
import time
import warnings
import zlib
from dataclasses import dataclass

# Imported here, in the parent: a forked child then starts with pypdf loaded.
from pypdf import PdfReader, apply_configuration
from pypdf.errors import LimitReachedError
from pypdf.generic import IndirectObject

# What the probe found.
CREDENTIAL = "credential"  # an attachment named credential.jwt, its bytes
NONE = "none"  # a readable PDF without it
UNREADABLE = "unreadable"  # not a PDF a reader can make sense of
TOO_COMPLEX = "too_complex"  # over the budget: time, memory, sizes, nesting, pages

ATTACHMENT = "credential.jwt"
# The budget. A certificate is one page with a credential of a few kilobytes.
SECONDS = 1.0
CPU_SECONDS = 2
MEMORY_BYTES = 256 * 1024 * 1024  # above what the worker already maps
MAX_CREDENTIAL_BYTES = 64 * 1024
MAX_PAGES = 10
MAX_TREE_NODES = 64
MAX_TREE_DEPTH = 8
MAX_REFERENCE_HOPS = 8
# pypdf's own limits, far below its defaults (75 MB per stream).
PYPDF_LIMITS = {
    "maximum_declared_stream_length": 8_000_000,
    "zlib_maximum_output_length": 8_000_000,
    "lzw_maximum_output_length": 8_000_000,
    "run_length_maximum_output_length": 8_000_000,
    "array_based_stream_maximum_output_length": 8_000_000,
    "brotli_maximum_output_length": 8_000_000,
    "stream_decoding_work_maximum_length": 16_000_000,
    "array_maximum_element_count": 20_000,
    "dictionary_maximum_element_count": 2_000,
    "jbig2dec_binary": None,  # never start a program for a hostile file
}
_SEPARATOR = b"\0"


@dataclass(frozen=True)
class Probe:
    outcome: str
    credential: bytes = b""
    language: str = ""


class _TooComplex(Exception):
    pass


class _Unreadable(Exception):
    pass


def probe(data: bytes, *, seconds: float = SECONDS) -> Probe:
    """What the PDF `data` carries, read in a child process within `seconds`."""
    if not hasattr(os, "fork"):
        return read(data)
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return read(data)
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _child(data, write_end)
    os.close(write_end)
    try:
        raw = _collect(read_end, deadline=time.monotonic() + seconds)
    finally:
        os.close(read_end)
        _reap(pid)
    if raw is None:
        return Probe(TOO_COMPLEX)
    return _decode(raw)


def _collect(fd: int, *, deadline: float) -> bytes | None:
    """The child's answer, or None when it did not finish in time."""
    chunks = []
    size = 0
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            return None
        chunk = os.read(fd, 65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > MAX_CREDENTIAL_BYTES + 1024:
            return b""
        chunks.append(chunk)


def _reap(pid: int) -> None:
    """Kill the child if it still runs (a no-op once it exited) and collect it."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _decode(raw: bytes) -> Probe:
    outcome, _, rest = raw.partition(_SEPARATOR)
    language, _, credential = rest.partition(_SEPARATOR)
    name = outcome.decode("ascii", "replace")
    if name not in (CREDENTIAL, NONE, UNREADABLE, TOO_COMPLEX):
        # The child died without a word (killed by a limit): over budget.
        return Probe(TOO_COMPLEX)
    return Probe(name, credential, language.decode("ascii", "replace"))


def _child(data: bytes, fd: int) -> None:
    """Limits first, then read, answer on the pipe and leave without running
    any of the parent's clean-up (database connections, atexit)."""
    code = 0
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        _limit()
        found = read(data)
        os.write(fd, _SEPARATOR.join([found.outcome.encode(), found.language.encode()]))
        if found.credential:
            os.write(fd, _SEPARATOR + found.credential)
    except BaseException:  # noqa: BLE001 - the child must never return into Django
        code = 1
    finally:
        os._exit(code)


def _limit() -> None:
    # pypdf warns about every broken object: not into the worker's log.
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    try:
        with open("/proc/self/statm") as statm:
            mapped = int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return
    limit = mapped + MEMORY_BYTES
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def read(data: bytes) -> Probe:
    """The reading itself, in this process (the child calls it; tests may too)."""
    try:
        with apply_configuration(**PYPDF_LIMITS):
            return _read(data)
    except (_TooComplex, LimitReachedError, RecursionError, MemoryError):
        return Probe(TOO_COMPLEX)
    except Exception:  # noqa: BLE001 - any failure of the parser is a verdict
        return Probe(UNREADABLE)


def _read(data: bytes) -> Probe:
    reader = PdfReader(
        io.BytesIO(data),
        strict=False,
        root_object_recovery_limit=1_000,
        xref_stream_maximum_entries=100_000,
    )
    # An encrypted file is read only when anyone may open it (no user password).
    if reader.is_encrypted and not reader.decrypt(""):
        raise _Unreadable
    resolve = _resolver(reader)
    root = resolve(reader.trailer.get("/Root"))
    if not isinstance(root, dict):
        raise _Unreadable
    pages = resolve(root.get("/Pages"))
    count = resolve(pages.get("/Count")) if isinstance(pages, dict) else None
    if isinstance(count, int) and count > MAX_PAGES:
        raise _TooComplex
    language = resolve(root.get("/Lang"))
    language = str(language)[:8] if isinstance(language, str) else ""
    names = resolve(root.get("/Names"))
    tree = resolve(names.get("/EmbeddedFiles")) if isinstance(names, dict) else None
    spec = _find(tree, ATTACHMENT, resolve) if isinstance(tree, dict) else None
    if spec is None:
        return Probe(NONE, language=language)
    return Probe(CREDENTIAL, _contents(spec, resolve), language)


def _resolver(reader):
    def resolve(value):
        for _hop in range(MAX_REFERENCE_HOPS):
            if not isinstance(value, IndirectObject):
                return value
            value = reader.get_object(value)
        raise _TooComplex

    return resolve


def _find(tree: dict, name: str, resolve) -> dict | None:
    """The file specification named `name` in a name tree, visiting at most
    MAX_TREE_NODES nodes, MAX_TREE_DEPTH deep, each once."""
    pending = [(tree, 0)]
    seen = 0
    visited: set[int] = set()
    while pending:
        node, depth = pending.pop()
        seen += 1
        if seen > MAX_TREE_NODES or depth > MAX_TREE_DEPTH:
            raise _TooComplex
        if id(node) in visited:
            continue
        visited.add(id(node))
        entries = resolve(node.get("/Names"))
        if isinstance(entries, list):
            for index in range(0, len(entries) - 1, 2):
                key = resolve(entries[index])
                if isinstance(key, bytes):
                    key = key.decode("latin-1")
                if str(key) == name:
                    spec = resolve(entries[index + 1])
                    return spec if isinstance(spec, dict) else None
        kids = resolve(node.get("/Kids"))
        if isinstance(kids, list):
            for kid in kids[: MAX_TREE_NODES + 1]:
                kid = resolve(kid)
                if isinstance(kid, dict):
                    pending.append((kid, depth + 1))
    return None


def _contents(spec: dict, resolve) -> bytes:
    """The embedded file's bytes, inflated by us with a ceiling (an attachment
    that inflates to gigabytes stops at MAX_CREDENTIAL_BYTES)."""
    files = resolve(spec.get("/EF"))
    if not isinstance(files, dict):
        raise _Unreadable
    stream = resolve(files.get("/UF") or files.get("/F"))
    raw = getattr(stream, "_data", None)
    if not isinstance(raw, bytes):
        raise _Unreadable
    filters = resolve(stream.get("/Filter"))
    if isinstance(filters, list):
        filters = [resolve(f) for f in filters]
    else:
        filters = [filters] if filters is not None else []
    if not filters:
        if len(raw) > MAX_CREDENTIAL_BYTES:
            raise _TooComplex
        return raw
    if [str(f) for f in filters] != ["/FlateDecode"]:
        raise _Unreadable
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(raw, MAX_CREDENTIAL_BYTES + 1)
    except zlib.error as error:
        raise _Unreadable from error
    if len(out) > MAX_CREDENTIAL_BYTES:
        raise _TooComplex
    return out

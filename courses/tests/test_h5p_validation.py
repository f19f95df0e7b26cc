"""The hostile corpus: every package is refused with its own reason, and nothing
is written to storage or the database."""

import io
import json
import warnings
import zipfile

import pytest
from django.utils import translation

from courses.h5p.archive import Limits
from courses.h5p.demo import LIBRARIES
from courses.h5p.errors import PackageRefused
from courses.h5p.services import h5p_content_create
from courses.h5p.validation import validate_package
from courses.models import H5PContent, H5PLibrary
from courses.tests.h5p_packages import (
    PNG,
    build,
    entry,
    install_quiz_library,
    metadata,
    parameters,
    stored_files,
    valid,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def quiz_library(db, media_root):
    return install_quiz_library()


def _installed_library_json() -> bytes:
    return (LIBRARIES / "H5P.DigiskillsQuiz-1.1" / "library.json").read_bytes()


def _new_library_json(machine_name: str, **extra) -> bytes:
    return json.dumps(
        {
            "title": machine_name,
            "machineName": machine_name,
            "majorVersion": 1,
            "minorVersion": 0,
            "patchVersion": 0,
            "runnable": 1,
            "preloadedJs": [{"path": "evil.js"}],
            **extra,
        }
    ).encode()


def _corrupt() -> bytes:
    data = bytearray(build(entry("content/notes.json", b'{"a": "honest text"}', stored=True)))
    position = data.index(b"honest")
    data[position] = ord("H")
    return bytes(data)


def _duplicate(first: str, second: str) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate we want
        return build(entry(first, b"{}"), entry(second, b"{}"))


def _symlink() -> bytes:
    return build(entry("content/images/logo.png", b"/etc/passwd", mode=0o120777))


def _encrypted() -> bytes:
    data = bytearray(build(entry("content/secret.json", b"{}")))
    # Set the "encrypted" flag in the central directory record of the entry.
    central = data.rindex(b"PK\x01\x02")
    data[central + 8] |= 0x1
    return bytes(data)


def _patched(position_of, offset: int, value: int, size: int) -> bytes:
    """A valid package with one header field overwritten (cases found by fuzzing)."""
    data = bytearray(valid())
    start = position_of(data) + offset
    data[start : start + size] = value.to_bytes(size, "little")
    return bytes(data)


def _unknown_zip_version() -> bytes:
    return _patched(lambda data: data.rindex(b"PK\x01\x02"), 6, 235, 2)


def _directory_before_the_start() -> bytes:
    # The central directory claims to start 5,000 bytes further than it does:
    # zipfile then computes negative entry offsets.
    data = valid()
    end = data.rindex(b"PK\x05\x06")
    start = int.from_bytes(data[end + 16 : end + 20], "little")
    return _patched(lambda data: data.rindex(b"PK\x05\x06"), 16, start + 5000, 4)


def _zip_bomb() -> bytes:
    return build(entry("content/data.json", b"0" * (30 * 1024 * 1024)))


def _polyglot() -> bytes:
    return b"GIF89a<script>alert(1)</script>" + valid()


CORPUS = {
    "zip slip": (build(entry("content/../../../evil.json", b"{}")), "path_traversal"),
    "zip slip at the top": (build(entry("../evil.png", PNG)), "path_traversal"),
    "absolute path": (build(entry("/etc/cron.d/evil", b"* * * * * root sh")), "absolute_path"),
    "drive letter": (build(entry("C:/Windows/evil.json", b"{}")), "absolute_path"),
    "backslash": (build(entry("content\\..\\..\\evil.json", b"{}")), "backslash"),
    "symlink": (_symlink(), "symlink"),
    "script in content": (build(entry("content/evil.js", b"alert(1)")), "content_script"),
    "html in content": (build(entry("content/page.html", b"<script></script>")), "content_html"),
    "svg in content": (build(entry("content/images/a.svg", b"<svg onload=x>")), "content_svg"),
    "font in content": (build(entry("content/fonts/a.woff2", b"wOF2")), "content_font"),
    "other file type": (build(entry("content/files/manual.pdf", b"%PDF-1.7")), "content_type"),
    "script posing as an image": (
        build(entry("content/images/cat.png", b"<script>alert(1)</script>")),
        "content_mismatch",
    ),
    "library folder without a valid library.json": (
        build(
            entry("H5P.DigiskillsQuiz-1.1/library.json", b"{}"),
            entry("H5P.DigiskillsQuiz-1.1/quiz.js", b"fetch('//evil')"),
        ),
        "library_json_invalid",
    ),
    "other code under the name of an installed version": (
        build(
            entry("H5P.DigiskillsQuiz-1.1/library.json", _installed_library_json()),
            entry("H5P.DigiskillsQuiz-1.1/quiz.js", b"fetch('//evil')"),
            entry("H5P.DigiskillsQuiz-1.1/quiz.css", b""),
        ),
        "library_differs",
    ),
    "library code a browser must not run": (
        build(
            entry("H5P.Evil-1.0/library.json", _new_library_json("H5P.Evil")),
            entry("H5P.Evil-1.0/evil.php", b"<?php system($_GET['c']);"),
        ),
        "library_file_type",
    ),
    "library listing a script it does not carry": (
        build(entry("H5P.Evil-1.0/library.json", _new_library_json("H5P.Evil"))),
        "library_file_missing",
    ),
    "library needing a library nobody has": (
        build(
            entry(
                "H5P.Evil-1.0/library.json",
                _new_library_json(
                    "H5P.Evil",
                    preloadedDependencies=[
                        {"machineName": "H5P.Nowhere", "majorVersion": 1, "minorVersion": 0}
                    ],
                ),
            ),
            entry("H5P.Evil-1.0/evil.js", b""),
            h5p_json=json.dumps(
                metadata(
                    preloadedDependencies=[
                        {"machineName": "H5P.DigiskillsQuiz", "majorVersion": 1, "minorVersion": 1},
                        {"machineName": "H5P.Evil", "majorVersion": 1, "minorVersion": 0},
                    ]
                )
            ).encode(),
        ),
        "library_dependency_missing",
    ),
    "file outside content": (build(entry("index.html", b"<html>")), "unexpected_file"),
    "unknown library": (
        build(
            h5p_json=json.dumps(
                metadata(
                    mainLibrary="H5P.Evil",
                    preloadedDependencies=[
                        {"machineName": "H5P.Evil", "majorVersion": 1, "minorVersion": 0}
                    ],
                )
            ).encode()
        ),
        "unknown_library",
    ),
    "library at a version not installed": (
        build(
            h5p_json=json.dumps(
                metadata(
                    preloadedDependencies=[
                        {"machineName": "H5P.DigiskillsQuiz", "majorVersion": 1, "minorVersion": 2}
                    ]
                )
            ).encode()
        ),
        "unknown_library",
    ),
    "main library not declared": (
        build(h5p_json=json.dumps(metadata(mainLibrary="H5P.Other")).encode()),
        "main_not_declared",
    ),
    "bad JSON in content.json": (build(content_json=b'{"questions": [,]}'), "bad_json"),
    "bad JSON in h5p.json": (build(h5p_json=b"\xff\xfe not json"), "bad_json"),
    "bad JSON behind an upper-case extension": (
        build(entry("content/DATA.JSON", b"{oops")),
        "bad_json",
    ),
    "h5p.json not an object": (build(h5p_json=b"[]"), "not_an_object"),
    "h5p.json without title": (
        build(h5p_json=json.dumps({k: v for k, v in metadata().items() if k != "title"}).encode()),
        "metadata_invalid",
    ),
    "embed types that are not a list of names": (
        build(h5p_json=json.dumps(metadata(embedTypes=[{"div": 1}])).encode()),
        "metadata_invalid",
    ),
    "zip bomb": (_zip_bomb(), "zip_bomb"),
    "not a zip": (b"This is a text file, not a package.", "not_zip"),
    "zip behind an image": (_polyglot(), "not_zip"),
    "truncated zip": (valid()[:-30], "not_zip"),
    "duplicate entries": (_duplicate("content/a.json", "content/a.json"), "duplicate"),
    "duplicate entries by letter case": (
        _duplicate("content/a.json", "content/A.JSON"),
        "duplicate",
    ),
    "damaged entry": (_corrupt(), "corrupt"),
    "entry offsets before the start of the file": (_directory_before_the_start(), "corrupt"),
    "unknown zip version": (_unknown_zip_version(), "not_zip"),
    "file and folder of the same name": (
        build(entry("content/images", b"{}"), entry("content/images/a.png", PNG)),
        "duplicate",
    ),
    "deeply nested JSON": (build(content_json=b"[" * 5000 + b"]" * 5000), "json_too_deep"),
    "encrypted entry": (_encrypted(), "encrypted"),
    "missing h5p.json": (
        build(entry("content/content.json", json.dumps(parameters()).encode()), base=False),
        "missing_h5p_json",
    ),
    "missing content.json": (
        build(entry("h5p.json", json.dumps(metadata()).encode()), base=False),
        "missing_content_json",
    ),
    "media path outside the package": (
        build(
            content_json=json.dumps(
                parameters(
                    questions=[
                        {
                            "text": "?",
                            "image": {"path": "../../../../etc/passwd", "mime": "image/png"},
                            "answers": [{"text": "a", "correct": True}, {"text": "b"}],
                        }
                    ]
                )
            ).encode()
        ),
        "media_path_unsafe",
    ),
    "media from another site": (
        build(
            content_json=json.dumps(
                parameters(
                    questions=[
                        {
                            "text": "?",
                            "image": {"path": "https://evil.example/x.png", "mime": "image/png"},
                            "answers": [{"text": "a", "correct": True}, {"text": "b"}],
                        }
                    ]
                )
            ).encode()
        ),
        "media_path_unsafe",
    ),
    "media missing": (
        build(
            content_json=json.dumps(
                parameters(
                    questions=[
                        {
                            "text": "?",
                            "image": {"path": "images/missing.png", "mime": "image/png"},
                            "answers": [{"text": "a", "correct": True}, {"text": "b"}],
                        }
                    ]
                )
            ).encode()
        ),
        "missing_media",
    ),
    "parameters that do not fit the semantics": (
        build(content_json=json.dumps({"questions": "all of them"}).encode()),
        "parameters_invalid",
    ),
}


@pytest.mark.parametrize("case", CORPUS, ids=list(CORPUS))
def test_hostile_package_is_refused_with_its_reason_and_nothing_is_written(case, media_root):
    package, reason = CORPUS[case]
    before = stored_files(media_root)
    libraries = list(H5PLibrary.objects.values_list("pk", flat=True))

    with pytest.raises(PackageRefused) as refused:
        h5p_content_create(upload=io.BytesIO(package), language="en", uploaded_by=None)

    assert refused.value.code == reason
    assert refused.value.message  # renders in the active language without a KeyError
    assert stored_files(media_root) == before
    assert not H5PContent.objects.exists()
    assert list(H5PLibrary.objects.values_list("pk", flat=True)) == libraries


@pytest.mark.parametrize(
    ("limits", "reason"),
    [
        (Limits(max_entries=2), "too_many_files"),
        (Limits(max_total_bytes=1000), "too_large_total"),
        (Limits(max_upload_bytes=200), "too_big"),
        (Limits(max_json_bytes=1000), "json_too_large"),
    ],
    ids=["too many files", "too large unpacked", "too large upload", "too large JSON"],
)
def test_package_over_a_limit_is_refused(limits, reason, media_root):
    package = build(
        entry("content/images/a.png", PNG), entry("content/b.json", b"[0" + b",0" * 600 + b"]")
    )
    before = stored_files(media_root)

    with pytest.raises(PackageRefused) as refused:
        h5p_content_create(
            upload=io.BytesIO(package), language="en", uploaded_by=None, limits=limits
        )

    assert refused.value.code == reason
    assert stored_files(media_root) == before
    assert not H5PContent.objects.exists()


def test_only_variants_of_the_same_attack_share_a_reason():
    reasons = [reason for _, reason in CORPUS.values()]
    shared = {reason for reason in reasons if reasons.count(reason) > 1}

    assert shared == {
        "path_traversal",
        "absolute_path",
        "unknown_library",
        "bad_json",
        "not_zip",
        "duplicate",
        "media_path_unsafe",
        "metadata_invalid",
        "corrupt",
    }


def test_refusal_names_the_offending_entry():
    with pytest.raises(PackageRefused) as refused:
        validate_package(io.BytesIO(build(entry("content/evil.js", b"alert(1)"))))

    assert "content/evil.js" in refused.value.message


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("nl", "is een script"),
        ("fr", "est un script"),
        ("de", "ist ein Skript"),
        ("en", "is a script"),
    ],
)
def test_refusal_is_told_in_the_editors_language(language, words):
    with pytest.raises(PackageRefused) as refused:
        validate_package(io.BytesIO(build(entry("content/evil.js", b"alert(1)"))))

    with translation.override(language):
        assert words in refused.value.message


def test_valid_package_passes_with_its_library_pinned(quiz_library):
    package = validate_package(io.BytesIO(valid()))

    assert package.main_library == quiz_library
    assert package.libraries == [quiz_library]
    assert [media.path for media in package.media] == ["images/padlock.png"]


def test_plain_text_parameters_are_escaped_once_and_html_keeps_allowed_tags():
    questions = [
        {
            "text": "<img src=x onerror=alert(1)> &amp; more",
            "answers": [{"text": "a", "correct": True}, {"text": "b"}],
        }
    ]
    intro = '<p onclick="x()">Hi <script>alert(1)</script><strong>there</strong></p>'
    package = build(content_json=json.dumps(parameters(questions=questions, intro=intro)).encode())

    cleaned = validate_package(io.BytesIO(package)).parameters

    assert cleaned["questions"][0]["text"] == "&lt;img src=x onerror=alert(1)&gt; &amp; more"
    assert cleaned["intro"] == "<p>Hi alert(1)<strong>there</strong></p>"


def test_validation_never_fetches_from_the_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("validation tried to reach the network")

    monkeypatch.setattr("socket.create_connection", no_network)
    monkeypatch.setattr("socket.getaddrinfo", no_network)

    assert validate_package(io.BytesIO(valid())).title == "Strong passwords"


def test_a_stored_zip_is_read_without_trusting_its_declared_sizes():
    # The header says 10 bytes, the data holds more: the CRC catches it.
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("h5p.json", json.dumps(metadata()))
        archive.writestr("content/content.json", json.dumps(parameters()))
    data = bytearray(output.getvalue())
    central = data.rindex(b"PK\x01\x02")
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")

    with pytest.raises(PackageRefused) as refused:
        validate_package(io.BytesIO(bytes(data)))

    assert refused.value.code in {"corrupt", "bad_json", "not_zip"}


def test_editor_tmp_marks_on_media_paths_are_dropped():
    questions = [
        {
            "text": "?",
            "image": {"path": "images/a.png#tmp", "mime": "image/png"},
            "answers": [{"text": "a", "correct": True}, {"text": "b"}],
        }
    ]
    package = build(
        entry("content/images/a.png", PNG),
        content_json=json.dumps(parameters(questions=questions)).encode(),
    )

    cleaned = validate_package(io.BytesIO(package)).parameters

    assert cleaned["questions"][0]["image"]["path"] == "images/a.png"

"""Builders of .h5p packages for the H5P tests: honest ones and hostile ones."""

import io
import json
import zipfile

from courses.h5p.demo import QUIZ_LIBRARY, quiz_package

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81"
    b"\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


def metadata(**changes) -> dict:
    value = {
        "title": "A hostile test",
        "language": "en",
        "mainLibrary": "H5P.DigiskillsQuiz",
        "embedTypes": ["iframe"],
        "preloadedDependencies": [dict(QUIZ_LIBRARY)],
    }
    value.update(changes)
    return value


def parameters(**changes) -> dict:
    value = {
        "questions": [
            {
                "text": "2 + 2?",
                "answers": [{"text": "4", "correct": True}, {"text": "5", "correct": False}],
            }
        ]
    }
    value.update(changes)
    return value


def entry(name: str, data: bytes, *, mode: int | None = None, stored: bool = False):
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    if mode is not None:
        info.create_system = 3
        info.external_attr = mode << 16
    return info, data


def build(*extra, h5p_json: bytes | None = None, content_json: bytes | None = None, base=True):
    """A zip with h5p.json and content/content.json (unless left out) plus `extra` entries."""
    entries = []
    if base:
        entries.append(entry("h5p.json", h5p_json or json.dumps(metadata()).encode()))
        entries.append(
            entry("content/content.json", content_json or json.dumps(parameters()).encode())
        )
    entries.extend(extra)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for info, data in entries:
            archive.writestr(info, data)
    return output.getvalue()


def valid() -> bytes:
    return quiz_package("en")


def install_quiz_library():
    from courses.h5p.demo import LIBRARIES
    from courses.h5p.library_store import library_install

    return library_install(source=LIBRARIES / "H5P.DigiskillsQuiz-1.1", installed_by=None)[0]


def stored_files(root) -> list[str]:
    """Every file under a storage root, as sorted relative paths."""
    return sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())

"""Why a package or library is refused: one code per reason, each with a message
translated when it is shown (so in the editor's language, not the server's)."""

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

REASONS = {
    # The archive itself.
    "not_zip": _("The file is not an H5P package: it is not a valid zip archive."),
    "too_big": _("The package is %(size)s; the limit is %(limit)s."),
    "too_many_files": _("The package holds %(count)s files; the limit is %(limit)s."),
    "too_large_total": _("Unpacked, the package would take %(size)s; the limit is %(limit)s."),
    "zip_bomb": _(
        "“%(name)s” is compressed %(ratio)s times; more than %(limit)s times is refused "
        "as a zip bomb."
    ),
    "encrypted": _("“%(name)s” is encrypted; encrypted packages are refused."),
    "corrupt": _("“%(name)s” is damaged: its size or checksum does not match."),
    # Paths inside the archive.
    "absolute_path": _("“%(name)s” is an absolute path; paths must stay inside the package."),
    "path_traversal": _("“%(name)s” uses “..” to point outside the package."),
    "backslash": _("“%(name)s” contains a backslash; paths inside a package use “/”."),
    "bad_name": _("“%(name)s” is not an acceptable file name."),
    "symlink": _("“%(name)s” is a symbolic link or a special file; only plain files are taken."),
    "duplicate": _("“%(name)s” appears more than once in the package (letter case ignored)."),
    # What a content package may hold.
    "unexpected_file": _(
        "“%(name)s” is outside content/; a package may hold only h5p.json, content/ and "
        "library folders."
    ),
    "content_script": _("“%(name)s” is a script; content/ may hold only media and JSON."),
    "content_html": _("“%(name)s” is a web page; content/ may hold only media and JSON."),
    "content_svg": _("“%(name)s” is an SVG image, which can carry scripts; use PNG or JPEG."),
    "content_font": _("“%(name)s” is a font; content/ may hold only media and JSON."),
    "content_type": _(
        "“%(name)s”: this type of file is not allowed in content/ (allowed: %(allowed)s)."
    ),
    "content_mismatch": _("“%(name)s” does not contain what its extension (.%(extension)s) says."),
    # The JSON files.
    "missing_h5p_json": _("The package has no h5p.json at its top level."),
    "missing_content_json": _("The package has no content/content.json."),
    "bad_json": _("“%(name)s” is not valid JSON (line %(line)s, column %(column)s)."),
    "json_too_large": _("“%(name)s” takes %(size)s; a JSON file may take at most %(limit)s."),
    "json_too_deep": _("“%(name)s” is nested more than %(limit)s levels deep."),
    "not_an_object": _("“%(name)s” must hold a JSON object."),
    "metadata_invalid": _("h5p.json: “%(field)s” is missing or has the wrong type."),
    "media_path_unsafe": _(
        "content/content.json refers to “%(name)s”, which is not a file inside the package."
    ),
    "external_player": _(
        "content/content.json links to “%(name)s”, a video on a site (YouTube, Vimeo, …) "
        "that plays it through its own code, which the player does not load: upload the "
        "video file instead."
    ),
    "media_not_https": _(
        "content/content.json links to “%(name)s” without https: an outside video or "
        "audio file must be an https:// link (or upload the file instead)."
    ),
    "missing_media": _("content/content.json refers to “%(name)s”, which is not in content/."),
    "parameters_invalid": _(
        "content/content.json does not fit the fields of %(library)s "
        "(first problem at %(path)s; %(count)s in all)."
    ),
    # Libraries.
    "unknown_library": _(
        "The package needs %(library)s, which is neither inside it nor in the library "
        "store. Export it again from h5p.org or Lumi with its libraries, or ask an "
        "administrator to install it."
    ),
    "main_not_declared": _(
        "The main library %(library)s is not among the package's preloaded dependencies."
    ),
    "main_not_runnable": _("%(library)s is not a content type that can be played on its own."),
    "dependency_conflict": _("The package needs two versions of %(library)s at once."),
    "library_missing": _("No library.json was found: this is not an H5P library."),
    "library_json_invalid": _(
        "%(name)s: library.json is missing “%(field)s” or has a wrong value there."
    ),
    "libraries_too_large": _(
        "The libraries inside the package take %(size)s unpacked; the limit is %(limit)s."
    ),
    "library_differs": _(
        "The package carries %(library)s, but its files differ from the copy of that same "
        "version in the library store; an installed version is never replaced."
    ),
    "library_in_use": _(
        "%(library)s is used by %(count)s activities (%(names)s): delete them first."
    ),
    "library_needed": _("%(library)s is needed by %(names)s: remove those first."),
    "activity_in_use": _(
        "“%(title)s” is played in published lessons: %(lessons)s. Take it out of those "
        "lessons (and publish them) before deleting it."
    ),
    "library_dependency_missing": _(
        "%(library)s needs %(dependency)s, which is not installed: install it first or with it."
    ),
    "library_file_missing": _("%(library)s lists “%(name)s”, which is not among its files."),
    "library_file_type": _("“%(name)s”: this type of file is not allowed in a library."),
}


class PackageRefused(Exception):
    """A package or library was refused; `code` says why, `message` says it in
    the active language, naming what was wrong."""

    def __init__(self, code: str, **params: object) -> None:
        if code not in REASONS:
            raise ValueError(f"unknown refusal reason {code!r}")
        self.code = code
        self.params = params
        super().__init__(code, params)

    @property
    def message(self) -> str:
        return str(REASONS[self.code]) % self.params

    def __str__(self) -> str:
        return self.message


def size_label(value: int) -> str:
    return str(filesizeformat(value))

"""Request bodies of the views that take a file, bounded before Django reads
them.

Django parses a multipart body in CsrfViewMiddleware, before the view runs,
and keeps every file whole (in memory up to FILE_UPLOAD_MAX_MEMORY_SIZE, then
on disk). `upload_bounded(max_bytes=...)` puts `BoundedUploadHandler` first on
the view's request, as Django documents for per-view upload handlers (CSRF
checked inside, once the handler is in place):

- a Content-Length larger than the limit (plus room for the form's other
  fields) stops reading at the first file part, before one byte of the file;
- otherwise the file's bytes are counted as they arrive and reading stops at
  the first byte over the limit.

Either way nothing of the file is kept and the rest of the body is not read;
the fields before the file (the CSRF token) are. The view asks
`upload_refusal(request)` and answers 413 with the form again. The proxy in
front (nginx `client_max_body_size`, see README) refuses larger bodies
before they reach a worker.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

# The multipart headers and the form's other fields around the file: a
# Content-Length within the file limit plus this is read (and counted).
FORM_OVERHEAD_BYTES = 64 * 1024


def request_max_bytes(max_bytes: int) -> int:
    """The largest request body a view taking files of `max_bytes` reads."""
    return max_bytes + FORM_OVERHEAD_BYTES


class BoundedUploadHandler(FileUploadHandler):
    """Stops the upload (nothing kept, rest of the body unread) once a file's
    bytes or the declared body pass the limit, and says so on the request."""

    def __init__(self, request: HttpRequest, *, max_bytes: int):
        super().__init__(request)
        self.max_bytes = max_bytes
        self.received = 0
        self.declared_over = False

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.declared_over = content_length > request_max_bytes(self.max_bytes)

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        if self.declared_over:
            self._refuse()

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.max_bytes:
            self._refuse()
        return raw_data

    def file_complete(self, file_size):
        return None

    def _refuse(self):
        self.request.upload_refused_max_bytes = self.max_bytes
        # connection_reset: the rest of the body is left unread.
        raise StopUpload(connection_reset=True)


def upload_bounded(*, max_bytes: Callable[[], int]):
    """Decorate a view that takes a file of at most `max_bytes()` bytes (read
    at request time, so settings can change in tests)."""

    def decorator(view):
        protected = csrf_protect(view)

        @wraps(view)
        @csrf_exempt
        def wrapped(request, *args, **kwargs):
            request.upload_handlers.insert(0, BoundedUploadHandler(request, max_bytes=max_bytes()))
            return protected(request, *args, **kwargs)

        return wrapped

    return decorator


def upload_refusal(request: HttpRequest) -> str:
    """Why the request's file was not read ("" when it was), in the user's
    language. Reading request.POST first is what runs the handler."""
    _post = request.POST
    limit = getattr(request, "upload_refused_max_bytes", None)
    if limit is None:
        return ""
    return _("The file is too big (at most %(max)s MB).") % {"max": _megabytes(limit)}


def _megabytes(size: int) -> str:
    value = size / 1048576
    return str(int(value)) if value.is_integer() else f"{value:.1f}"


def partner_import_max_bytes() -> int:
    return settings.PARTNER_IMPORT_MAX_BYTES

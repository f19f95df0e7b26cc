"""Error bodies of the partner API, always the same shape:

    {"error": {"code": "...", "message": "...", "details": [...]}}

`message` is in the caller's language (Accept-Language); `code` is stable and
meant for programs."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, ValidationError


class ApiError(Exception):
    """Raise to answer with an error body; `headers` go on the response."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: list | None = None,
        headers: dict | None = None,
    ):
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.details = details or []
        self.headers = headers or {}


def body(code: str, message: str, details: list | None = None) -> dict:
    return {"error": {"code": code, "message": message, "details": details or []}}


def not_found() -> ApiError:
    return ApiError(404, "not_found", _("Nothing was found at this address."))


def _field_message(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind in ("literal_error", "enum"):
        return _("Choose one of: %(choices)s.") % {"choices": ctx.get("expected", "")}
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("Enter a date as YYYY-MM-DD.")
    if kind.startswith("int") or kind.startswith("float"):
        return _("Enter a whole number.")
    if kind.startswith("uuid"):
        return _("Enter a course identifier (UUID).")
    if kind == "too_long":
        return _("At most %(max)s items or characters.") % {"max": ctx.get("max_length", "")}
    if kind == "too_short":
        return _("At least %(min)s items or characters.") % {"min": ctx.get("min_length", "")}
    if kind in ("string_too_long",):
        return _("At most %(max)s characters.") % {"max": ctx.get("max_length", "")}
    if kind in ("greater_than_equal", "greater_than"):
        return _("The value is too small.")
    if kind in ("less_than_equal", "less_than"):
        return _("The value is too large.")
    if kind in ("string_type", "list_type", "dict_type", "model_type", "model_attributes_type"):
        return _("This value has the wrong type.")
    if kind == "json_invalid":
        return _("The request body is not valid JSON.")
    return _("This value is not valid.")


def validation_details(errors: list[dict]) -> list[dict]:
    """pydantic's errors as `{"loc", "index", "field", "message"}` items: the
    item's index in a list and the field's name, when there are."""
    details = []
    for error in errors:
        loc = [part for part in error.get("loc", ()) if part not in ("payload",)]
        index = next((part for part in loc if isinstance(part, int)), None)
        names = [
            part for part in loc if isinstance(part, str) and part not in ("body", "query", "path")
        ]
        details.append(
            {
                "loc": [str(part) for part in loc],
                "index": index,
                "field": names[-1] if names else None,
                "message": _field_message(error),
            }
        )
    return details


def install(api) -> None:
    """Answer every error of `api` with the error body."""

    def respond(request, status, payload, headers=None):
        response = api.create_response(request, payload, status=status)
        for name, value in (headers or {}).items():
            response[name] = value
        return response

    @api.exception_handler(ApiError)
    def on_api_error(request, exc: ApiError):
        return respond(request, exc.status, body(exc.code, exc.message, exc.details), exc.headers)

    @api.exception_handler(ValidationError)
    def on_validation(request, exc: ValidationError):
        return respond(
            request,
            422,
            body(
                "invalid",
                _("Some values are not valid; see the details."),
                validation_details(exc.errors),
            ),
        )

    @api.exception_handler(AuthenticationError)
    def on_unauthenticated(request, exc):
        return respond(
            request,
            401,
            body(
                "unauthenticated",
                _("Send your API token as 'Authorization: Bearer dsk_…'."),
            ),
            {"WWW-Authenticate": 'Bearer realm="digiskills"'},
        )

    @api.exception_handler(HttpError)
    def on_http_error(request, exc: HttpError):
        if exc.status_code == 400:
            return respond(request, 400, body("bad_request", _("The request is malformed.")))
        return respond(request, exc.status_code, body("error", str(exc)))

    @api.exception_handler(Http404)
    def on_not_found(request, exc):
        error = not_found()
        return respond(request, 404, body(error.code, error.message))

    @api.exception_handler(PermissionDenied)
    def on_denied(request, exc):
        return respond(request, 403, body("forbidden", _("This token may not do this.")))

    @api.exception_handler(IntegrityError)
    def on_conflict(request, exc):
        return respond(
            request,
            409,
            body(
                "conflict",
                _("Another request changed the same data at the same time; send it again."),
            ),
        )

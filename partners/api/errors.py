"""Error bodies of the partner API: RFC 9457 problem details
(`application/problem+json`), the same shape for every status:

    {"type": "tag:digiskills.be,2026:problem:invalid", "title": "Unprocessable Content",
     "status": 422, "code": "invalid", "detail": "...",
     "errors": [{"row": 1, "field": "email", "pointer": "/learners/1/email",
                 "code": "invalid_email", "message": "..."}],
     "error": {"code": "invalid", "message": "...", "details": [...]}}

`code` (of the problem and of each item) is stable and meant for programs;
`detail` and `message` are in the caller's language (Accept-Language). Every
problem with the request is listed at once. `error` is the body of API v1
before problem details, kept for existing integrations (deprecated)."""

import json
import logging
from http import HTTPStatus

from django.core import signals
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.db import IntegrityError
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.responses import NinjaJSONEncoder

CONTENT_TYPE = "application/problem+json"
TYPE = "tag:digiskills.be,2026:problem:{code}"
# Items of a bulk request: an error under /learners/<n>/ has row n.
ROWS = ("learners",)
logger = logging.getLogger("django.request")
# 500 learners with every field at its longest fit in well under this.
MAX_BODY_BYTES = 1024 * 1024


class ApiError(Exception):
    """Raise to answer with a problem; `errors` are items as made by `item()`,
    `headers` go on the response."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        errors: list | None = None,
        headers: dict | None = None,
    ):
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors or []
        self.headers = headers or {}


def item(location: list, code: str, message: str, *, where: str = "body") -> dict:
    """One problem at `location` (keys and list indexes inside the body, or a
    parameter's name) as an `errors` item."""
    parts = [str(part) for part in location]
    row = None
    if where == "body" and len(location) > 1 and location[0] in ROWS:
        row = location[1] if isinstance(location[1], int) else None
    field_parts = parts[2:] if row is not None else parts
    return {
        "row": row,
        "field": ".".join(field_parts) or None,
        "pointer": ("/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts))
        if where == "body"
        else None,
        "parameter": parts[0] if where != "body" and parts else None,
        "code": code,
        "message": message,
    }


def problem(status: int, code: str, message: str, errors: list | None = None) -> dict:
    errors = errors or []
    return {
        "type": TYPE.format(code=code),
        "title": HTTPStatus(status).phrase,
        "status": status,
        "code": code,
        "detail": message,
        "errors": errors,
        "error": {
            "code": code,
            "message": message,
            "details": [
                {
                    "loc": [e["parameter"] or "body"]
                    + ([p for p in (e["pointer"] or "").split("/") if p] if e["pointer"] else []),
                    "index": e["row"],
                    "field": (e["field"] or "").rsplit(".", 1)[-1] or e["parameter"],
                    "message": e["message"],
                }
                for e in errors
            ],
        },
    }


def response(
    request, status: int, code: str, message: str, errors=None, headers=None
) -> HttpResponse:
    """A problem as an HTTP response, outside any language prefix."""
    # The API has no language prefix: tell LocaleMiddleware so, or a 404
    # would be "corrected" into a redirect to /<lang>/api/v1/….
    request.urlconf = "partners.api.urls"
    answer = HttpResponse(
        json.dumps(problem(status, code, message, errors), cls=NinjaJSONEncoder),
        status=status,
        content_type=CONTENT_TYPE,
    )
    for name, value in (headers or {}).items():
        answer[name] = value
    return answer


def not_found() -> ApiError:
    return ApiError(404, "not_found", _("Nothing was found at this address."))


def too_large() -> ApiError:
    return ApiError(
        413,
        "too_large",
        _("The request body is larger than %(size)s KB.") % {"size": MAX_BODY_BYTES // 1024},
    )


# pydantic's error types -> our stable item codes.
_CODES = {
    "missing": "required",
    "extra_forbidden": "unknown_field",
    "literal_error": "invalid_choice",
    "enum": "invalid_choice",
    "too_long": "too_long",
    "too_short": "too_short",
    "string_too_long": "too_long",
    "string_too_short": "too_short",
    "greater_than_equal": "too_small",
    "greater_than": "too_small",
    "less_than_equal": "too_large",
    "less_than": "too_large",
    "json_invalid": "invalid_json",
}


def _code(kind: str) -> str:
    if kind in _CODES:
        return _CODES[kind]
    if kind.startswith(("date", "datetime")):
        return "invalid_date"
    if kind.startswith(("int", "float", "uuid", "bool")) or kind.endswith("_type"):
        return "wrong_type"
    return kind if kind.islower() and "_" in kind else "invalid"


def _field_message(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if ctx.get("translated"):
        # Our own checks (partners.api.schemas) raise translated messages.
        return error["msg"]
    if kind == "missing":
        return _("This field is required.")
    if kind == "extra_forbidden":
        return _("This field is not part of the API; remove it or check its spelling.")
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
    if kind == "string_too_short":
        return _("This field is required.")
    if kind in ("greater_than_equal", "greater_than"):
        return _("The value is too small.")
    if kind in ("less_than_equal", "less_than"):
        return _("The value is too large.")
    if kind.endswith("_type"):
        return _("This value has the wrong type.")
    if kind == "json_invalid":
        return _("The request body is not valid JSON.")
    return _("This value is not valid.")


def validation_items(errors: list[dict]) -> tuple[list[dict], bool]:
    """pydantic's errors as `errors` items, and whether they are all about
    query parameters (a bad address: 400) rather than the body (422)."""
    items = []
    only_query = True
    for error in errors:
        loc = list(error.get("loc", ()))
        where = loc[0] if loc and loc[0] in ("body", "query", "path") else "body"
        # ninja names the parameter group (payload, params) after the source.
        rest = [part for part in loc[1:] if part not in ("payload", "params")]
        only_query = only_query and where == "query"
        items.append(item(rest, _code(error.get("type", "")), _field_message(error), where=where))
    return items, only_query


def install(api) -> None:
    """Answer every error of `api` with a problem."""

    @api.exception_handler(ApiError)
    def on_api_error(request, exc: ApiError):
        return response(request, exc.status, exc.code, exc.message, exc.errors, exc.headers)

    @api.exception_handler(ValidationError)
    def on_validation(request, exc: ValidationError):
        items, only_query = validation_items(exc.errors)
        if only_query:
            return response(
                request,
                400,
                "invalid_parameter",
                _("Some parameters of the address are not valid; see the errors."),
                items,
            )
        return response(
            request, 422, "invalid", _("Some values are not valid; see the errors."), items
        )

    @api.exception_handler(AuthenticationError)
    def on_unauthenticated(request, exc):
        return response(
            request,
            401,
            "unauthenticated",
            _("Send your API token as 'Authorization: Bearer dsk_…'."),
            headers={"WWW-Authenticate": 'Bearer realm="digiskills"'},
        )

    @api.exception_handler(HttpError)
    def on_http_error(request, exc: HttpError):
        if isinstance(exc.__cause__, RequestDataTooBig):
            return on_api_error(request, too_large())
        if exc.status_code == 400:
            return response(request, 400, "bad_request", _("The request body is not valid JSON."))
        return response(request, exc.status_code, "error", str(exc))

    @api.exception_handler(RequestDataTooBig)
    def on_too_big(request, exc):
        return on_api_error(request, too_large())

    @api.exception_handler(Http404)
    def on_not_found(request, exc):
        return on_api_error(request, not_found())

    @api.exception_handler(PermissionDenied)
    def on_denied(request, exc):
        return response(request, 403, "forbidden", _("This token may not do this."))

    @api.exception_handler(IntegrityError)
    def on_conflict(request, exc):
        # Only a real race gets here (two requests writing the same rows at
        # once): every permanent conflict is checked before writing (422).
        return response(
            request,
            409,
            "conflict",
            _("Another request changed the same data at the same time; send it again."),
            headers={"Retry-After": "1"},
        )

    @api.exception_handler(Exception)
    def on_error(request, exc):
        # As Django does for any view: logged (and mailed to admins), and
        # announced to error reporters; but answered as a problem.
        logger.error(
            "Internal Server Error: %s",
            request.path,
            exc_info=exc,
            extra={"status_code": 500, "request": request},
        )
        signals.got_request_exception.send(sender=None, request=request)
        return response(
            request,
            500,
            "server_error",
            _("Something went wrong on our side; it was logged. Try again later."),
        )

"""Limit/offset pages with a `next` link: one row more than asked is read to
know whether there is a next page, so no COUNT over a large table.

Both are bounded: `limit` by MAX_LIMIT, `offset` by MAX_OFFSET (a database
skips the rows one by one; beyond the bound, or beyond what PostgreSQL can
count, the request is refused with 400 instead of failing)."""

from urllib.parse import urlencode

from ninja import Schema
from pydantic import Field

MAX_LIMIT = 200
MAX_OFFSET = 1_000_000


class PageParams(Schema):
    limit: int = Field(
        50, ge=1, le=MAX_LIMIT, description=f"Items per page (1–{MAX_LIMIT}, default 50)."
    )
    offset: int = Field(
        0,
        ge=0,
        le=MAX_OFFSET,
        description=(
            f"Items to skip (0–{MAX_OFFSET:,}); follow the `next` link rather than "
            "computing it. A larger value is refused with 400."
        ),
    )


def page(request, queryset, params: PageParams) -> tuple[list, str | None]:
    """The items of the page and the absolute address of the next one (or None)."""
    rows = list(queryset[params.offset : params.offset + params.limit + 1])
    next_url = None
    if len(rows) > params.limit:
        rows = rows[: params.limit]
        query = request.GET.copy()
        query["limit"] = str(params.limit)
        query["offset"] = str(params.offset + params.limit)
        next_url = request.build_absolute_uri(f"{request.path}?{urlencode(sorted(query.items()))}")
    return rows, next_url

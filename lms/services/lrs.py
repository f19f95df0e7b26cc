"""The optional external Learning Record Store (LRS_ENDPOINT), e.g. Ralph."""

import base64
import json
import urllib.request
from urllib.parse import urlencode

from django.conf import settings
from django.utils import timezone

from lms.models import Statement


class LRSError(OSError):
    """The LRS refused the statement or could not be reached (retried)."""


def lrs_statement_put(*, statement: Statement) -> None:
    """PUT the statement at `statements?statementId=<id>` (xAPI 1.0.3) and mark
    it forwarded. 204 and 409 (already stored) both mean it is there."""
    if not settings.LRS_ENDPOINT.startswith(("https://", "http://")):
        raise LRSError("LRS_ENDPOINT must be an http(s) address")
    url = f"{settings.LRS_ENDPOINT}/statements?{urlencode({'statementId': str(statement.pk)})}"
    request = urllib.request.Request(  # noqa: S310 (scheme checked above)
        url,
        data=json.dumps(statement.statement).encode(),
        method="PUT",
        headers={"Content-Type": "application/json", "X-Experience-API-Version": "1.0.3"},
    )
    if settings.LRS_USERNAME:
        token = f"{settings.LRS_USERNAME}:{settings.LRS_PASSWORD}".encode()
        request.add_header("Authorization", "Basic " + base64.b64encode(token).decode())
    try:
        with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310 (checked)
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except urllib.error.URLError as error:
        raise LRSError(str(error.reason)) from error
    if status not in (200, 204, 409):
        raise LRSError(f"LRS answered {status}")
    Statement.objects.filter(pk=statement.pk).update(forwarded_at=timezone.now())

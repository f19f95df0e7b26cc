"""Export of xAPI statements: one's own, or (staff) a course's."""

import json
import uuid

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponseBadRequest, StreamingHttpResponse
from django.views.decorators.http import require_GET

from lms.permissions import access_course_statements
from lms.selectors import statements_for_course, statements_for_learner


def _stream(statements):
    # Streamed row by row: a course can hold millions of statements.
    yield '{"statements": ['
    first = True
    for body in statements.values_list("statement", flat=True).iterator(chunk_size=2000):
        yield ("" if first else ",") + json.dumps(body, separators=(",", ":"))
        first = False
    yield '], "more": ""}'


@login_required
@require_GET
def statements_export(request: HttpRequest):
    """GET: my statements; `?course=<course translation key>`: a course's (staff)."""
    course = request.GET.get("course")
    if course:
        access_course_statements(request.user)
        try:
            course_key = uuid.UUID(course)
        except ValueError:
            return HttpResponseBadRequest("course must be a course key (UUID)")
        statements = statements_for_course(course_key=course_key)
        filename = f"xapi-course-{course_key}.json"
    else:
        statements = statements_for_learner(learner=request.user)
        filename = "xapi-my-learning.json"
    response = StreamingHttpResponse(_stream(statements), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Experience-API-Version"] = "1.0.3"
    return response

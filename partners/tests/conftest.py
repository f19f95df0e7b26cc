import pytest

from lms.tests.content import course_tree


@pytest.fixture
def tree(home_page):
    """A live course (not open to self-enrolment: partners enrol into it)."""
    return course_tree(home_page, self_enrolment=False)


# --- partner API ------------------------------------------------------------

from django.core.cache import cache  # noqa: E402

from partners.models import CohortCourse, Scope  # noqa: E402
from partners.services import api_token_create  # noqa: E402
from partners.tests.factories import (  # noqa: E402
    CohortFactory,
    OrganisationFactory,
    ProjectFactory,
)


class Caller:
    """A test client that calls the API with one token."""

    def __init__(self, client, value: str, token):
        self.client = client
        self.value = value
        self.token = token
        self.organisation = token.organisation

    def _headers(self, extra):
        return {"HTTP_AUTHORIZATION": f"Bearer {self.value}", **extra}

    def get(self, path, **extra):
        return self.client.get(path, **self._headers(extra))

    def post(self, path, data=None, **extra):
        return self.client.post(
            path, data=data, content_type="application/json", **self._headers(extra)
        )

    def put(self, path, data=None, **extra):
        return self.client.put(
            path, data=data, content_type="application/json", **self._headers(extra)
        )

    def delete(self, path, **extra):
        return self.client.delete(path, **self._headers(extra))


@pytest.fixture(autouse=True)
def _api_cache():
    # Rate-limit windows live in the cache.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_caller(client, db):
    def make(organisation=None, scopes=tuple(Scope.values), **kwargs):
        organisation = organisation or OrganisationFactory()
        token, value = api_token_create(
            organisation=organisation,
            name=kwargs.pop("name", f"token {len(scopes)} {organisation.pk}"),
            scopes=list(scopes),
            created_by=None,
            **kwargs,
        )
        return Caller(client, value, token)

    return make


@pytest.fixture
def caller(make_caller):
    """A token with every scope, of a fresh organisation."""
    return make_caller()


@pytest.fixture
def stranger(make_caller):
    """A token with every scope, of another organisation."""
    return make_caller()


@pytest.fixture
def api_cohort(caller, tree):
    """A cohort of the caller's organisation following the test course."""
    cohort = CohortFactory(project=ProjectFactory(organisation=caller.organisation))
    CohortCourse.objects.create(cohort=cohort, course_key=tree.course.translation_key)
    return cohort


# --- a webhook receiver -------------------------------------------------------

import json  # noqa: E402
import threading  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402


class _Receiver(BaseHTTPRequestHandler):
    received: list = []
    statuses: list = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        length = int(self.headers.get("Content-Length", 0))
        raw = self.rfile.read(length)
        type(self).received.append(
            {"path": self.path, "headers": dict(self.headers), "raw": raw, "body": json.loads(raw)}
        )
        status = type(self).statuses.pop(0) if type(self).statuses else 204
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    """A real HTTP server on 127.0.0.1 that records what it receives; put
    status codes in `receiver.statuses` to answer them in turn (then 204)."""
    _Receiver.received = []
    _Receiver.statuses = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Receiver.url = f"http://127.0.0.1:{server.server_port}/hooks/digiskills"
    yield _Receiver
    server.shutdown()
    server.server_close()


@pytest.fixture
def cohort(tree):
    """A cohort following the live course, in an organisation working in nl."""
    organisation = OrganisationFactory(language="nl")
    cohort = CohortFactory(project=ProjectFactory(organisation=organisation))
    CohortCourse.objects.create(cohort=cohort, course_key=tree.course.translation_key)
    return cohort


@pytest.fixture
def manager(cohort):
    from lms.tests.factories import UserFactory
    from partners.services import membership_grant

    user = UserFactory(preferred_language="en")
    membership_grant(organisation=cohort.project.organisation, user=user, role="manager")
    return user

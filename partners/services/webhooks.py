"""Webhooks: endpoints an organisation registers, the events the platform sends
them (enrolment, completion, certification), and the signed, retried,
exactly-once-delivered HTTP calls.

Each event becomes one `WebhookDelivery` per subscribed endpoint, written in
the caller's transaction; the Celery task is queued only once it commits. A
delivery is claimed by a conditional UPDATE before it is sent, so two workers
(or a retry and a manual redelivery) never send it twice, and a delivered one
is never sent again.
"""

import hashlib
import hmac
import json
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from lms.models import User
from partners.models import (
    CohortCourse,
    Organisation,
    PartnerLearner,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from partners.netguard import host_refusal, pinned_post

SIGNATURE_HEADER = "Digiskills-Signature"
TIMEOUT_SECONDS = 10
# Backoff between attempts: 30 s, 1 min, 2 min ... capped at 6 hours.
BACKOFF_BASE_SECONDS = 30
BACKOFF_MAX_SECONDS = 6 * 3600
OPEN_STATUSES = (
    WebhookDelivery.Status.PENDING,
    WebhookDelivery.Status.SENDING,
    WebhookDelivery.Status.RETRYING,
)


class WebhookUrlError(ValueError):
    """The address cannot receive webhooks; the message is translated."""


class WebhookExists(ValueError):
    """The organisation already sends to this address (a double submit)."""


@dataclass(frozen=True)
class AttemptResult:
    """What one attempt did: "delivered", "retry" (after `countdown` seconds),
    "failed", "skipped" (delivered, held by another worker or not due) or "missing"."""

    outcome: str
    countdown: int = 0


def webhook_url_check(url: str) -> str:
    """The address, or a translated WebhookUrlError: https only (plain http
    only when PARTNERS_WEBHOOK_ALLOW_HTTP), and never a private, local or
    otherwise non-global host, however it is spelt (partners.netguard; a test
    receiver on loopback only with PARTNERS_WEBHOOK_ALLOW_LOOPBACK)."""
    parts = urlsplit(url.strip())
    schemes = ("https", "http") if settings.PARTNERS_WEBHOOK_ALLOW_HTTP else ("https",)
    try:
        hostname = parts.hostname
    except ValueError:
        hostname = None
    if parts.scheme not in schemes or not hostname:
        raise WebhookUrlError(_("The address must start with https:// and name a host."))
    if parts.username or parts.password:
        raise WebhookUrlError(_("The address must not contain a user name or password."))
    if host_refusal(url.strip()) is not None:
        raise WebhookUrlError(_("The address must be reachable on the public internet."))
    return url.strip()


@transaction.atomic
def webhook_endpoint_create(
    *, organisation: Organisation, url: str, events: list[str], created_by: User | None
) -> WebhookEndpoint:
    """Register an address for some events; the secret that signs the
    deliveries is generated here and returned on the endpoint."""
    url = webhook_url_check(url)
    unknown = set(events) - set(WebhookEvent.values)
    if unknown or not events:
        raise ValueError(f"unknown events: {sorted(unknown)}")
    # Serialise registrations of one organisation so that a double submit
    # makes one endpoint.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    if WebhookEndpoint.objects.filter(
        organisation=organisation, url=url, deleted_at__isnull=True
    ).exists():
        raise WebhookExists(url)
    endpoint = WebhookEndpoint.objects.create(
        organisation=organisation,
        url=url,
        events=sorted(set(events)),
        secret="whsec_" + secrets.token_urlsafe(32),
        created_by=created_by,
    )
    audit_record(
        actor=created_by,
        action="partners.webhook_endpoint_create",
        target=endpoint,
        data={"organisation": organisation.slug, "url": url, "events": endpoint.events},
    )
    return endpoint


@transaction.atomic
def webhook_endpoint_delete(*, endpoint: WebhookEndpoint, deleted_by: User | None) -> None:
    """Stop sending to an endpoint. Its delivery log is kept; what is still
    waiting is not sent."""
    updated = WebhookEndpoint.objects.filter(pk=endpoint.pk, deleted_at__isnull=True).update(
        active=False, deleted_at=timezone.now()
    )
    if updated:
        audit_record(
            actor=deleted_by,
            action="partners.webhook_endpoint_delete",
            target=endpoint,
            data={"url": endpoint.url},
        )


def _enqueue(delivery_ids: list[int]) -> None:
    from partners.tasks import webhook_deliver

    for delivery_id in delivery_ids:
        webhook_deliver.delay_on_commit(delivery_id)


@transaction.atomic
def webhook_events_emit(
    *,
    organisation_id: int,
    event_type: str,
    events: list[dict],
    occurred_at: datetime | None = None,
    subscriptions: tuple[str, ...] = (),
) -> list[WebhookDelivery]:
    """Events of one type for one organisation (`events` is their `data`): a
    delivery per event and active endpoint that subscribed to it (or to one
    of `subscriptions`), one event id per event, the same for all its
    endpoints, sent after commit. The endpoints are read once, however many
    events."""
    # An organisation has a handful of endpoints: filter the events here
    # (JSON containment is not portable to SQLite).
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(
            organisation_id=organisation_id, active=True, deleted_at__isnull=True
        ).order_by("pk")
        if {event_type, *subscriptions} & set(endpoint.events)
    ]
    if not endpoints or not events:
        return []
    created_at = (occurred_at or timezone.now()).isoformat()
    rows = []
    for data in events:
        event_id = uuid.uuid4()
        payload = {"id": str(event_id), "type": event_type, "created_at": created_at, "data": data}
        rows += [
            WebhookDelivery(endpoint=e, event_id=event_id, event_type=event_type, payload=payload)
            for e in endpoints
        ]
    deliveries = WebhookDelivery.objects.bulk_create(rows, batch_size=1000)
    _enqueue([d.pk for d in deliveries])
    return deliveries


def webhook_event_emit(
    *, organisation_id: int, event_type: str, data: dict, occurred_at: datetime | None = None
) -> list[WebhookDelivery]:
    """One event for one organisation (see `webhook_events_emit`)."""
    return webhook_events_emit(
        organisation_id=organisation_id,
        event_type=event_type,
        events=[data],
        occurred_at=occurred_at,
    )


def _known_learners(*, user: User, course_key) -> list[PartnerLearner]:
    """The records of this person at every organisation that enrolled them in
    this course through one of its cohorts: only they hear about it."""
    in_cohort = CohortCourse.objects.filter(
        course_key=course_key,
        cohort__members__learner=OuterRef("pk"),
        cohort__project__organisation=OuterRef("organisation"),
    )
    return list(PartnerLearner.objects.filter(user=user).filter(Exists(in_cohort)).order_by("pk"))


def webhook_learners_enrolled(*, organisation_id: int, enrolments: list[dict]) -> list:
    """partners.signals.learners_enrolled: a `learner.enrolled` event per enrolment."""
    return webhook_events_emit(
        organisation_id=organisation_id,
        event_type=WebhookEvent.LEARNER_ENROLLED,
        events=[
            {"external_id": e["external_id"], "course_key": str(e["course_key"])}
            for e in enrolments
        ],
    )


def webhook_import_committed(*, batch, learners: list[dict]) -> list[WebhookDelivery]:
    """An enrolled file as `import.committed` events of PARTNERS_WEBHOOK_PAGE_SIZE
    learners each (`page` of `pages`, `total`, the import's id), instead of
    one `learner.enrolled` per enrolment; endpoints subscribed to either get
    it. Written in the import's transaction: the pages exist if it committed."""
    size = settings.PARTNERS_WEBHOOK_PAGE_SIZE
    pages = max(1, -(-len(learners) // size))
    common = {
        "import_id": str(batch.public_id),
        "cohort_id": batch.cohort_id,
        "file": batch.original_name,
        "total": len(learners),
        "pages": pages,
    }
    return webhook_events_emit(
        organisation_id=batch.organisation_id,
        event_type=WebhookEvent.IMPORT_COMMITTED,
        subscriptions=(WebhookEvent.LEARNER_ENROLLED,),
        occurred_at=batch.committed_at,
        events=[
            {**common, "page": n + 1, "learners": learners[n * size : (n + 1) * size]}
            for n in range(pages)
        ],
    )


def webhook_course_completed(
    *, user: User, course_key, completed_at: datetime | None
) -> list[WebhookDelivery]:
    """lms.signals.course_completed, for each organisation that knows the learner."""
    deliveries = []
    for learner in _known_learners(user=user, course_key=course_key):
        deliveries += webhook_event_emit(
            organisation_id=learner.organisation_id,
            event_type=WebhookEvent.COURSE_COMPLETED,
            data={
                "external_id": learner.external_id,
                "course_key": str(course_key),
                "completed_at": completed_at.isoformat() if completed_at else None,
            },
        )
    return deliveries


def webhook_certificate_issued(
    *, user: User, course_key, code: str, issued_at: datetime
) -> list[WebhookDelivery]:
    """certificates.signals.certificate_issued, for each organisation that
    knows the learner."""
    from certificates.codes import display
    from certificates.dates import issuer_datetime
    from certificates.links import verify_url

    deliveries = []
    for learner in _known_learners(user=user, course_key=course_key):
        deliveries += webhook_event_emit(
            organisation_id=learner.organisation_id,
            event_type=WebhookEvent.CERTIFICATE_ISSUED,
            data={
                "external_id": learner.external_id,
                "course_key": str(course_key),
                "code": display(code),
                "issued_at": issuer_datetime(issued_at).isoformat(),  # Brussels offset
                "verification_url": verify_url(code),
            },
        )
    return deliveries


@transaction.atomic
def webhook_delivery_redeliver(
    *, delivery: WebhookDelivery, requested_by: User | None
) -> WebhookDelivery:
    """Send an event again to its endpoint, as a new delivery with the same
    event id (receivers that already have it ignore it). While a delivery of
    the event is still open, that one is returned: a double click sends once."""
    open_one = (
        WebhookDelivery.objects.filter(
            endpoint_id=delivery.endpoint_id, event_id=delivery.event_id, status__in=OPEN_STATUSES
        )
        .order_by("-pk")
        .first()
    )
    if open_one is not None:
        return open_one
    again = WebhookDelivery.objects.create(
        endpoint_id=delivery.endpoint_id,
        event_id=delivery.event_id,
        event_type=delivery.event_type,
        payload=delivery.payload,
    )
    audit_record(
        actor=requested_by,
        action="partners.webhook_redeliver",
        target=again,
        data={"event_id": str(delivery.event_id), "from_delivery": delivery.pk},
    )
    _enqueue([again.pk])
    return again


def webhook_signature(*, secret: str, timestamp: int, body: bytes) -> str:
    """The `Digiskills-Signature` value: `t=<ts>,v1=<hex HMAC-SHA256 of "<ts>.<body>">`."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def _backoff(attempts: int) -> int:
    return min(BACKOFF_BASE_SECONDS * 2 ** max(attempts - 1, 0), BACKOFF_MAX_SECONDS)


def _post(url: str, *, body: bytes, headers: dict) -> tuple[int | None, str]:
    """POST the body; (status code or None, error text). The scheme and host
    are checked again (settings may have changed since registration), the name
    resolved once and the connection pinned to the checked address."""
    schemes = ("https", "http") if settings.PARTNERS_WEBHOOK_ALLOW_HTTP else ("https",)
    if urlsplit(url).scheme not in schemes:
        return None, "refused: the address is not https"
    return pinned_post(url, body=body, headers=headers, timeout=TIMEOUT_SECONDS)


def webhook_delivery_attempt(*, delivery_id: int) -> AttemptResult:
    """Claim the delivery, POST it once, and record the answer. 2xx delivers;
    anything else is retried with exponential backoff until
    PARTNERS_WEBHOOK_MAX_ATTEMPTS, then the delivery is failed."""
    now = timezone.now()
    lease = now + timedelta(seconds=TIMEOUT_SECONDS + 30)
    claimed = (
        WebhookDelivery.objects.filter(pk=delivery_id, status__in=OPEN_STATUSES)
        .filter(Q(locked_until__isnull=True) | Q(locked_until__lt=now))
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(
            status=WebhookDelivery.Status.SENDING,
            locked_until=lease,
            attempts=F("attempts") + 1,
        )
    )
    if not claimed:
        exists = WebhookDelivery.objects.filter(pk=delivery_id).exists()
        return AttemptResult("skipped" if exists else "missing")
    delivery = WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_id)
    endpoint = delivery.endpoint
    if not endpoint.active or endpoint.deleted_at is not None:
        WebhookDelivery.objects.filter(pk=delivery_id).update(
            status=WebhookDelivery.Status.FAILED,
            locked_until=None,
            last_error="endpoint disabled",
        )
        return AttemptResult("failed")
    body = json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Digiskills-Webhooks/1",
        "Digiskills-Event-Id": str(delivery.event_id),
        "Digiskills-Event-Type": delivery.event_type,
        "Digiskills-Timestamp": str(timestamp),
        SIGNATURE_HEADER: webhook_signature(secret=endpoint.secret, timestamp=timestamp, body=body),
    }
    status, error = _post(endpoint.url, body=body, headers=headers)
    finished = timezone.now()
    if status is not None and 200 <= status < 300:
        WebhookDelivery.objects.filter(pk=delivery_id).update(
            status=WebhookDelivery.Status.DELIVERED,
            delivered_at=finished,
            last_response_code=status,
            last_error="",
            locked_until=None,
            next_attempt_at=None,
        )
        return AttemptResult("delivered")
    if delivery.attempts >= settings.PARTNERS_WEBHOOK_MAX_ATTEMPTS:
        WebhookDelivery.objects.filter(pk=delivery_id).update(
            status=WebhookDelivery.Status.FAILED,
            last_response_code=status,
            last_error=error,
            locked_until=None,
            next_attempt_at=None,
        )
        return AttemptResult("failed")
    countdown = _backoff(delivery.attempts)
    WebhookDelivery.objects.filter(pk=delivery_id).update(
        status=WebhookDelivery.Status.RETRYING,
        last_response_code=status,
        last_error=error,
        locked_until=None,
        next_attempt_at=finished + timedelta(seconds=countdown),
    )
    return AttemptResult("retry", countdown)


def webhook_deliveries_due(*, limit: int = 500) -> list[int]:
    """Deliveries that should be in flight but are not (a lost message, a dead
    worker, or a retry due): the periodic task queues them again."""
    now = timezone.now()
    return list(
        WebhookDelivery.objects.filter(status__in=OPEN_STATUSES)
        .filter(Q(locked_until__isnull=True) | Q(locked_until__lt=now))
        .filter(
            Q(next_attempt_at__lte=now - timedelta(minutes=1))
            | Q(next_attempt_at__isnull=True, created_at__lte=now - timedelta(minutes=2))
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )

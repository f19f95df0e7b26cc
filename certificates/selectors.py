"""Reads of certificates: lookups for verification (one query each), the
learner's list, published keys and status lists."""

from functools import cache

from django.db import connection
from django.db.models import QuerySet

from certificates.models import (
    BulkIssueJob,
    Certificate,
    IssuedFile,
    NameCorrection,
    SigningKey,
)
from lms.models import User
from lms.round_trips import execute_prepared, first_read, models_from_rows

# What a public verification reads: one row, no join, nothing about the holder
# but the frozen certificate text (never e-mail or birth date).
VERIFY_FIELDS = (
    "id",
    "public_id",
    "code",
    "content",
    "issued_at",
    "expires_at",
    "revoked_at",
    # not revocation_reason: it is never shown publicly
    "withdrawn_at",
    "status_list_id",
    "status_index",
    "language",
    "replaced_by_id",
)


@cache
def _verify_names() -> tuple:
    """VERIFY_FIELDS in the model's field order, the order Model.from_db reads."""
    order = [f.attname for f in Certificate._meta.concrete_fields]
    return tuple(sorted(VERIFY_FIELDS, key=order.index))


@cache
def _verify_sql(key_field: str) -> str:
    """The lookup's SQL, written once per process: building it with the ORM cost
    about a third of the API's time. No ORDER BY: the key is unique, the lookup
    is one index probe."""
    meta = Certificate._meta
    quote = connection.ops.quote_name
    columns = ", ".join(quote(meta.get_field(name).column) for name in _verify_names())
    key = quote(meta.get_field(key_field).column)
    return f"SELECT {columns} FROM {quote(meta.db_table)} WHERE {key} = %s LIMIT 1"  # noqa: S608


def _fetch(sql: str, params: list) -> list[Certificate]:
    # A cursor and Model.from_db rather than a RawQuerySet, which re-derives its
    # column mapping and a deferred model on every call: half the lookup's time.
    with connection.cursor() as cursor:
        execute_prepared(cursor, [(sql, params)])
        row = cursor.fetchone()
    if row is None:
        return []
    return models_from_rows(Certificate, [row], _verify_names())


def _lookup(sql: str, params: list) -> list[Certificate]:
    """The lookup as the request's only statement, without a health check
    before it (`lms.round_trips.first_read`)."""
    return first_read(lambda: _fetch(sql, params))


def certificate_for_code(*, code: str) -> Certificate | None:
    """The certificate with this normalised code, in one query, or None."""
    found = _lookup(_verify_sql("code"), [code])
    return found[0] if found else None


def certificate_for_public_id(*, public_id: str) -> Certificate | None:
    found = list(
        Certificate.objects.only(*VERIFY_FIELDS).filter(public_id=public_id).order_by()[:1]
    )
    return found[0] if found else None


def certificates_of(*, user: User) -> QuerySet[Certificate]:
    """A learner's certificates, newest first, with their latest receipts at hand."""
    return (
        Certificate.objects.filter(holder=user)
        .defer("credential_jwt", "credential_di")
        .prefetch_related("receipts")
        .order_by("-issued_at", "-id")
    )


def certificate_of(*, user: User, public_id) -> Certificate | None:
    return Certificate.objects.filter(holder=user, public_id=public_id).first()


def signing_keys_public(*, purpose: str = SigningKey.Purpose.CREDENTIAL) -> list[dict]:
    """Every public key ever used for `purpose`, oldest first (retired ones stay)."""
    return list(
        SigningKey.objects.filter(purpose=purpose)
        .order_by("created_at", "id")
        .values_list("public_jwk", flat=True)
    )


def document_certificates() -> list[tuple[str, str]]:
    """(kid, certificate PEM) of every key that ever sealed PDFs, oldest first."""
    return list(
        SigningKey.objects.filter(purpose=SigningKey.Purpose.DOCUMENT)
        .exclude(certificate_pem="")
        .order_by("created_at", "id")
        .values_list("kid", "certificate_pem")
    )


def signing_key_active(*, purpose: str = SigningKey.Purpose.CREDENTIAL) -> SigningKey | None:
    return SigningKey.objects.filter(active=True, purpose=purpose).first()


def revoked_indexes(*, status_list_id: int) -> list[int]:
    return list(
        Certificate.objects.filter(status_list_id=status_list_id, revoked_at__isnull=False)
        .values_list("status_index", flat=True)
        .order_by()
    )


def bulk_job(*, job_id: int) -> BulkIssueJob | None:
    return BulkIssueJob.objects.filter(pk=job_id).first()


def certificates_held(*, user_ids, course_keys) -> dict[tuple, str]:
    """(holder id, course key) -> code of the valid (not revoked) certificates of
    some learners in some courses, in one query."""
    rows = (
        Certificate.objects.filter(
            holder_id__in=list(user_ids), course_key__in=list(course_keys), revoked_at__isnull=True
        )
        .order_by("issued_at")
        .values_list("holder_id", "course_key", "code")
    )
    return {(holder, key): code for holder, key, code in rows}


def certificates_listing() -> QuerySet[Certificate]:
    """Every certificate without its signed credential, newest first: the base
    that other apps filter down to what their caller may see."""
    return Certificate.objects.defer("credential_jwt", "pdf_files").order_by("-issued_at", "-id")


def certificate_valid_exists(*, user: User, course_key) -> bool:
    """Does `user` hold a certificate of this course that is neither revoked,
    withdrawn nor expired? (Used to activate digital helpers.)"""
    from django.db.models import Q
    from django.utils import timezone

    return (
        Certificate.objects.filter(
            holder=user, course_key=course_key, revoked_at__isnull=True, withdrawn_at__isnull=True
        )
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
        .exists()
    )


def completions_without_certificate(*, learner: User | None = None):
    """Completed certificate courses (lms) of people with a legal name that no
    current certificate answers yet: what waits for issuing."""
    from django.db.models import Exists, OuterRef

    from lms.selectors import completions_awaiting_certificate

    held = Certificate.objects.filter(
        holder_id=OuterRef("learner_id"), course_key=OuterRef("course_key")
    )
    return completions_awaiting_certificate(learner=learner).exclude(Exists(held))


def certificate_emails_unsent(*, limit: int = 500) -> list[int]:
    """Certificates of the last two days (older than ten minutes) whose e-mail
    never went: its task was lost with the process that should have sent it.
    Older ones are left alone (a sweep never mails a backlog)."""
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    return list(
        Certificate.objects.filter(
            emailed_at__isnull=True,
            revoked_at__isnull=True,
            replaced_by__isnull=True,
            issued_at__gte=now - timedelta(days=2),
            issued_at__lte=now - timedelta(minutes=10),
        )
        .exclude(holder__email="")
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )


def certificate_carries_name_exists(*, user: User) -> bool:
    """Is the person's legal name printed on one of their certificates? Then
    only an approved correction changes it (lms.hooks.identity)."""
    return Certificate.objects.filter(holder=user).exclude(content__holder_name="").exists()


def certificate_current(*, certificate: Certificate, limit: int = 20) -> Certificate:
    """The newest certificate in a chain of corrections (itself if never replaced)."""
    current = certificate
    for _step in range(limit):
        if current.replaced_by_id is None:
            break
        current = Certificate.objects.only(*VERIFY_FIELDS).get(pk=current.replaced_by_id)
    return current


def certificates_correctable(*, user: User) -> QuerySet[Certificate]:
    """The holder's current certificates in their name (not replaced, not revoked)."""
    # An erased certificate (no name left) is revoked, so never among these.
    return Certificate.objects.filter(
        holder=user, replaced_by__isnull=True, revoked_at__isnull=True
    ).order_by("-issued_at", "-id")


def name_correction_pending(*, user: User) -> NameCorrection | None:
    return NameCorrection.objects.filter(holder=user, status=NameCorrection.Status.PENDING).first()


def name_corrections_of(*, user: User) -> QuerySet[NameCorrection]:
    return NameCorrection.objects.filter(holder=user).order_by("-requested_at", "-id")[:20]


def name_corrections_for_review() -> QuerySet[NameCorrection]:
    """Pending requests first (oldest first), then the latest decisions."""
    from django.db.models import Case, IntegerField, Value, When

    return (
        NameCorrection.objects.select_related("holder", "decided_by")
        .prefetch_related("certificates")
        .annotate(
            open_first=Case(
                When(status=NameCorrection.Status.PENDING, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("open_first", "requested_at", "id")[:200]
    )


def name_correction(*, correction_id: int) -> NameCorrection | None:
    return (
        NameCorrection.objects.select_related("holder", "decided_by")
        .prefetch_related("certificates")
        .filter(pk=correction_id)
        .first()
    )


def issued_file_for_sha256(*, sha256: str) -> IssuedFile | None:
    """The record of a PDF we handed out, by the SHA-256 of its bytes."""
    return IssuedFile.objects.select_related("certificate").filter(sha256=sha256).first()

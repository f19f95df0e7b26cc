"""Voucher codes: issued for a paid seat pack or as fee waivers, handed out,
redeemed once."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from audit.services import audit_record
from certificates import codes
from courses.models import CoursePage
from courses.selectors import course_by_key
from lms.exceptions import LearningError
from lms.models import Enrolment
from lms.services import enrolment_create
from payments.models import Order, Refund, ResultsConsent, Voucher


def _new_code() -> str:
    # 75 random bits: a collision is caught by the unique constraint, retried.
    return codes.generate()


def _create_voucher(**fields) -> Voucher:
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Voucher.objects.create(code=_new_code(), **fields)
        except IntegrityError:
            continue
    raise RuntimeError("could not draw a free voucher code")


@transaction.atomic
def vouchers_issue_for_order(*, order: Order) -> list[Voucher]:
    """One seat voucher per seat of a paid seat pack. Idempotent: an order that
    already has its vouchers gets no more."""
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.kind != Order.Kind.SEAT_PACK or order.status != Order.Status.PAID:
        raise ValueError("vouchers are issued for paid seat packs only")
    existing = list(order.vouchers.all())
    if existing:
        return existing
    vouchers = [
        _create_voucher(
            kind=Voucher.Kind.SEAT,
            course_key=order.course_key,
            order=order,
            organisation=order.organisation,
            value_cents=order.gross_cents // order.quantity,
            issued_by=order.buyer,
        )
        for _seat in range(order.quantity)
    ]
    audit_record(
        actor=order.buyer,
        action="payments.vouchers_issue",
        target=order,
        data={"seats": order.quantity, "course_key": str(order.course_key)},
    )
    return vouchers


class RefundRefused(ValueError):
    """A refund asks for more seats than are still unused."""


@transaction.atomic
def vouchers_cancel_for_refund(*, order: Order, seats: int, refund: Refund) -> list[Voucher]:
    """Cancel `seats` unused vouchers of `order` for `refund` (those not yet
    handed out first). A used seat is never refunded: fewer unused seats than
    asked raises RefundRefused and cancels nothing."""
    unused = list(
        Voucher.objects.select_for_update()
        .filter(order=order, status__in=[Voucher.Status.AVAILABLE, Voucher.Status.ASSIGNED])
        .order_by(F("assigned_at").asc(nulls_first=True), "pk")[:seats]
    )
    if seats < 1 or len(unused) < seats:
        raise RefundRefused(f"{len(unused)} unused seats, {seats} asked")
    now = timezone.now()
    Voucher.objects.filter(pk__in=[v.pk for v in unused]).update(
        status=Voucher.Status.CANCELED, canceled_at=now, refund=refund
    )
    for voucher in unused:
        voucher.status, voucher.canceled_at, voucher.refund = Voucher.Status.CANCELED, now, refund
    return unused


# --- Redeeming, handing out, consent (the person's and the employer's side) ---


class VoucherRefused(Exception):
    """A voucher the rules refuse to redeem or hand out. `message` is
    translated for the person; `code` names the case for views and tests."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class Redemption:
    """What redeeming did: the voucher (now used), the enrolment and the course
    page in the person's language."""

    voucher: Voucher
    enrolment: Enrolment
    course: CoursePage


def voucher_code_parse(*, typed: str) -> str:
    """The code the person typed, normalised, or VoucherRefused when it cannot
    be a code or its check symbol shows a typing mistake (before any lookup)."""
    code = codes.normalise(typed)
    if code is None:
        raise VoucherRefused(
            _(
                "This is not a voucher code. A code has 16 letters and digits, "
                "for example 7K3M-Q9XD-2HFA-BWNC."
            ),
            code="malformed",
        )
    if not codes.is_well_formed(code):
        raise VoucherRefused(
            _("This code holds a typing mistake. Check each letter and digit, and try again."),
            code="mistyped",
        )
    return code


def voucher_course(*, course_key, language: str | None) -> CoursePage | None:
    """The live course page of `course_key`, in `language` when it exists."""
    return course_by_key(course_key=course_key, language=language)


def voucher_check(*, voucher: Voucher | None, user, now=None) -> None:
    """Raise VoucherRefused when `voucher` cannot be redeemed by `user` now
    (unknown, used, cancelled, expired, or a voucher of that course already
    used by the person). The last second of `expires_at` is still valid."""
    if voucher is None:
        raise VoucherRefused(
            _("No voucher has this code. Check it against the e-mail or the paper you received."),
            code="unknown",
        )
    if voucher.status == Voucher.Status.REDEEMED:
        if voucher.redeemed_by_id == user.pk:
            message = _("You already used this code: you are enrolled in the course.")
        else:
            message = _("This code has already been used. Each code can be used once.")
        raise VoucherRefused(message, code="already_used")
    if voucher.status == Voucher.Status.CANCELED:
        raise VoucherRefused(
            _("This code was cancelled (the seat was refunded). Ask whoever gave it to you."),
            code="cancelled",
        )
    now = now or timezone.now()
    if voucher.expires_at is not None and now > voucher.expires_at:
        raise VoucherRefused(
            _("This code expired on %(date)s.")
            % {"date": date_format(timezone.localtime(voucher.expires_at), "DATETIME_FORMAT")},
            code="expired",
        )
    if Voucher.objects.filter(redeemed_by=user, course_key=voucher.course_key).exists():
        raise VoucherRefused(
            _("You already used a voucher for this course. Keep this code for someone else."),
            code="course_already_redeemed",
        )


def voucher_preview(*, code: str, user) -> tuple[Voucher, CoursePage]:
    """The voucher of a typed code and its course, if `user` may redeem it:
    what the confirmation step shows (organisation, course). No lock, no write."""
    normalised = voucher_code_parse(typed=code)
    voucher = Voucher.objects.select_related("organisation").filter(code=normalised).first()
    voucher_check(voucher=voucher, user=user)
    course = voucher_course(course_key=voucher.course_key, language=_language_of(user))
    if course is None:
        raise VoucherRefused(_("This course is no longer offered."), code="course_gone")
    return voucher, course


def _language_of(user) -> str | None:
    return getattr(user, "preferred_language", "") or None


def voucher_redeem(*, code: str, user, share_results: bool) -> Redemption:
    """Redeem a typed code for `user`: enrol them (source voucher), mark the
    voucher used, and record their consent to share results with the
    organisation that paid for the seat when they chose to. The voucher row is
    locked, so a code is used once however many people try at the same moment."""
    normalised = voucher_code_parse(typed=code)
    try:
        with transaction.atomic():
            voucher = (
                Voucher.objects.select_for_update(of=("self",))
                .select_related("organisation")
                .filter(code=normalised)
                .first()
            )
            voucher_check(voucher=voucher, user=user)
            course = voucher_course(course_key=voucher.course_key, language=_language_of(user))
            if course is None:
                raise VoucherRefused(_("This course is no longer offered."), code="course_gone")
            try:
                enrolment = enrolment_create(
                    learner=user, course=course, source=Enrolment.Source.VOUCHER
                )
            except LearningError as error:
                raise VoucherRefused(error.message, code=error.code) from error
            now = timezone.now()
            voucher.status = Voucher.Status.REDEEMED
            voucher.redeemed_by = user
            voucher.redeemed_at = now
            with transaction.atomic():
                voucher.save(update_fields=["status", "redeemed_by", "redeemed_at"])
            audit_record(
                actor=user,
                action="payments.voucher_redeem",
                target=voucher,
                subject_user=user,
                data={
                    "course_key": str(voucher.course_key),
                    "organisation": voucher.organisation_id,
                    "kind": voucher.kind,
                    "value_cents": voucher.value_cents,
                },
            )
            if share_results and voucher.kind == Voucher.Kind.SEAT:
                consent = ResultsConsent.objects.create(
                    voucher=voucher, learner=user, organisation=voucher.organisation, granted_at=now
                )
                audit_record(
                    actor=user,
                    action="payments.results_consent_grant",
                    target=consent,
                    subject_user=user,
                    data={"organisation": voucher.organisation_id},
                )
    except IntegrityError as error:
        # Another code of the same course redeemed by the same person at the
        # same moment: the once-per-person-and-course constraint decided.
        raise VoucherRefused(
            _("You already used a voucher for this course. Keep this code for someone else."),
            code="course_already_redeemed",
        ) from error
    return Redemption(voucher=voucher, enrolment=enrolment, course=course)


def _email_refusal(email: str) -> str:
    cleaned = (email or "").strip()
    try:
        validate_email(cleaned)
    except ValidationError as error:
        raise VoucherRefused(
            _("“%(email)s” is not an e-mail address.") % {"email": cleaned[:200]},
            code="bad_email",
        ) from error
    return cleaned


def _lock_unused(voucher: Voucher) -> Voucher:
    locked = Voucher.objects.select_for_update().get(pk=voucher.pk)
    if locked.status not in (Voucher.Status.AVAILABLE, Voucher.Status.ASSIGNED):
        raise VoucherRefused(
            _("This seat is no longer free: it was used or cancelled."), code="not_unused"
        )
    return locked


@transaction.atomic
def voucher_assign(*, voucher: Voucher, email: str, assigned_by) -> Voucher:
    """Hand an unused seat to a person by e-mail (again to another address
    while it is unused): the code and the redeem link are e-mailed, in the
    organisation's working language, after the commit."""
    address = _email_refusal(email)
    voucher = _lock_unused(voucher)
    previous = voucher.assigned_email
    voucher.assigned_email = address
    voucher.assigned_at = timezone.now()
    voucher.status = Voucher.Status.ASSIGNED
    voucher.save(update_fields=["assigned_email", "assigned_at", "status"])
    audit_record(
        actor=assigned_by,
        action="payments.voucher_assign",
        target=voucher,
        data={"email": address, "previous_email": previous},
    )
    from payments.tasks import voucher_email_send as task

    task.delay_on_commit(voucher.pk, address)
    return voucher


@transaction.atomic
def voucher_unassign(*, voucher: Voucher, unassigned_by) -> Voucher:
    """Take back a seat that was sent and not used: it is free again (the code
    e-mailed still works until it is given to someone else or refunded)."""
    voucher = _lock_unused(voucher)
    previous = voucher.assigned_email
    voucher.assigned_email = ""
    voucher.assigned_at = None
    voucher.status = Voucher.Status.AVAILABLE
    voucher.save(update_fields=["assigned_email", "assigned_at", "status"])
    audit_record(
        actor=unassigned_by,
        action="payments.voucher_unassign",
        target=voucher,
        data={"previous_email": previous},
    )
    return voucher


@dataclass(frozen=True)
class AssignLine:
    """One pasted line: its number, what it said, and the voucher it got or the
    reason it got none."""

    number: int
    text: str
    voucher: Voucher | None = None
    error: str = ""


BULK_MAX_LINES = 1000


def vouchers_assign_bulk(*, order: Order, text: str, assigned_by) -> list[AssignLine]:
    """One free seat of `order` to each e-mail address pasted (one a line,
    or separated by commas or semicolons). Each line is reported: the seat it
    got, or why not (not an address, listed twice, no free seat left). Lines
    without a seat can be pasted again; nothing is half done."""
    lines: list[AssignLine] = []
    seen: set[str] = set()
    entries = [
        line.strip()
        for line in (text or "").replace(";", "\n").replace(",", "\n").splitlines()
        if line.strip()
    ]
    for number, entry in enumerate(entries, start=1):
        if number > BULK_MAX_LINES:
            # Reported, not dropped: the person pastes these again.
            lines.append(
                AssignLine(
                    number=number,
                    text=entry,
                    error=_("Too many lines at once: send this one again."),
                )
            )
            continue
        try:
            address = _email_refusal(entry)
        except VoucherRefused as refusal:
            lines.append(AssignLine(number=number, text=entry, error=refusal.message))
            continue
        if address.lower() in seen:
            lines.append(
                AssignLine(number=number, text=entry, error=_("Listed twice: one seat was sent."))
            )
            continue
        seen.add(address.lower())
        with transaction.atomic():
            free = (
                Voucher.objects.select_for_update(skip_locked=True)
                .filter(order=order, status=Voucher.Status.AVAILABLE)
                .order_by("pk")
                .first()
            )
            if free is None:
                lines.append(AssignLine(number=number, text=entry, error=_("No free seat left.")))
                continue
            voucher = voucher_assign(voucher=free, email=address, assigned_by=assigned_by)
        lines.append(AssignLine(number=number, text=entry, voucher=voucher))
    return lines


def voucher_email_send(*, voucher_id: int, email: str) -> str:
    """E-mail the code and the redeem link to the address a seat was sent to,
    in the organisation's working language; "skipped" when the seat was taken
    back, given to someone else or used since."""
    voucher = Voucher.objects.select_related("organisation").filter(pk=voucher_id).first()
    if voucher is None:
        return "missing"
    if voucher.status != Voucher.Status.ASSIGNED or voucher.assigned_email != email:
        return "skipped"
    language = voucher.organisation.language or settings.LANGUAGE_CODE
    course = voucher_course(course_key=voucher.course_key, language=language)
    with translation.override(language):
        context = {
            "organisation": voucher.organisation.name,
            "course": course.title if course else "",
            "code": codes.display(voucher.code),
            "redeem_url": settings.SITE_URL
            + reverse("payments:voucher_redeem")
            + "?"
            + urlencode({"code": codes.display(voucher.code)}),
            "expires_at": voucher.expires_at,
        }
        subject = render_to_string("payments/email/voucher_subject.txt", context)
        body = render_to_string("payments/email/voucher_body.txt", context)
    EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[email],
        headers={"Content-Language": language},
    ).send()
    return "sent"


@transaction.atomic
def results_consent_withdraw(*, consent: ResultsConsent, user) -> ResultsConsent:
    """The person stops sharing their progress and result with the
    organisation; from now on it sees "not shared". Idempotent."""
    consent = ResultsConsent.objects.select_for_update().get(pk=consent.pk)
    if consent.learner_id != user.pk:
        raise VoucherRefused(_("Only the person can withdraw this consent."), code="not_yours")
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
        audit_record(
            actor=user,
            action="payments.results_consent_withdraw",
            target=consent,
            subject_user=user,
            data={"organisation": consent.organisation_id},
        )
    return consent

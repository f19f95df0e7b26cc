"""Reads of vouchers: an employer's seats with who used them (and, where the
person agreed, their progress and result), and a person's consents."""

from dataclasses import dataclass, field

from django.db.models import QuerySet

from certificates import codes
from certificates.selectors import certificates_held
from courses.models import CoursePage
from lms.selectors.exams import exam_passes
from lms.selectors.learning import learner_courses_progress
from payments.models import Order, ResultsConsent, Voucher


@dataclass
class SeatRow:
    """One seat: its voucher and, when the person shares, how they stand."""

    voucher: Voucher
    shared: bool = False
    progress_percent: int | None = None
    completed_at: object = None
    exam_passed: bool = False
    exam_score_percent: int | None = None
    certificate_code: str = ""

    @property
    def display_code(self) -> str:
        return codes.display(self.voucher.code)


@dataclass
class SeatOrder:
    """One seat pack: its order, course title, counts and seats."""

    order: Order
    course_title: str
    rows: list[SeatRow] = field(default_factory=list)

    def _count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.voucher.status == status)

    @property
    def bought(self) -> int:
        return len(self.rows)

    @property
    def available(self) -> int:
        return self._count(Voucher.Status.AVAILABLE)

    @property
    def sent(self) -> int:
        return self._count(Voucher.Status.ASSIGNED)

    @property
    def used(self) -> int:
        return self._count(Voucher.Status.REDEEMED)

    @property
    def cancelled(self) -> int:
        return self._count(Voucher.Status.CANCELED)


def course_titles(*, course_keys, language: str) -> dict:
    """course key -> title of its live page, in `language` when translated."""
    titles: dict = {}
    pages = (
        CoursePage.objects.live()
        .filter(translation_key__in=set(course_keys))
        .select_related("locale")
        .order_by("pk")
    )
    for page in pages:
        if page.translation_key not in titles or page.locale.language_code == language[:2]:
            titles[page.translation_key] = page.title
    return titles


def organisation_seat_orders(*, organisation, language: str) -> list[SeatOrder]:
    """The organisation's seat packs, newest first, each with its seats, the
    people who used them and, only while their consent lasts, their progress,
    exam result and certificate. A fixed number of queries however many seats."""
    vouchers = list(
        Voucher.objects.filter(organisation=organisation, kind=Voucher.Kind.SEAT)
        .select_related("order", "redeemed_by", "consent")
        .order_by("-order__created_at", "order_id", "pk")
    )
    titles = course_titles(course_keys={v.course_key for v in vouchers}, language=language)
    shared = [
        v
        for v in vouchers
        if v.redeemed_by_id and _consent_active(v) and v.consent.learner_id == v.redeemed_by_id
    ]
    shared_ids = {v.pk for v in shared}
    user_ids = {v.redeemed_by_id for v in shared}
    keys = {v.course_key for v in shared}
    progress = learner_courses_progress(user_ids=user_ids, course_keys=keys) if shared else {}
    held = certificates_held(user_ids=user_ids, course_keys=keys) if shared else {}
    passes: dict = {}
    if shared:
        for learner_id, key, score, max_score in (
            exam_passes()
            .filter(enrolment__learner_id__in=user_ids, enrolment__course_key__in=keys)
            .order_by("submitted_at", "pk")
            .values_list("enrolment__learner_id", "enrolment__course_key", "score", "max_score")
        ):
            passes[(learner_id, key)] = 100 * score // max_score if max_score else None
    orders: dict[int, SeatOrder] = {}
    for voucher in vouchers:
        group = orders.get(voucher.order_id)
        if group is None:
            group = orders[voucher.order_id] = SeatOrder(
                order=voucher.order, course_title=titles.get(voucher.course_key, "")
            )
        row = SeatRow(voucher=voucher)
        if voucher.pk in shared_ids:
            pair = (voucher.redeemed_by_id, voucher.course_key)
            state = progress.get(pair)
            row.shared = True
            if state is not None:
                row.completed_at = state.enrolment.completed_at
                row.progress_percent = 100 if row.completed_at else state.percent
            row.exam_passed = pair in passes
            row.exam_score_percent = passes.get(pair)
            row.certificate_code = codes.display(held[pair]) if pair in held else ""
        group.rows.append(row)
    return list(orders.values())


def _consent_active(voucher: Voucher) -> bool:
    try:
        consent = voucher.consent
    except ResultsConsent.DoesNotExist:
        return False
    return consent.withdrawn_at is None


def results_consents_of(*, user) -> QuerySet[ResultsConsent]:
    """The person's consents to share results, active first, newest first."""
    return (
        ResultsConsent.objects.filter(learner=user)
        .select_related("organisation", "voucher")
        .order_by("withdrawn_at", "-granted_at", "-pk")
    )

"""Reads of prices: the staff list, the course choices of the price form and
what a course page shows (seat packs on sale, the exam fee)."""

from uuid import UUID

from django.db.models import QuerySet
from django.utils import translation

from courses.models import CoursePage
from payments.models import Price
from payments.money import line_amounts


def course_titles_by_key(*, keys=None) -> dict[str, str]:
    """{translation_key: title} of courses, in the current language where the
    course has it, else in any language (one query)."""
    language = (translation.get_language() or "en").split("-")[0]
    pages = CoursePage.objects.select_related("locale").order_by("pk")
    if keys is not None:
        pages = pages.filter(translation_key__in=list(keys))
    titles: dict[str, str] = {}
    for key, title, locale in pages.values_list(
        "translation_key", "title", "locale__language_code"
    ):
        if str(key) not in titles or locale == language:
            titles[str(key)] = title
    return titles


def course_choices(*, certificate_only: bool = False) -> list[tuple[str, str]]:
    """(translation_key, title) of every course, sorted by title."""
    pages = CoursePage.objects.all()
    if certificate_only:
        pages = pages.filter(certificate_enabled=True)
    keys = set(pages.values_list("translation_key", flat=True))
    titles = course_titles_by_key(keys=keys)
    return sorted(titles.items(), key=lambda item: item[1].lower())


def prices_for_staff(*, include_withdrawn: bool = False) -> QuerySet[Price]:
    prices = Price.objects.all()
    if not include_withdrawn:
        prices = prices.filter(is_active=True)
    return prices.order_by("course_key", "kind", "seats", "-pk")


def gross_cents(price: Price) -> int:
    """One unit of `price` with VAT."""
    return line_amounts(unit_cents=price.unit_amount_cents, quantity=1, vat_rate=price.vat_rate)[2]


def course_offer(*, course_key: UUID) -> dict:
    """What a course page shows: whether seat packs are on sale, and the exam
    fee with VAT in cents (None when the exam is free). One query."""
    active = list(
        Price.objects.filter(course_key=course_key, is_active=True).only(
            "kind", "unit_amount_cents", "vat_rate", "seats"
        )
    )
    packs = [p for p in active if p.kind == Price.Kind.SEAT_PACK]
    fees = [p for p in active if p.kind == Price.Kind.EXAM_FEE and p.unit_amount_cents > 0]
    return {
        "has_seat_packs": bool(packs),
        "exam_fee_cents": gross_cents(fees[0]) if fees else None,
    }

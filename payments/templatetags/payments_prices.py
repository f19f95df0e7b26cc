"""Amounts as people read them, and the prices a course page shows."""

from django import template
from django.urls import reverse
from django.utils import translation

from payments.money import euros
from payments.selectors.prices import course_offer

register = template.Library()


@register.filter(name="euros")
def euros_filter(cents) -> str:
    """`2500|euros` -> `€ 25,00` (nl), `25,00 €` (fr, de), `€25.00` (en)."""
    if cents in (None, ""):
        return ""
    language = (translation.get_language() or "en").split("-")[0]
    return euros(int(cents), language)


@register.inclusion_tag("payments/includes/course_offer.html")
def course_prices(page) -> dict:
    """On a course page: the employers' link to buy seats (when packs are on
    sale) and the exam fee (when there is one)."""
    key = getattr(page, "translation_key", None)
    if key is None or not getattr(page, "pk", None):
        return {"offer": None}
    offer = course_offer(course_key=key)
    seats_url = None
    if offer["has_seat_packs"]:
        seats_url = reverse("payments:seats_buy", kwargs={"course_key": key})
    return {"offer": offer, "seats_url": seats_url}


@register.simple_tag(takes_context=True)
def can_issue_cohort_waivers(context, organisation) -> bool:
    """Whether to show a cohort's "Exam fee waivers" action (the page checks again)."""
    from payments.permissions import can_issue_cohort_waivers as allowed

    return allowed(context["request"].user, organisation)

from django import template
from django.utils.formats import number_format

from analytics.presenters import MONEY, RATE

register = template.Library()


@register.filter
def cell(value, kind):
    """A report cell as text: rates as percentages, money with two decimals,
    suppressed cells ("<5") and empty ones as they are."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if kind == RATE:
        return f"{number_format(value * 100, 1, use_l10n=True)} %"
    if kind == MONEY:
        return number_format(value, 2, use_l10n=True, force_grouping=True)
    return number_format(value, 0, use_l10n=True, force_grouping=True)


@register.filter
def percent(value):
    if value is None:
        return "–"
    return f"{number_format(value * 100, 0, use_l10n=True)} %"


@register.filter
def is_fund_officer(user) -> bool:
    """For the navigation: the fund dashboard link is shown to fund officers only."""
    from partners.permissions import is_fund_officer as check

    return check(user)

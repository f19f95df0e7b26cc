"""Reads of fee waivers: per project and course for the fund officer's page
and a cohort's page, and the fund's totals per project in a period (what
analytics shows as waived)."""

import datetime

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from partners.models import Cohort, Project
from payments.models import Voucher

REDEEMED = Q(status=Voucher.Status.REDEEMED)


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _period_filter(prefix: str, start: datetime.date | None, end: datetime.date | None) -> Q:
    # A period of whole days in the platform's time zone: from the first
    # instant of `start` up to, not including, the first instant after `end`.
    condition = Q()
    if start is not None:
        condition &= Q(**{f"{prefix}__gte": _day_start(start)})
    if end is not None:
        condition &= Q(**{f"{prefix}__lt": _day_start(end + datetime.timedelta(days=1))})
    return condition


def project_waiver_totals(
    *, project: Project, start: datetime.date | None = None, end: datetime.date | None = None
) -> dict:
    """Waivers of `project`: issued in the period, redeemed in the period, and
    the waived value (sum of `value_cents` of the waivers redeemed in the
    period). Two queries."""
    waivers = Voucher.objects.filter(project=project, kind=Voucher.Kind.FEE_WAIVER)
    issued = waivers.filter(_period_filter("created_at", start, end)).count()
    used = waivers.filter(REDEEMED & _period_filter("redeemed_at", start, end)).aggregate(
        count=Count("pk"), value=Sum("value_cents")
    )
    return {"issued": issued, "used": used["count"], "waived_cents": used["value"] or 0}


def waiver_summary_by_course(*, project: Project | None = None, cohort: Cohort | None = None):
    """Per course: waivers issued, used, cancelled, and the value waived so far."""
    waivers = Voucher.objects.filter(kind=Voucher.Kind.FEE_WAIVER)
    if project is not None:
        waivers = waivers.filter(project=project)
    if cohort is not None:
        waivers = waivers.filter(cohort=cohort)
    return list(
        waivers.values("course_key")
        .annotate(
            issued=Count("pk"),
            used=Count("pk", filter=REDEEMED),
            canceled=Count("pk", filter=Q(status=Voucher.Status.CANCELED)),
            waived_cents=Sum("value_cents", filter=REDEEMED, default=0),
        )
        .order_by("course_key")
    )


def project_waivers(*, project: Project, limit: int = 500) -> QuerySet[Voucher]:
    """The project's waivers, newest first (codes for the fund officer)."""
    return (
        Voucher.objects.filter(project=project, kind=Voucher.Kind.FEE_WAIVER)
        .select_related("cohort")
        .order_by("-created_at", "-pk")[:limit]
    )

import datetime
import uuid

import pytest
from django.utils import timezone

from lms.tests.factories import UserFactory
from partners.tests.factories import ProjectFactory
from payments.models import Voucher
from payments.selectors.waivers import project_waiver_totals, waiver_summary_by_course
from payments.services.waivers import fee_waivers_issue
from payments.tests.waiver_helpers import exam_fee

pytestmark = pytest.mark.django_db

START, END = datetime.date(2026, 1, 1), datetime.date(2026, 6, 30)


def _at(day: datetime.date, t: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, t))


def _waivers(project, n, course_key=None):
    price = exam_fee(course_key)
    return fee_waivers_issue(
        organisation=project.organisation,
        project=project,
        course_key=price.course_key,
        count=n,
        issued_by=None,
    )


def _redeem(voucher, when):
    Voucher.objects.filter(pk=voucher.pk).update(
        status=Voucher.Status.REDEEMED, redeemed_by=UserFactory(), redeemed_at=when
    )


def test_a_waiver_redeemed_at_the_last_second_of_the_period_counts_in_it():
    project = ProjectFactory()
    first, second, third = _waivers(project, 3)
    _redeem(first, _at(END, datetime.time(23, 59, 59, 999999)))
    _redeem(second, _at(END + datetime.timedelta(days=1), datetime.time.min))
    _redeem(third, _at(START, datetime.time.min))
    totals = project_waiver_totals(project=project, start=START, end=END)
    assert totals["used"] == 2
    assert totals["waived_cents"] == 5000


def test_a_waiver_redeemed_the_second_before_the_period_does_not_count():
    project = ProjectFactory()
    (waiver,) = _waivers(project, 1)
    _redeem(waiver, _at(START - datetime.timedelta(days=1), datetime.time(23, 59, 59)))
    totals = project_waiver_totals(project=project, start=START, end=END)
    assert totals == {"issued": 0, "used": 0, "waived_cents": 0}


def test_issued_counts_by_issue_date_and_to_date_counts_everything():
    project = ProjectFactory()
    waivers = _waivers(project, 2)
    Voucher.objects.filter(pk=waivers[0].pk).update(
        created_at=_at(END + datetime.timedelta(days=1), datetime.time.min)
    )
    Voucher.objects.filter(pk=waivers[1].pk).update(
        created_at=_at(END, datetime.time(23, 59, 59, 999999))
    )
    assert project_waiver_totals(project=project, start=START, end=END)["issued"] == 1
    assert (
        project_waiver_totals(project=project, start=None, end=datetime.date(2026, 7, 1))["issued"]
        == 2
    )


def test_other_projects_seats_and_cancelled_waivers_are_not_waived_value():
    project, other = ProjectFactory(), ProjectFactory()
    mine = _waivers(project, 2)
    theirs = _waivers(other, 1)
    now = timezone.now()
    _redeem(mine[0], now)
    _redeem(theirs[0], now)
    Voucher.objects.filter(pk=mine[1].pk).update(status=Voucher.Status.CANCELED)
    totals = project_waiver_totals(project=project)
    assert totals == {"issued": 2, "used": 1, "waived_cents": 2500}
    (row,) = waiver_summary_by_course(project=project)
    assert (row["issued"], row["used"], row["canceled"], row["waived_cents"]) == (2, 1, 1, 2500)


def test_the_summary_is_per_course():
    project = ProjectFactory()
    _waivers(project, 2, uuid.uuid4())
    _waivers(project, 1, uuid.uuid4())
    assert sorted(row["issued"] for row in waiver_summary_by_course(project=project)) == [1, 2]

"""The fund sees the exam fees waived per project (read from payments): waivers
issued and used, and the value waived, with the small-cell rule on people."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from analytics.selectors import project_waived
from analytics.services import report_submit_with_figures
from analytics.tests.people import fund_officer
from lms.tests.factories import UserFactory
from partners.models import ReportSubmission
from partners.services import report_create
from partners.tests.factories import ProjectFactory
from payments.models import Voucher
from payments.services.waivers import fee_waivers_issue
from payments.tests.waiver_helpers import exam_fee

pytestmark = pytest.mark.django_db


def _issue(project, n):
    price = exam_fee()
    return fee_waivers_issue(
        organisation=project.organisation,
        project=project,
        course_key=price.course_key,
        count=n,
        issued_by=None,
    )


def _redeem(vouchers, when=None):
    for voucher in vouchers:
        Voucher.objects.filter(pk=voucher.pk).update(
            status=Voucher.Status.REDEEMED,
            redeemed_by=UserFactory(),
            redeemed_at=when or timezone.now(),
        )


def test_five_used_waivers_are_shown_with_their_value():
    project = ProjectFactory()
    vouchers = _issue(project, 6)
    _redeem(vouchers[:5])
    waived = project_waived(project=project, start=None, end=timezone.localdate())
    assert (waived["issued"], waived["used"], waived["waived_cents"]) == (6, 5, 12_500)


def test_fewer_than_five_used_waivers_hide_the_count_and_the_value():
    project = ProjectFactory()
    vouchers = _issue(project, 6)
    _redeem(vouchers[:4])
    waived = project_waived(project=project, start=None, end=timezone.localdate())
    assert waived["used"] == "<5" and waived["waived_cents"] is None
    assert waived["issued"] == 6


def test_the_fund_project_page_shows_the_waived_value_and_links_to_the_waivers(client):
    project = ProjectFactory(ends_on=datetime.date(2030, 12, 31))
    _redeem(_issue(project, 5))
    client.force_login(fund_officer())
    body = client.get(reverse("analytics:fund_project", args=[project.pk])).content.decode()
    assert "Exam fees waived" in body
    assert "€125.00" in body
    assert reverse("payments:fund_project_waivers", args=[project.pk]) in body


def test_a_report_shows_the_waivers_of_its_period_only(client):
    project = ProjectFactory()
    vouchers = _issue(project, 10)
    last_second = timezone.make_aware(datetime.datetime(2026, 3, 31, 23, 59, 59))
    _redeem(vouchers[:5], last_second)
    _redeem(vouchers[5:], last_second + datetime.timedelta(seconds=1))
    report = report_create(
        project=project,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 3, 31),
        created_by=None,
    )
    report_submit_with_figures(report=report, submitted_by=None, note="")
    assert report.status == ReportSubmission.Status.SUBMITTED
    client.force_login(fund_officer())
    response = client.get(reverse("analytics:fund_report", args=[report.pk]))
    assert response.context["waived"]["used"] == 5
    assert response.context["waived"]["waived_cents"] == 12_500

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from audit.models import AuditEntry
from certificates import codes
from courses.models import CoursePage
from lms.models import Enrolment
from lms.tests.factories import UserFactory
from payments.models import Refund, ResultsConsent, Voucher
from payments.selectors.exam_fees import exam_fee_settled
from payments.services.vouchers import (
    VoucherRefused,
    results_consent_withdraw,
    voucher_assign,
    voucher_redeem,
    voucher_unassign,
    vouchers_assign_bulk,
    vouchers_cancel_for_refund,
)
from payments.tests.voucher_helpers import live_course, seat_pack

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(home_page):
    return live_course(home_page, dutch="Veilig online")


@pytest.fixture
def pack(course):
    return seat_pack(course)


def _refusal(**kwargs) -> str:
    with pytest.raises(VoucherRefused) as caught:
        voucher_redeem(**kwargs)
    return caught.value.code


def _mistype(code: str) -> str:
    symbol = "0" if code[3] != "0" else "1"
    return code[:3] + symbol + code[4:]


def test_redeeming_enrols_the_person_in_their_language_and_settles_the_fee(course, pack):
    order, vouchers = pack
    person = UserFactory(preferred_language="nl")
    typed = codes.display(vouchers[0].code).lower()  # as typed from an e-mail
    result = voucher_redeem(code=typed, user=person, share_results=False)

    assert result.course.title == "Veilig online"
    enrolment = Enrolment.objects.get(learner=person, course_key=course.translation_key)
    assert enrolment.source == Enrolment.Source.VOUCHER
    voucher = Voucher.objects.get(pk=vouchers[0].pk)
    assert voucher.status == Voucher.Status.REDEEMED and voucher.redeemed_by == person
    assert voucher.redeemed_at is not None
    assert exam_fee_settled(user=person, course_key=course.translation_key)
    assert not ResultsConsent.objects.exists()
    assert AuditEntry.objects.filter(action="payments.voucher_redeem").count() == 1


def test_look_alike_letters_and_separators_are_accepted(pack):
    voucher = pack[1][0]
    typed = " " + "_".join(voucher.code).replace("0", "O").replace("1", "l") + " "
    assert voucher_redeem(code=typed, user=UserFactory(), share_results=False).voucher == voucher


def test_sharing_results_records_the_consent_with_the_organisation(pack):
    order, vouchers = pack
    person = UserFactory()
    voucher_redeem(code=vouchers[0].code, user=person, share_results=True)
    consent = ResultsConsent.objects.get()
    assert (consent.learner, consent.organisation, consent.voucher_id) == (
        person,
        order.organisation,
        vouchers[0].pk,
    )
    assert consent.withdrawn_at is None
    assert AuditEntry.objects.filter(action="payments.results_consent_grant").count() == 1


def test_a_mistyped_symbol_is_caught_before_any_lookup(pack, django_assert_num_queries):
    code = pack[1][0].code
    with django_assert_num_queries(0):
        assert _refusal(code=_mistype(code), user=UserFactory.build(), share_results=False) == (
            "mistyped"
        )


@pytest.mark.parametrize("typed", ["", "ABC", "7K3M-Q9XD-2HFA-BWN!", "7K3M-Q9XD-2HFA-BWNC-X"])
def test_what_cannot_be_a_code_is_refused(typed, db):
    assert _refusal(code=typed, user=UserFactory(), share_results=False) == "malformed"


def test_an_unknown_code_is_refused(db):
    assert _refusal(code=codes.generate(), user=UserFactory(), share_results=False) == "unknown"


def test_a_used_code_is_refused_to_someone_else_and_to_the_same_person(pack):
    code = pack[1][0].code
    first = UserFactory()
    voucher_redeem(code=code, user=first, share_results=False)
    with pytest.raises(VoucherRefused) as other:
        voucher_redeem(code=code, user=UserFactory(), share_results=False)
    with pytest.raises(VoucherRefused) as same:
        voucher_redeem(code=code, user=first, share_results=False)
    assert other.value.code == same.value.code == "already_used"
    assert "already" in str(other.value.message)
    assert Enrolment.objects.count() == 1


def test_a_cancelled_code_is_refused(pack):
    order, vouchers = pack
    refund = Refund.objects.create(order=order, seats=3, net_cents=1, vat_cents=0, gross_cents=1)
    vouchers_cancel_for_refund(order=order, seats=3, refund=refund)
    assert _refusal(code=vouchers[0].code, user=UserFactory(), share_results=False) == "cancelled"


def test_the_last_second_is_still_valid_and_the_next_is_not(pack):
    vouchers = pack[1]
    end = timezone.now() + datetime.timedelta(days=1)
    Voucher.objects.filter(pk__in=[v.pk for v in vouchers]).update(expires_at=end)
    with mock.patch("django.utils.timezone.now", return_value=end):
        voucher_redeem(code=vouchers[0].code, user=UserFactory(), share_results=False)
    later = end + datetime.timedelta(microseconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert _refusal(code=vouchers[1].code, user=UserFactory(), share_results=False) == "expired"


def test_a_second_code_for_the_same_course_is_refused(pack):
    vouchers = pack[1]
    person = UserFactory()
    voucher_redeem(code=vouchers[0].code, user=person, share_results=False)
    assert (
        _refusal(code=vouchers[1].code, user=person, share_results=False)
        == "course_already_redeemed"
    )
    assert Voucher.objects.get(pk=vouchers[1].pk).status == Voucher.Status.AVAILABLE


def test_a_course_taken_offline_is_refused_and_nothing_is_used(course, pack):
    for page in CoursePage.objects.filter(translation_key=course.translation_key):
        page.unpublish()
    assert _refusal(code=pack[1][0].code, user=UserFactory(), share_results=False) == (
        "course_gone"
    )
    assert Voucher.objects.get(pk=pack[1][0].pk).status == Voucher.Status.AVAILABLE


def test_assigning_sends_the_code_in_the_organisation_language(
    pack, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://digiskills.example"
    voucher = pack[1][0]
    manager = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        voucher_assign(voucher=voucher, email=" ann@example.be ", assigned_by=manager)
    voucher.refresh_from_db()
    assert voucher.status == Voucher.Status.ASSIGNED and voucher.assigned_email == "ann@example.be"
    [message] = mail.outbox
    assert message.to == ["ann@example.be"]
    assert message.extra_headers["Content-Language"] == "nl"
    assert "Brouwerij Sas" in message.subject and "Veilig online" in message.subject
    assert codes.display(voucher.code) in message.body
    assert (
        f"https://digiskills.example/nl/payments/vouchers/redeem/?code={codes.display(voucher.code)}"
        in message.body
    )
    assert AuditEntry.objects.filter(action="payments.voucher_assign").count() == 1


def test_reassigning_sends_to_the_new_address_only(pack, django_capture_on_commit_callbacks):
    voucher = pack[1][0]
    with django_capture_on_commit_callbacks(execute=False) as first:
        voucher_assign(voucher=voucher, email="ann@example.be", assigned_by=None)
    with django_capture_on_commit_callbacks(execute=True):
        voucher_assign(voucher=voucher, email="bob@example.be", assigned_by=None)
    for callback in first:  # the first e-mail's task runs late: the seat moved on
        callback()
    assert [m.to for m in mail.outbox] == [["bob@example.be"]]


def test_unassigning_frees_the_seat_and_a_used_seat_cannot_be_moved(pack):
    first, second = pack[1][:2]
    voucher_assign(voucher=first, email="ann@example.be", assigned_by=None)
    voucher = voucher_unassign(voucher=first, unassigned_by=None)
    assert voucher.status == Voucher.Status.AVAILABLE and voucher.assigned_email == ""
    voucher_redeem(code=second.code, user=UserFactory(), share_results=False)
    with pytest.raises(VoucherRefused):
        voucher_assign(voucher=second, email="ann@example.be", assigned_by=None)
    with pytest.raises(VoucherRefused):
        voucher_unassign(voucher=second, unassigned_by=None)
    assert AuditEntry.objects.filter(action="payments.voucher_unassign").count() == 1


def test_a_bad_address_is_refused(pack):
    with pytest.raises(VoucherRefused) as caught:
        voucher_assign(voucher=pack[1][0], email="ann@", assigned_by=None)
    assert caught.value.code == "bad_email"


def test_bulk_assign_reports_every_line(pack):
    order = pack[0]
    text = (
        "ann@example.be\nnot-an-address\n\nANN@example.be; bob@example.be, cas@example.be\nd@e.be"
    )
    lines = vouchers_assign_bulk(order=order, text=text, assigned_by=None)
    assert [(line.number, line.text, bool(line.voucher)) for line in lines] == [
        (1, "ann@example.be", True),
        (2, "not-an-address", False),
        (3, "ANN@example.be", False),
        (4, "bob@example.be", True),
        (5, "cas@example.be", True),
        (6, "d@e.be", False),
    ]
    assert "No free seat" in lines[5].error and "twice" in lines[2].error
    assert Voucher.objects.filter(status=Voucher.Status.ASSIGNED).count() == 3


def test_bulk_lines_past_the_limit_are_reported_not_dropped(pack, monkeypatch):
    from payments.services import vouchers

    monkeypatch.setattr(vouchers, "BULK_MAX_LINES", 2)
    lines = vouchers_assign_bulk(
        order=pack[0], text="a@example.be\nb@example.be\nc@example.be", assigned_by=None
    )
    sent = [(line.number, bool(line.voucher)) for line in lines]
    assert sent == [(1, True), (2, True), (3, False)]
    assert "again" in lines[2].error


def test_withdrawing_consent_is_the_person_s_own_and_audited(pack):
    person = UserFactory()
    voucher_redeem(code=pack[1][0].code, user=person, share_results=True)
    consent = ResultsConsent.objects.get()
    with pytest.raises(VoucherRefused):
        results_consent_withdraw(consent=consent, user=UserFactory())
    results_consent_withdraw(consent=consent, user=person)
    results_consent_withdraw(consent=consent, user=person)
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert AuditEntry.objects.filter(action="payments.results_consent_withdraw").count() == 1


def test_a_fee_waiver_enrols_and_records_no_consent(course):
    from payments.tests.factories import EmployerFactory

    waiver = Voucher.objects.create(
        code=codes.generate(),
        kind=Voucher.Kind.FEE_WAIVER,
        course_key=course.translation_key,
        organisation=EmployerFactory(),
    )
    person = UserFactory()
    voucher_redeem(code=waiver.code, user=person, share_results=True)
    assert exam_fee_settled(user=person, course_key=course.translation_key)
    assert not ResultsConsent.objects.exists()


def test_a_seat_taken_back_before_its_e_mail_leaves_is_not_e_mailed(
    pack, django_capture_on_commit_callbacks
):
    voucher = pack[1][0]
    with django_capture_on_commit_callbacks(execute=False) as queued:
        voucher_assign(voucher=voucher, email="ann@example.be", assigned_by=None)
    voucher_unassign(voucher=voucher, unassigned_by=None)
    for callback in queued:
        callback()
    assert mail.outbox == []

"""Two redemptions of one code at the same moment, on PostgreSQL: the voucher
row is locked, so one wins and the other is told the code is used."""

import threading
import time
from unittest import mock

import pytest
from django.db import connection, connections

from lms.models import Enrolment
from lms.tests.factories import UserFactory
from payments.models import Voucher
from payments.services import vouchers as service
from payments.services.vouchers import VoucherRefused, voucher_redeem
from payments.tests.voucher_helpers import live_course, seat_pack

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _race(code: str, people: list) -> list:
    """Each person redeems `code` in their own thread and connection, released
    together; the enrolment takes a moment, so without the lock both would pass
    the "unused" check."""
    barrier = threading.Barrier(len(people))
    outcomes: list = [None] * len(people)
    slow_enrol = service.enrolment_create

    def enrol_slowly(**kwargs):
        time.sleep(0.3)
        return slow_enrol(**kwargs)

    def run(index: int, person) -> None:
        try:
            barrier.wait(timeout=10)
            voucher_redeem(code=code, user=person, share_results=True)
            outcomes[index] = "redeemed"
        except VoucherRefused as refusal:
            outcomes[index] = refusal.code
        finally:
            connections.close_all()

    with mock.patch.object(service, "enrolment_create", enrol_slowly):
        threads = [
            threading.Thread(target=run, args=(i, person)) for i, person in enumerate(people)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    return outcomes


@pytest.fixture
def code(home_page):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are tested on PostgreSQL (CI runs it)")
    course = live_course(home_page)
    return seat_pack(course, seats=2)[1][0].code


def test_two_people_redeem_one_code_at_the_same_moment(code):
    ann, bob = UserFactory(), UserFactory()
    outcomes = _race(code, [ann, bob])
    assert sorted(outcomes) == ["already_used", "redeemed"]
    voucher = Voucher.objects.get(code=code)
    assert voucher.status == Voucher.Status.REDEEMED
    winner = ann if outcomes[0] == "redeemed" else bob
    assert voucher.redeemed_by == winner
    assert list(Enrolment.objects.values_list("learner", flat=True)) == [winner.pk]


def test_the_same_person_in_two_tabs_redeems_once(code):
    ann = UserFactory()
    outcomes = _race(code, [ann, ann])
    assert sorted(outcomes) == ["already_used", "redeemed"]
    assert Voucher.objects.filter(redeemed_by=ann).count() == 1
    assert Enrolment.objects.filter(learner=ann).count() == 1

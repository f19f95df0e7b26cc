"""An import holds its welcome e-mails and login cards until staff release
them, then sends them at a pace, each person once; its webhook is a few pages,
not one call per enrolment."""

import math
from datetime import timedelta

import pytest
from django.utils import timezone

from lms.models import User
from partners import selectors
from partners.models import ImportRelease, ImportWelcome, WebhookDelivery
from partners.services import LearnerInput, learners_enrol, webhook_endpoint_create
from partners.services.welcomes import (
    import_welcomes_release,
    import_welcomes_send,
    import_welcomes_stalled,
)
from partners.tasks import import_batches_resume
from partners.tasks import import_welcomes_send as welcomes_task
from partners.tests.welcomes import committed_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def endpoint(cohort):
    return webhook_endpoint_create(
        organisation=cohort.project.organisation,
        url="http://127.0.0.1:9/hooks",  # nobody listens: deliveries stay open
        events=["learner.enrolled"],
        created_by=None,
    )


def _due(batch):
    """The next minute has come."""
    ImportRelease.objects.filter(batch=batch).update(next_at=timezone.now() - timedelta(seconds=1))


def _recipients(mailoutbox):
    return [address for message in mailoutbox for address in message.to]


def test_a_1000_row_import_sends_no_email_and_one_webhook_per_page_of_learners(
    cohort, manager, endpoint, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.PARTNERS_WEBHOOK_PAGE_SIZE = 300
    with django_capture_on_commit_callbacks(execute=True):
        batch = committed_import(cohort, manager, emails=990, cards=10)
    assert mailoutbox == []
    assert ImportWelcome.objects.filter(batch=batch, sent_at__isnull=True).count() == 1000
    deliveries = list(WebhookDelivery.objects.order_by("pk"))
    assert len(deliveries) == math.ceil(1000 / 300) == 4
    assert {d.event_type for d in deliveries} == {"import.committed"}
    pages = [d.payload["data"] for d in deliveries]
    assert [p["page"] for p in pages] == [1, 2, 3, 4]
    assert {(p["pages"], p["total"], p["import_id"]) for p in pages} == {
        (4, 1000, str(batch.public_id))
    }
    assert [len(p["learners"]) for p in pages] == [300, 300, 300, 100]
    learners = [learner for p in pages for learner in p["learners"]]
    assert len({learner["external_id"] for learner in learners}) == 1000
    assert learners[0] == {
        "external_id": "VDAB-00001",
        "created": True,
        "course_keys": [str(cohort.courses.get().course_key)],
    }
    assert len({d.event_id for d in deliveries}) == 4


def test_the_page_boundary_exactly_at_and_one_over_the_page_size(
    cohort, manager, endpoint, settings
):
    settings.PARTNERS_WEBHOOK_PAGE_SIZE = 5
    committed_import(cohort, manager, emails=5)
    assert WebhookDelivery.objects.count() == 1
    committed_import(cohort, manager, emails=6, start=100)
    assert WebhookDelivery.objects.count() == 1 + 2


def test_a_learner_already_known_is_listed_without_new_courses(cohort, manager, endpoint):
    committed_import(cohort, manager, emails=2)
    again = committed_import(cohort, manager, emails=3)
    [page] = WebhookDelivery.objects.filter(payload__data__import_id=str(again.public_id))
    learners = page.payload["data"]["learners"]
    assert [(x["external_id"], x["created"], len(x["course_keys"])) for x in learners] == [
        ("VDAB-00001", False, 0),
        ("VDAB-00002", False, 0),
        ("VDAB-00003", True, 1),
    ]
    # Only the new account waits for a welcome.
    assert ImportWelcome.objects.filter(batch=again).count() == 1


def test_release_sends_at_the_pace_and_each_person_once_however_often_it_runs(
    cohort, manager, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.PARTNER_WELCOME_PER_MINUTE = 3
    batch = committed_import(cohort, manager, emails=7, cards=2)
    with django_capture_on_commit_callbacks(execute=True):
        release = import_welcomes_release(batch=batch, released_by=manager)
    assert release.emails_total == 7
    assert len(mailoutbox) == 3  # the first minute: at most the rate
    assert import_welcomes_send(batch_id=batch.pk).sent == 0  # a duplicate, too early
    assert welcomes_task(batch.pk) == 0  # the retried task, too early
    assert len(mailoutbox) == 3
    _due(batch)
    assert welcomes_task(batch.pk) == 3
    _due(batch)
    result = import_welcomes_send(batch_id=batch.pk)
    assert (result.sent, result.more) == (1, False)
    _due(batch)
    assert import_welcomes_send(batch_id=batch.pk).sent == 0  # finished
    recipients = _recipients(mailoutbox)
    assert len(recipients) == len(set(recipients)) == 7
    assert ImportRelease.objects.get(batch=batch).finished_at is not None
    assert User.objects.filter(email__in=recipients, welcomed_at__isnull=False).count() == 7


def test_releasing_twice_releases_once(
    cohort, manager, mailoutbox, django_capture_on_commit_callbacks
):
    batch = committed_import(cohort, manager, emails=4)
    with django_capture_on_commit_callbacks(execute=True):
        assert import_welcomes_release(batch=batch, released_by=manager) is not None
        assert import_welcomes_release(batch=batch, released_by=manager) is None
    assert ImportRelease.objects.count() == 1
    assert len(mailoutbox) == 4


def test_someone_already_welcomed_is_not_emailed_again(
    cohort, manager, mailoutbox, django_capture_on_commit_callbacks
):
    batch = committed_import(cohort, manager, emails=3)
    first = ImportWelcome.objects.filter(batch=batch).order_by("pk").first()
    User.objects.filter(pk=first.user_id).update(welcomed_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        import_welcomes_release(batch=batch, released_by=manager)
    assert len(mailoutbox) == 2
    assert not ImportWelcome.objects.filter(batch=batch, sent_at__isnull=True).exists()


def test_a_lost_message_is_resumed_by_the_beat_and_sends_the_rest_once(
    cohort, manager, mailoutbox, settings
):
    settings.PARTNER_WELCOME_PER_MINUTE = 2
    batch = committed_import(cohort, manager, emails=5)
    import_welcomes_release(batch=batch, released_by=manager)  # its message is lost
    assert mailoutbox == []
    assert import_welcomes_stalled() == []  # fresh: left to its own message
    ImportRelease.objects.filter(batch=batch).update(
        released_at=timezone.now() - timedelta(seconds=settings.JOBS_STALE_SECONDS + 1)
    )
    assert import_welcomes_stalled() == [batch.pk]
    assert import_batches_resume() == 1
    assert len(mailoutbox) == 2
    # The worker died after that run: its next message never came.
    ImportRelease.objects.filter(batch=batch).update(
        next_at=timezone.now() - timedelta(seconds=settings.JOBS_STALE_SECONDS + 1)
    )
    assert import_batches_resume() == 1
    assert import_batches_resume() == 0  # claimed: not due again before a minute
    assert len(mailoutbox) == 4
    recipients = _recipients(mailoutbox)
    assert len(set(recipients)) == 4


def test_a_mail_server_error_pauses_the_rest_until_the_next_turn(
    cohort, manager, mailoutbox, settings
):
    batch = committed_import(cohort, manager, emails=3)
    import_welcomes_release(batch=batch, released_by=manager)
    settings.EMAIL_BACKEND = "partners.tests.welcomes.BrokenBackend"
    result = import_welcomes_send(batch_id=batch.pk)
    assert (result.sent, result.more) == (0, True)
    assert not ImportWelcome.objects.filter(batch=batch, sent_at__isnull=False).exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _due(batch)
    assert import_welcomes_send(batch_id=batch.pk).sent == 3


def test_login_cards_of_a_held_import_are_printable_only_after_release(cohort, manager):
    batch = committed_import(cohort, manager, emails=1, cards=2)
    assert not selectors.cohort_members_without_email(cohort=cohort).exists()
    status = selectors.import_welcomes_status(batch=batch)
    assert (status.emails, status.cards, status.held) == (1, 2, True)
    import_welcomes_release(batch=batch, released_by=manager)
    assert selectors.cohort_members_without_email(cohort=cohort).count() == 2


def test_a_single_enrolment_is_welcomed_and_announced_at_once(
    cohort, endpoint, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        learners_enrol(
            organisation=cohort.project.organisation,
            learners=[LearnerInput(external_id="ONE-1", first_name="An", email="an@example.be")],
            cohort=cohort,
        )
    assert _recipients(mailoutbox) == ["an@example.be"]
    [delivery] = WebhookDelivery.objects.all()
    assert delivery.event_type == "learner.enrolled"
    assert delivery.payload["data"]["external_id"] == "ONE-1"
    assert not ImportWelcome.objects.exists()


def test_an_import_before_commit_cannot_be_released(cohort, manager):
    batch = committed_import(cohort, manager, emails=1)
    type(batch).objects.filter(pk=batch.pk).update(status="validated")
    assert import_welcomes_release(batch=batch, released_by=manager) is None


def test_the_import_pages_reach_the_partner_signed_and_show_in_the_delivery_log(
    cohort, manager, receiver, client, django_capture_on_commit_callbacks, settings
):
    from django.urls import reverse

    from partners.tests.test_services_webhooks import verify

    settings.PARTNERS_WEBHOOK_PAGE_SIZE = 2
    hook = webhook_endpoint_create(
        organisation=cohort.project.organisation,
        url=receiver.url,
        events=["import.committed"],
        created_by=None,
    )
    with django_capture_on_commit_callbacks(execute=True):
        batch = committed_import(cohort, manager, emails=3)
    assert len(receiver.received) == 2
    for call in receiver.received:
        assert call["headers"]["Digiskills-Event-Type"] == "import.committed"
        assert verify(hook.secret, call["headers"], call["raw"])
        assert call["body"]["data"]["import_id"] == str(batch.public_id)
    assert set(WebhookDelivery.objects.values_list("status", flat=True)) == {"delivered"}
    client.force_login(manager)
    url = reverse("partners:webhook_deliveries", args=[batch.organisation.slug, hook.pk])
    page = client.get(url).content.decode()
    assert page.count("<code>import.committed</code>") == 2

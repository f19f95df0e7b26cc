"""The H5P block on a lesson page: a sandboxed frame from the player origin
for an enrolled learner, nothing to play for anybody else."""

import re

import pytest

from courses.h5p.tokens import PAGE_MAX_AGE, player_token_read
from lms.tests.factories import UserFactory
from lms.tests.h5p import demo_content

pytestmark = pytest.mark.django_db


def _frame(html: str) -> str | None:
    match = re.search(r"<iframe[^>]*>", html)
    return match.group(0) if match else None


def test_enrolled_learner_gets_the_sandboxed_player(client, h5p, learner, enrolment):
    client.force_login(learner)

    html = client.get(h5p.lesson.url).content.decode()

    frame = _frame(html)
    assert 'sandbox="allow-scripts allow-forms"' in frame
    assert "allow-same-origin" not in frame
    assert 'title="Interactive exercise: Strong passwords"' in frame
    src = re.search(r'src="([^"]+)"', frame).group(1)
    assert src.startswith("http://player.testserver/h5p/play/")
    session = player_token_read(src.rsplit("/", 2)[-2], max_age=PAGE_MAX_AGE)
    assert (session.user_id, session.lesson_id, session.activity_key) == (
        learner.pk,
        h5p.lesson.pk,
        h5p.key,
    )
    assert session.content_uuid == h5p.content.uuid
    assert "courses/h5p/lesson.js" in html
    # Without JavaScript, and on paper, the learner is told why nothing plays.
    noscript = re.search(r"<noscript>(.*?)</noscript>", html, re.S).group(1)
    assert "This exercise needs JavaScript" in noscript
    printed = "This interactive exercise can only be done on a screen."
    assert f'<p class="print-only">{printed}</p>' in html


def test_each_page_view_opens_a_new_player_session(client, h5p, learner, enrolment):
    client.force_login(learner)

    first = _frame(client.get(h5p.lesson.url).content.decode())
    second = _frame(client.get(h5p.lesson.url).content.decode())

    assert first != second


def test_anonymous_reader_gets_no_player(client, h5p):
    html = client.get(h5p.lesson.url).content.decode()

    assert _frame(html) is None
    assert "Enrol in the course to take this activity." in html


def test_learner_of_another_course_gets_no_player(client, h5p):
    client.force_login(UserFactory())

    html = client.get(h5p.lesson.url).content.decode()

    assert _frame(html) is None


def test_no_player_origin_means_no_player(client, h5p, learner, enrolment, settings):
    settings.H5P_PLAYER_ORIGIN = ""
    client.force_login(learner)

    html = client.get(h5p.lesson.url).content.decode()

    assert _frame(html) is None
    assert "This exercise cannot be shown right now." in html


def test_the_page_language_version_of_the_activity_is_played(client, h5p, learner, enrolment):
    from courses.h5p.player import h5p_content_in_language

    french = demo_content("fr")
    french.translation_key = h5p.content.uuid
    french.save()
    h5p.content.translation_key = h5p.content.uuid
    h5p.content.save()

    assert h5p_content_in_language(content_id=h5p.content.pk, language="fr") == french
    assert h5p_content_in_language(content_id=h5p.content.pk, language="de") == h5p.content
    assert h5p_content_in_language(content_id=french.pk, language="en") == h5p.content


def test_the_result_so_far_is_shown(client, h5p, learner, enrolment):
    from lms.services.h5p import h5p_statement_receive
    from lms.tests.h5p import statement

    h5p_statement_receive(
        enrolment=enrolment,
        lesson=h5p.lesson,
        activity_key=h5p.key,
        session_id="s",
        statement=statement("completed", 2),
        result_id="r",
    )
    client.force_login(learner)

    html = client.get(h5p.lesson.url).content.decode()

    assert "Your best result: <strong>67%</strong>" in html
    dashboard = client.get("/en/learning/").content.decode()
    assert "Practise: strong passwords" in dashboard
    assert "67%" in dashboard


def test_an_activity_waiting_for_approval_is_not_played_until_approved(
    client, h5p, learner, enrolment
):
    from courses.h5p.library_store import library_approve
    from courses.models import H5PLibrary

    H5PLibrary.objects.update(approved_at=None)
    client.force_login(learner)

    waiting = client.get(h5p.lesson.url).content.decode()

    assert _frame(waiting) is None
    assert "This exercise is not available yet." in waiting
    token = h5p.token(learner)
    refused = client.get(f"/h5p/play/{token}/", HTTP_HOST="player.testserver")
    assert refused.status_code == 409
    assert b"not available yet" in refused.content

    library_approve(library=h5p.content.main_library, approved_by=None)

    assert _frame(client.get(h5p.lesson.url).content.decode()) is not None
    played = client.get(f"/h5p/play/{token}/", HTTP_HOST="player.testserver")
    assert played.status_code == 200

"""When the next attempt may start, in words a person reads: today or
tomorrow at a Belgian clock time, the hours and minutes to wait, a date later;
and the boundary of the cooldown, to the second."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation

from courses.selectors import Activity
from lms.models import Attempt
from lms.selectors.exams import retry_text
from lms.selectors.learning import ActivityResult

BRUSSELS = ZoneInfo("Europe/Brussels")


def _at(*args) -> datetime:
    return datetime(*args, tzinfo=BRUSSELS)


@pytest.mark.parametrize(
    ("seconds", "wait"),
    [
        (1, "1 minute"),
        (60, "1 minute"),
        (61, "2 minutes"),
        (3600, "1 hour"),
        (3660, "1 hour and 1 minute"),
        (2 * 3600 + 5 * 60, "2 hours and 5 minutes"),
    ],
)
def test_later_today_says_the_time_and_the_wait_rounded_up(seconds, wait):
    now = _at(2026, 12, 7, 9, 0, 0)
    with translation.override("en"):
        text = retry_text(moment=now + timedelta(seconds=seconds), now=now)
    moment = (now + timedelta(seconds=seconds)).strftime("%H:%M")
    assert text == f"You can try again today at {moment}, in {wait}."


def test_the_day_after_1435_minutes_is_tomorrow_at_a_clock_time():
    now = _at(2026, 12, 7, 14, 30)
    with translation.override("en"):
        text = retry_text(moment=now + timedelta(minutes=1435), now=now)
    assert text == "You can try again tomorrow at 14:25."


def test_midnight_in_brussels_decides_today_or_tomorrow_not_utc():
    # 23:59:59 in Brussels is 22:59:59 UTC: the same UTC day as 00:00 the next
    # day in Brussels would not be.
    now = _at(2026, 12, 7, 23, 59, 59)
    with translation.override("en"):
        assert retry_text(moment=now, now=now).startswith("You can try again today at 23:59")
        assert retry_text(moment=_at(2026, 12, 8, 0, 0), now=now) == (
            "You can try again tomorrow at 00:00."
        )


def test_later_than_tomorrow_says_the_date():
    now = _at(2026, 12, 7, 10, 0)
    with translation.override("en"):
        text = retry_text(moment=_at(2026, 12, 9, 8, 5), now=now)
    assert text == "You can try again on Dec. 9, 2026 at 08:05."


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "Je kunt het morgen om 14:25 opnieuw proberen."),
        ("fr", "Vous pourrez réessayer demain à 14:25."),
        ("de", "Sie können es morgen um 14:25 Uhr erneut versuchen."),
    ],
)
def test_in_the_learners_language(language, expected):
    now = _at(2026, 12, 7, 14, 30)
    with translation.override(language):
        assert retry_text(moment=now + timedelta(minutes=1435), now=now) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "over 2 uur en 5 minuten."),
        ("fr", "dans 2 heures et 5 minutes."),
        ("de", "in 2 Stunden und 5 Minuten."),
    ],
)
def test_the_wait_in_the_learners_language(language, expected):
    now = _at(2026, 12, 7, 9, 0)
    with translation.override(language):
        text = retry_text(moment=now + timedelta(hours=2, minutes=5), now=now)
    assert text.endswith(expected)


def _result(*, submitted_at, max_attempts=None, attempts=1) -> ActivityResult:
    activity = Activity(
        key="k",
        lesson=None,
        settings={"cooldown_minutes": 10, "max_attempts": max_attempts, "mode": "practice"},
    )
    closed = [
        Attempt(number=n, submitted_at=submitted_at, passed=False, status="submitted")
        for n in range(1, attempts + 1)
    ]
    return ActivityResult(activity=activity, attempts=closed)


def test_one_second_before_the_end_of_the_cooldown_the_learner_still_waits(monkeypatch):
    submitted = timezone.now().replace(microsecond=0)
    result = _result(submitted_at=submitted)
    end = submitted + timedelta(minutes=10)
    monkeypatch.setattr(timezone, "now", lambda: end - timedelta(seconds=1))
    assert result.wait_until == end
    with translation.override("en"):
        assert "in 1 minute." in result.wait_text


def test_at_the_end_of_the_cooldown_to_the_second_the_learner_may_start(monkeypatch):
    submitted = timezone.now().replace(microsecond=0)
    result = _result(submitted_at=submitted)
    monkeypatch.setattr(timezone, "now", lambda: submitted + timedelta(minutes=10))
    assert result.wait_until is None
    assert result.wait_text == ""

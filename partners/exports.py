"""What a partner exports about its learners: one row per learner and course
of a cohort, with progress, completion, certificate and outcomes. Rows are
read by keyset pages (a fixed number of queries per page of learners, whatever
the cohort's size) so that a 50,000-learner cohort streams in flat memory.

The files themselves are written by `frontend.spreadsheets` (`csv_stream`,
`xlsx_file`), which neutralises every cell."""

from collections.abc import Iterator

from django.utils.translation import gettext as _

from certificates.links import verify_url
from certificates.selectors import certificates_listing
from config.db_router import reading_from_replica
from lms.selectors import learner_courses_progress
from partners.models import Cohort, Organisation, Outcome, PartnerLearner
from partners.selectors import _course_titles

CHUNK = 1000


def learner_export_headers() -> list[str]:
    """The column titles, in the current language."""
    return [
        _("Cohort"),
        _("Learner id"),
        _("First name"),
        _("Last name"),
        _("E-mail"),
        _("Situation at enrolment"),
        _("Course"),
        _("Status"),
        _("Lessons done"),
        _("Lessons in total"),
        _("Progress (%)"),
        _("Completed on"),
        _("Certificate code"),
        _("Certificate issued on"),
        _("Certificate verification link"),
        *(str(label) for _point, label in Outcome.Point.choices),
        _("Outcome recorded on"),
    ]


def _status(state, certified: bool) -> str:
    if state is None:
        return "not_enrolled"
    if certified:
        return "certified"
    if state.enrolment.completed_at:
        return "completed"
    if state.percent > 0 or state.enrolment.last_lesson_key is not None:
        return "in_progress"
    return "not_started"


def _labels() -> dict:
    """The words of the status and situation columns, translated once per
    export rather than once per row."""
    situations = {k: str(v) for k, v in Outcome._meta.get_field("situation").choices}
    return {
        "status": {
            "not_enrolled": _("Not enrolled"),
            "certified": _("Certified"),
            "completed": _("Completed"),
            "in_progress": _("In progress"),
            "not_started": _("Not started"),
        },
        "situation": situations,
    }


def _chunk_rows(
    cohort: Cohort, learners: list, keys: list, titles: dict, labels: dict
) -> Iterator[list]:
    user_ids = [learner.user_id for learner in learners]
    progress = learner_courses_progress(user_ids=user_ids, course_keys=keys)
    certificates = {
        (holder, key): (code, issued_at)
        for holder, key, code, issued_at in certificates_listing()
        .filter(holder_id__in=user_ids, course_key__in=keys, revoked_at__isnull=True)
        .order_by("issued_at")
        .values_list("holder_id", "course_key", "code", "issued_at")
    }
    outcomes: dict[int, dict] = {}
    for outcome in Outcome.objects.filter(learner_id__in=[x.pk for x in learners]):
        outcomes.setdefault(outcome.learner_id, {})[outcome.point] = outcome
    situations = labels["situation"]
    for learner in learners:
        followed = outcomes.get(learner.pk, {})
        recorded = max((o.recorded_at for o in followed.values()), default=None)
        after = [
            situations.get(followed[point].situation, "") if point in followed else ""
            for point in Outcome.Point.values
        ]
        for key in keys:
            state = progress.get((learner.user_id, key))
            certificate = certificates.get((learner.user_id, key))
            lessons = state.required_lessons if state else []
            done = sum(1 for x in lessons if x.translation_key in state.completed_lessons)
            # As on the cohort page: completed or certified is 100 %, even if
            # lessons were added to the course afterwards.
            percent = state.percent if state else 0
            if certificate or (state and state.enrolment.completed_at):
                percent = 100
            yield [
                cohort.name,
                learner.external_id,
                learner.first_name,
                learner.last_name,
                learner.user.email,
                situations.get(learner.situation, learner.situation),
                titles.get(key, str(key)),
                labels["status"][_status(state, certificate is not None)],
                done if state else "",
                len(lessons) if state else "",
                percent,
                state.enrolment.completed_at if state else None,
                certificate[0] if certificate else "",
                certificate[1] if certificate else None,
                verify_url(certificate[0]) if certificate else "",
                *after,
                recorded,
            ]


def cohort_export_rows(*, cohort: Cohort, chunk: int = CHUNK) -> Iterator[list]:
    """Every row of a cohort's export, read `chunk` learners at a time by
    keyset (learner id), in the order of `learner_export_headers`."""
    # From the replica when there is one (an export may be seconds behind),
    # switched on only while a chunk is read, never while the caller holds a row.
    with reading_from_replica():
        keys = list(cohort.courses.order_by("pk").values_list("course_key", flat=True))
        titles = _course_titles(keys)
        labels = _labels()
    learners = PartnerLearner.objects.filter(cohorts__cohort=cohort).select_related("user")
    last = 0
    while True:
        with reading_from_replica():
            page = list(learners.filter(pk__gt=last).order_by("pk")[:chunk])
            rows = list(_chunk_rows(cohort, page, keys, titles, labels)) if page else []
        if not page:
            return
        yield from rows
        last = page[-1].pk


def organisation_export_rows(*, organisation: Organisation, chunk: int = CHUNK) -> Iterator[list]:
    """The rows of every cohort of the organisation, cohort after cohort (a
    learner in two cohorts is in both)."""
    cohorts = Cohort.objects.filter(project__organisation=organisation).order_by("starts_on", "pk")
    with reading_from_replica():
        cohorts = list(cohorts)
    for cohort in cohorts:
        yield from cohort_export_rows(cohort=cohort, chunk=chunk)

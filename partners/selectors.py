"""Reads for the partner side. Every list is scoped to one organisation."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import get_language

from certificates.selectors import certificates_held, certificates_listing
from courses.models import CoursePage
from lms.selectors import learner_courses_progress
from partners.models import (
    ApiToken,
    Cohort,
    CohortCourse,
    CohortMember,
    ImportBatch,
    ImportRelease,
    ImportRow,
    ImportWelcome,
    Organisation,
    Outcome,
    PartnerLearner,
    Project,
    WebhookEndpoint,
)


def organisations_for_user(*, user) -> QuerySet[Organisation]:
    """The active organisations where `user` holds any staff role."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return (
        Organisation.objects.filter(is_active=True, memberships__user=user)
        .distinct()
        .order_by("name")
    )


# --- Staff pages ------------------------------------------------------------


def organisation_projects(*, organisation: Organisation) -> QuerySet[Project]:
    return organisation.projects.order_by("-starts_on", "name")


def organisation_cohorts(*, organisation: Organisation, query: str = "") -> QuerySet[Cohort]:
    """The organisation's cohorts with their project, trainer and size; `query`
    keeps those whose name or project matches (a page of them is one query)."""
    cohorts = Cohort.objects.filter(project__organisation=organisation)
    query = query.strip()
    if query:
        cohorts = cohorts.filter(
            Q(name__icontains=query)
            | Q(project__name__icontains=query)
            | Q(project__reference__iexact=query)
        )
    return (
        cohorts.select_related("project", "trainer")
        .annotate(size=Count("members", distinct=True))
        .order_by("-starts_on", "name", "pk")
    )


def learners_matching(learners: QuerySet[PartnerLearner], query: str) -> QuerySet[PartnerLearner]:
    """`learners` narrowed to those whose name, partner's learner id or e-mail
    matches `query` (every word must match: "Peeters Lotte" finds Lotte Peeters)."""
    for word in query.split()[:5]:
        learners = learners.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(external_id__istartswith=word)
            | Q(user__email__istartswith=word)
        )
    return learners


def organisation_learner_count(*, organisation: Organisation) -> int:
    return PartnerLearner.objects.filter(organisation=organisation).count()


def organisation_trainers(*, organisation: Organisation) -> QuerySet:
    """The people who may lead a cohort: the organisation's staff."""
    from lms.models import User

    return (
        User.objects.filter(partner_memberships__organisation=organisation, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def live_courses(*, language: str | None = None) -> list[CoursePage]:
    """The live catalogue, one page per course, in `language` where it exists."""
    code = (language or get_language() or "en")[:2]
    pages: dict = {}
    for page in CoursePage.objects.live().select_related("locale").order_by("title", "pk"):
        current = pages.get(page.translation_key)
        if current is None or (
            page.locale.language_code == code and current.locale.language_code != code
        ):
            pages[page.translation_key] = page
    return sorted(pages.values(), key=lambda p: p.title.lower())


def _course_titles(keys, language: str | None = None) -> dict:
    code = (language or get_language() or "en")[:2]
    titles: dict = {}
    for key, title, lang in (
        CoursePage.objects.live()
        .filter(translation_key__in=list(keys))
        .values_list("translation_key", "title", "locale__language_code")
        .order_by("pk")
    ):
        if key not in titles or lang == code:
            titles[key] = title
    return titles


@dataclass
class CourseStanding:
    """Where one learner stands in one course of their cohort."""

    course_key: object
    state: str  # not_started | in_progress | completed | certified | not_enrolled
    percent: int = 0


@dataclass
class LearnerRow:
    learner: PartnerLearner
    courses: list[CourseStanding]


@dataclass
class CohortCourseSummary:
    course_key: object
    title: str
    learners: int = 0
    started: int = 0
    completed: int = 0
    certified: int = 0


@dataclass
class CohortProgress:
    cohort: Cohort
    courses: list[CohortCourseSummary]
    rows: list[LearnerRow] = field(default_factory=list)
    total: int = 0
    matching: int = 0


def _standing(progress, enrolment, certified: bool, key) -> CourseStanding:
    if enrolment is None:
        return CourseStanding(key, "not_enrolled")
    if certified:
        return CourseStanding(key, "certified", 100)
    if enrolment.completed_at:
        return CourseStanding(key, "completed", 100)
    percent = progress.percent if progress else 0
    started = percent > 0 or enrolment.last_lesson_key is not None
    return CourseStanding(key, "in_progress" if started else "not_started", percent)


def cohort_progress(
    *, cohort: Cohort, offset: int = 0, limit: int = 100, query: str = ""
) -> CohortProgress:
    """Progress per learner (a page of them, those matching `query` when given)
    and per course for a cohort, in a fixed number of queries whatever the
    cohort's size. `matching` counts the learners the pages go through."""
    from certificates.models import Certificate
    from lms.models import Enrolment
    from lms.selectors.learning import enrolments_progress

    keys = list(cohort.courses.order_by("pk").values_list("course_key", flat=True))
    titles = _course_titles(keys)
    summaries = {k: CohortCourseSummary(k, titles.get(k, str(k))) for k in keys}
    members = CohortMember.objects.filter(cohort=cohort)
    total = members.count()
    # Per-course counts for the whole cohort, aggregated by the database.
    for row in (
        Enrolment.objects.filter(
            learner__partner_records__cohorts__cohort=cohort,
            learner__partner_records__organisation=cohort.project.organisation_id,
            course_key__in=keys,
        )
        .exclude(status=Enrolment.Status.CANCELLED)
        .values("course_key")
        .annotate(
            n=Count("pk", distinct=True),
            started=Count("pk", filter=Q(last_lesson_key__isnull=False), distinct=True),
            done=Count("pk", filter=Q(completed_at__isnull=False), distinct=True),
        )
    ):
        summary = summaries[row["course_key"]]
        summary.learners, summary.started, summary.completed = row["n"], row["started"], row["done"]
    for row in (
        Certificate.objects.filter(
            holder__partner_records__cohorts__cohort=cohort,
            holder__partner_records__organisation=cohort.project.organisation_id,
            course_key__in=keys,
            revoked_at__isnull=True,
        )
        .values("course_key")
        .annotate(n=Count("holder", distinct=True))
    ):
        summaries[row["course_key"]].certified = row["n"]
    found = PartnerLearner.objects.filter(cohorts__cohort=cohort)
    matching = total
    if query.strip():
        found = learners_matching(found, query)
        matching = found.count()
    learners = list(found.order_by("last_name", "first_name", "pk")[offset : offset + limit])
    users = [learner.user_id for learner in learners]
    enrolments = list(
        Enrolment.objects.filter(learner_id__in=users, course_key__in=keys)
        .exclude(status=Enrolment.Status.CANCELLED)
        .select_related("course")
    )
    progress = enrolments_progress(enrolments=enrolments)
    by_pair = {(e.learner_id, e.course_key): e for e in enrolments}
    certified = set(
        Certificate.objects.filter(
            holder_id__in=users, course_key__in=keys, revoked_at__isnull=True
        ).values_list("holder_id", "course_key")
    )
    rows = []
    for learner in learners:
        standings = []
        for key in keys:
            enrolment = by_pair.get((learner.user_id, key))
            standings.append(
                _standing(
                    progress.get(enrolment.pk) if enrolment else None,
                    enrolment,
                    (learner.user_id, key) in certified,
                    key,
                )
            )
        rows.append(LearnerRow(learner, standings))
    return CohortProgress(cohort, list(summaries.values()), rows, total, matching)


def learner_detail(*, learner: PartnerLearner) -> dict:
    """A learner's cohorts, course standings and outcomes, for their page."""
    from certificates.models import Certificate
    from lms.models import Enrolment
    from lms.selectors.learning import enrolments_progress

    cohorts = list(
        Cohort.objects.filter(members__learner=learner)
        .select_related("project")
        .order_by("-starts_on")
    )
    keys = list(
        CohortCourse.objects.filter(cohort__in=cohorts).values_list("course_key", flat=True)
    )
    enrolments = list(
        Enrolment.objects.filter(learner_id=learner.user_id)
        .exclude(status=Enrolment.Status.CANCELLED)
        .select_related("course")
    )
    keys = list(dict.fromkeys([*keys, *(e.course_key for e in enrolments)]))
    titles = _course_titles(keys)
    progress = enrolments_progress(enrolments=enrolments)
    by_key = {e.course_key: e for e in enrolments}
    certified = set(
        Certificate.objects.filter(holder_id=learner.user_id, revoked_at__isnull=True).values_list(
            "course_key", flat=True
        )
    )
    outcomes = {o.point: o for o in learner.outcomes.all()}
    standings = []
    for key in keys:
        enrolment = by_key.get(key)
        standings.append(
            (
                titles.get(key, str(key)),
                _standing(
                    progress.get(enrolment.pk) if enrolment else None,
                    enrolment,
                    key in certified,
                    key,
                ),
            )
        )
    return {
        "cohorts": cohorts,
        "standings": standings,
        "follow_ups": [(label, outcomes.get(point)) for point, label in Outcome.Point.choices],
        "target_groups": [g.get_target_group_display() for g in learner.target_groups.all()],
    }


def cohort_outcomes(
    *, cohort: Cohort, query: str = "", offset: int = 0, limit: int = 100
) -> tuple[list[tuple[PartnerLearner, dict]], int]:
    """A page of the cohort's learners (those matching `query`) with their
    outcomes by point, and how many learners match: three queries whatever
    the cohort's size."""
    found = learners_matching(PartnerLearner.objects.filter(cohorts__cohort=cohort), query)
    learners = list(
        found.prefetch_related("outcomes").order_by("last_name", "first_name", "pk")[
            offset : offset + limit
        ]
    )
    rows = [(learner, {o.point: o for o in learner.outcomes.all()}) for learner in learners]
    return rows, found.count()


def cohort_learners_among(*, cohort: Cohort, learner_ids) -> list[PartnerLearner]:
    """Those of `learner_ids` who are learners of the cohort (one query)."""
    return list(PartnerLearner.objects.filter(cohorts__cohort=cohort, pk__in=list(learner_ids)))


# --- Imports ----------------------------------------------------------------


def cohort_members_without_email(*, cohort: Cohort, query: str = "") -> QuerySet[CohortMember]:
    """The cohort's members whose account has no e-mail address (they get a
    printed login card instead of an invitation), by name, with their account;
    `query` narrows them by name or learner id. Not those of an import whose
    welcomes staff have not released yet. Page it: cards are printed by page."""
    learners = learners_matching(
        PartnerLearner.objects.filter(cohorts__cohort=cohort, user__email=""), query
    )
    held = ImportWelcome.objects.filter(
        user=OuterRef("learner__user"), by_email=False, batch__release__isnull=True
    )
    return (
        CohortMember.objects.filter(cohort=cohort, learner__in=learners)
        .exclude(Exists(held))
        .select_related("learner__user")
        .order_by("learner__last_name", "learner__first_name", "pk")
    )


def cohort_imports_holding_cards(*, cohort: Cohort) -> QuerySet[ImportBatch]:
    """The cohort's enrolled imports whose welcomes staff have not released,
    each with `held_cards`: the login cards that wait for that release (the
    cards page says why those learners are not on it yet). One query."""
    return (
        ImportBatch.objects.filter(cohort=cohort, release__isnull=True)
        .annotate(held_cards=Count("welcomes", filter=Q(welcomes__by_email=False)))
        .filter(held_cards__gt=0)
        .order_by("-created_at", "-pk")
    )


def organisation_imports(*, organisation: Organisation) -> QuerySet[ImportBatch]:
    """The files uploaded for the organisation's cohorts, newest first."""
    return (
        ImportBatch.objects.filter(organisation=organisation)
        .select_related("cohort", "uploaded_by")
        .order_by("-created_at", "-pk")
    )


@dataclass(frozen=True)
class WelcomeStatus:
    """An enrolled import's welcomes: held e-mails and cards, and once released,
    how many e-mails have gone."""

    emails: int
    cards: int
    sent: int
    release: ImportRelease | None

    @property
    def held(self) -> bool:
        return self.release is None and bool(self.emails or self.cards)


def import_welcomes_status(*, batch: ImportBatch) -> WelcomeStatus:
    """Counts for the release box and its confirmation (one query, plus one
    for the release)."""
    counts = ImportWelcome.objects.filter(batch=batch).aggregate(
        emails=Count("pk", filter=Q(by_email=True)),
        cards=Count("pk", filter=Q(by_email=False)),
        sent=Count("pk", filter=Q(by_email=True, sent_at__isnull=False)),
    )
    release = ImportRelease.objects.filter(batch=batch).first()
    return WelcomeStatus(release=release, **counts)


def cohort_imports(*, cohort: Cohort) -> QuerySet[ImportBatch]:
    return cohort.import_batches.select_related("uploaded_by").order_by("-created_at")


def import_rows(*, batch: ImportBatch, problems_only: bool) -> QuerySet[ImportRow]:
    rows = batch.rows.order_by("line")
    return rows.filter(is_valid=False) if problems_only else rows


def import_error_file(*, batch: ImportBatch) -> tuple[bytes, str, str]:
    """The invalid rows as the partner sent them, with a column saying what
    is wrong (in the current language), in the file's own format. Every cell
    is neutralised against formulas."""
    from django.utils.translation import gettext as _

    from frontend.spreadsheets import XLSX_CONTENT_TYPE, write_csv, write_xlsx
    from partners.importing import problems_text

    headers = [*batch.headers, _("Problems")]
    width = len(batch.headers)

    def rows():
        for row in batch.rows.filter(is_valid=False).order_by("line").iterator(chunk_size=2000):
            cells = list(row.cells)[:width]
            cells += [""] * (width - len(cells))
            yield [*cells, problems_text(row.errors)]

    stem = batch.original_name.rsplit(".", 1)[0][:80] or "learners"
    if batch.file_format == ImportBatch.Format.XLSX:
        data = write_xlsx(headers, rows(), title=_("Problems"))
        return (
            data,
            f"{stem}-errors.xlsx",
            XLSX_CONTENT_TYPE,
        )
    data = write_csv(headers, rows(), delimiter=batch.delimiter or ";", encoding=batch.encoding)
    charset = "windows-1252" if batch.encoding == "cp1252" else "utf-8"
    return data, f"{stem}-errors.csv", f"text/csv; charset={charset}"


# --- API and webhooks --------------------------------------------------------


def api_tokens_of(*, organisation: Organisation):
    """The organisation's tokens, newest first (revoked ones too)."""
    return ApiToken.objects.filter(organisation=organisation).select_related("created_by")


def cohorts_of(*, organisation: Organisation):
    """The organisation's cohorts with their course keys and member count
    (two queries for a page, whatever its size)."""
    return (
        Cohort.objects.filter(project__organisation=organisation)
        .select_related("project")
        .prefetch_related("courses")
        .annotate(member_count=Count("members", distinct=True))
        .order_by("-starts_on", "pk")
    )


def cohort_members(*, cohort):
    """The members of a cohort with their person, by the partner's learner id."""
    return (
        CohortMember.objects.filter(cohort=cohort)
        .select_related("learner")
        .order_by("learner__external_id", "pk")
    )


def cohort_members_progress(*, course_keys: list, members: list) -> list[dict]:
    """Per member of a page: per course of the cohort, status, progress %,
    completion date and certificate (a fixed number of queries per page)."""
    user_ids = [m.learner.user_id for m in members]
    progress = learner_courses_progress(user_ids=user_ids, course_keys=course_keys)
    held = certificates_held(user_ids=user_ids, course_keys=course_keys)
    rows = []
    for member in members:
        learner = member.learner
        courses = []
        for key in course_keys:
            state = progress.get((learner.user_id, key))
            code = held.get((learner.user_id, key))
            courses.append(
                {
                    "course_key": key,
                    "status": state.enrolment.status if state else "not_enrolled",
                    "progress_percent": _percent(state),
                    "completed_at": state.enrolment.completed_at if state else None,
                    "certified": code is not None,
                    "certificate_code": code,
                }
            )
        rows.append({"learner": learner, "courses": courses})
    return rows


def _percent(state) -> int:
    if state is None:
        return 0
    # A completed course stays at 100 % even if lessons were added afterwards.
    return 100 if state.enrolment.completed_at else state.percent


def learner_ids_known(*, organisation: Organisation, external_ids) -> set[str]:
    """Of the partner's learner ids given, those the organisation already has
    (read 5,000 at a time, for files of any size)."""
    ids = sorted(set(external_ids))
    known: set[str] = set()
    for start in range(0, len(ids), 5000):
        known.update(
            PartnerLearner.objects.filter(
                organisation=organisation, external_id__in=ids[start : start + 5000]
            ).values_list("external_id", flat=True)
        )
    return known


def emails_taken_for_new_learners(
    *, organisation: Organisation, pairs: list, known: set[str] | None = None
) -> set[str]:
    """Of `(external_id, email)` pairs (e-mails in lower case), the e-mails that
    already belong to an account while the learner id is new to `organisation`:
    enrolling them would need a second account with the same e-mail. A known
    learner keeps their own account, whatever e-mail is sent for them. The one
    rule for the import and the API; `known` saves reading the ids again."""
    from django.db.models.functions import Lower

    from lms.models import User

    emails = sorted({email for _id, email in pairs if email})
    if not emails:
        return set()
    if known is None:
        known = learner_ids_known(
            organisation=organisation, external_ids=(i for i, email in pairs if email)
        )
    owners = set()
    for start in range(0, len(emails), 5000):
        # The expression and condition of the unique index on e-mails, so that
        # PostgreSQL answers from it.
        owners.update(
            User.objects.exclude(email="")
            .annotate(email_lower=Lower("email"))
            .filter(email_lower__in=emails[start : start + 5000])
            .values_list("email_lower", flat=True)
        )
    return {email for external_id, email in pairs if email in owners and external_id not in known}


def partner_learner_by_external_id(*, organisation: Organisation, external_id: str):
    return PartnerLearner.objects.filter(organisation=organisation, external_id=external_id).first()


def certificates_of_organisation(*, organisation: Organisation):
    """Certificates of the organisation's learners in the courses it enrolled
    them in through its cohorts, newest first, each with the partner's learner id."""
    mine = PartnerLearner.objects.filter(organisation=organisation, user=OuterRef("holder"))
    in_cohort = CohortCourse.objects.filter(
        course_key=OuterRef("course_key"),
        cohort__project__organisation=organisation,
        cohort__members__learner__user=OuterRef("holder"),
    )
    return (
        certificates_listing()
        .filter(Exists(in_cohort))
        .annotate(external_id=Subquery(mine.values("external_id")[:1]))
    )


def webhook_endpoints_of(*, organisation: Organisation):
    return WebhookEndpoint.objects.filter(
        organisation=organisation, deleted_at__isnull=True
    ).order_by("-created_at", "-id")


def webhook_deliveries_of(*, endpoint):
    """An endpoint's delivery log, newest first."""
    return endpoint.deliveries.order_by("-created_at", "-id")

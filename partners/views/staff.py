"""Partner staff pages: organisations, cohorts and their progress, learners and
their outcomes, and bulk enrolment from a file. Thin: parse, check access
(`partners.permissions`), call one service or selector, render.

Staff see only their organisation (404 otherwise); managers and trainers may
enrol and edit, reporters only read."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lms.services.cards import cards_split, login_cards_render
from partners import importing, selectors
from partners.forms import (
    CohortForm,
    OutcomeForm,
    SituationForm,
    UploadForm,
    cohort_outcome_fields,
)
from partners.models import ImportBatch, Outcome
from partners.permissions import (
    EDITOR_ROLES,
    STAFF_ROLES,
    access_cohort,
    access_import_batch,
    access_organisation,
    access_partner_learner,
    can_edit,
)
from partners.services import (
    ImportRefused,
    cohort_create,
    cohort_outcomes_record,
    import_batch_commit_request,
    import_batch_create,
    import_batch_progress,
    learner_situation_record,
    outcome_record,
)
from partners.spreadsheets import write_csv, write_xlsx
from partners.uploads import partner_import_max_bytes, upload_bounded, upload_refusal

PAGE_SIZE = 100


def _page_number(request: HttpRequest) -> int:
    raw = request.GET.get("page", "1")
    return int(raw) if raw.isdigit() and int(raw) > 0 else 1


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """My organisations."""
    organisations = selectors.organisations_for_user(user=request.user)
    return render(request, "partners/home.html", {"organisations": organisations})


@login_required
@require_GET
def organisation(request: HttpRequest, slug: str) -> HttpResponse:
    org = access_organisation(request.user, slug)
    context = {
        "organisation": org,
        "projects": selectors.organisation_projects(organisation=org),
        "cohorts": selectors.organisation_cohorts(organisation=org),
        "learner_count": selectors.organisation_learner_count(organisation=org),
        "can_edit": can_edit(request.user, org),
    }
    return render(request, "partners/organisation.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def cohort_new(request: HttpRequest, slug: str) -> HttpResponse:
    org = access_organisation(request.user, slug, roles=EDITOR_ROLES)
    form = CohortForm(
        request.POST or None,
        projects=selectors.organisation_projects(organisation=org),
        trainers=selectors.organisation_trainers(organisation=org),
        courses=selectors.live_courses(),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        cohort = cohort_create(
            project=data["project"],
            name=data["name"],
            trainer=data["trainer"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            course_keys=data["courses"],
            created_by=request.user,
        )
        messages.success(request, _("The cohort has been created."))
        return redirect("partners:cohort", slug=org.slug, cohort_id=cohort.pk)
    return render(request, "partners/cohort_form.html", {"organisation": org, "form": form})


@login_required
@require_GET
def cohort(request: HttpRequest, slug: str, cohort_id: int) -> HttpResponse:
    """A cohort: per-course summary and each learner's standing, by page."""
    org = access_organisation(request.user, slug)
    group = access_cohort(request.user, org, cohort_id)
    page = _page_number(request)
    progress = selectors.cohort_progress(
        cohort=group, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE
    )
    pages = Paginator(range(progress.total), PAGE_SIZE) if progress.total else None
    context = {
        "organisation": org,
        "cohort": group,
        "progress": progress,
        "page_obj": pages.get_page(page) if pages else None,
        "imports": selectors.cohort_imports(cohort=group)[:10],
        "can_edit": can_edit(request.user, org),
    }
    return render(request, "partners/cohort.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def cohort_cards(request: HttpRequest, slug: str, cohort_id: int) -> HttpResponse:
    """Printed login cards for the cohort's learners without e-mail. Printing
    issues new codes (earlier cards stop working), so it is a POST after a
    confirmation page that says so. Only people who never chose their own
    password get a card (`lms.services.cards.card_refusal`); the page lists
    the others with the reason, and a request with nobody eligible is refused."""
    org = access_organisation(request.user, slug, roles=EDITOR_ROLES)
    group = access_cohort(request.user, org, cohort_id)
    users, refused = cards_split(selectors.cohort_users_without_email(cohort=group))
    context = {"organisation": org, "cohort": group, "users": users, "refused": refused}
    if request.method == "GET":
        return render(request, "partners/cohort_cards.html", context)
    if not users:
        messages.error(
            request, _("No card was printed: nobody in this cohort may get a login card.")
        )
        return render(request, "partners/cohort_cards.html", context, status=400)
    pdf = login_cards_render(users=users, issued_by=request.user)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="login-cards-{group.pk}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def cohort_outcomes(request: HttpRequest, slug: str, cohort_id: int) -> HttpResponse:
    """The quick form: every learner's 3- and 6-month outcome on one page."""
    org = access_organisation(
        request.user, slug, roles=EDITOR_ROLES if request.method == "POST" else STAFF_ROLES
    )
    group = access_cohort(request.user, org, cohort_id)
    rows = selectors.cohort_outcomes(cohort=group)
    if request.method == "POST":
        try:
            chosen = cohort_outcome_fields(request.POST, [learner for learner, _o in rows])
        except ValueError:
            messages.error(request, _("Some answers could not be read. Nothing was saved."))
        else:
            changed = cohort_outcomes_record(
                cohort=group, outcomes=chosen, recorded_by=request.user
            )
            messages.success(request, _("Outcomes saved (%(n)s changed).") % {"n": changed})
            return redirect("partners:cohort_outcomes", slug=org.slug, cohort_id=group.pk)
    context = {
        "organisation": org,
        "cohort": group,
        "rows": rows,
        "points": Outcome.Point.choices,
        "situations": Outcome._meta.get_field("situation").choices,
        "can_edit": can_edit(request.user, org),
    }
    return render(request, "partners/cohort_outcomes.html", context)


@login_required
@require_GET
def learner(request: HttpRequest, slug: str, learner_id: int) -> HttpResponse:
    org = access_organisation(request.user, slug)
    person = access_partner_learner(request.user, org, learner_id)
    context = {
        "organisation": org,
        "learner": person,
        "detail": selectors.learner_detail(learner=person),
        "can_edit": can_edit(request.user, org),
        "situation_form": SituationForm(initial={"situation": person.situation}),
        "outcome_form": OutcomeForm(),
    }
    return render(request, "partners/learner.html", context)


@login_required
@require_POST
def learner_situation(request: HttpRequest, slug: str, learner_id: int) -> HttpResponse:
    org = access_organisation(request.user, slug, roles=EDITOR_ROLES)
    person = access_partner_learner(request.user, org, learner_id)
    form = SituationForm(request.POST)
    if form.is_valid():
        learner_situation_record(
            learner=person, situation=form.cleaned_data["situation"], recorded_by=request.user
        )
        messages.success(request, _("The situation at enrolment has been saved."))
    else:
        messages.error(request, _("Choose a situation from the list."))
    return redirect("partners:learner", slug=org.slug, learner_id=person.pk)


@login_required
@require_POST
def learner_outcome(request: HttpRequest, slug: str, learner_id: int) -> HttpResponse:
    org = access_organisation(request.user, slug, roles=EDITOR_ROLES)
    person = access_partner_learner(request.user, org, learner_id)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        try:
            outcome_record(
                learner=person,
                point=form.cleaned_data["point"],
                situation=form.cleaned_data["situation"],
                recorded_by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The outcome has been saved."))
    else:
        messages.error(request, _("Choose a follow-up point and a situation."))
    return redirect("partners:learner", slug=org.slug, learner_id=person.pk)


# --- Bulk enrolment ---------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
@upload_bounded(max_bytes=partner_import_max_bytes)
def import_upload(request: HttpRequest, slug: str, cohort_id: int) -> HttpResponse:
    org = access_organisation(request.user, slug, roles=EDITOR_ROLES)
    group = access_cohort(request.user, org, cohort_id)
    form = UploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        # A refused upload answers 413 (too big) or 400 with the form again.
        if refusal := upload_refusal(request):
            form.is_valid()
            form.errors["file"] = form.error_class([refusal])
            status = 413
        elif not form.is_valid():
            status = 400
        else:
            try:
                batch = import_batch_create(
                    organisation=org,
                    cohort=group,
                    upload=form.cleaned_data["file"],
                    uploaded_by=request.user,
                )
            except ImportRefused as refused:
                form.add_error("file", refused.message)
                status = refused.status
            else:
                return redirect("partners:import", slug=org.slug, public_id=batch.public_id)
    context = {
        "organisation": org,
        "cohort": group,
        "form": form,
        "columns": importing.COLUMNS,
        "template_headers": importing.template_headers(get_language() or "en"),
    }
    return render(request, "partners/import_upload.html", context, status=status)


def _batch_context(request, org, batch) -> dict:
    problem = batch.problem
    problem_text = ""
    if problem:
        code, _sep, rest = problem.partition(":")
        text = importing.FILE_PROBLEMS.get(code, problem)
        columns = ", ".join(str(c.label) for c in importing.COLUMNS if c.field in rest.split(","))
        problem_text = str(text) % {
            "columns": columns,
            "max": settings.PARTNER_IMPORT_MAX_ROWS,
        }
    return {
        "organisation": org,
        "batch": batch,
        "percent": import_batch_progress(batch=batch),
        "problem_text": problem_text,
        "can_edit": can_edit(request.user, org),
    }


@login_required
@require_GET
def import_detail(request: HttpRequest, slug: str, public_id) -> HttpResponse:
    """The preview: counts, and every row with its problems, by page."""
    org = access_organisation(request.user, slug)
    batch = access_import_batch(request.user, org, public_id)
    context = _batch_context(request, org, batch)
    if batch.status in {ImportBatch.Status.VALIDATED, ImportBatch.Status.COMMITTED}:
        problems_only = request.GET.get("show") != "all" and batch.rows_invalid > 0
        rows = selectors.import_rows(batch=batch, problems_only=problems_only)
        page = Paginator(rows, PAGE_SIZE).get_page(_page_number(request))
        context.update(
            page_obj=page,
            problems_only=problems_only,
            rows=[(row, [importing.problem_text(p) for p in row.errors]) for row in page],
        )
    return render(request, "partners/import_detail.html", context)


@login_required
@require_GET
def import_status(request: HttpRequest, slug: str, public_id) -> HttpResponse:
    """The progress fragment that the preview page polls (htmx) while a step
    runs; once done it asks the page to reload."""
    org = access_organisation(request.user, slug)
    batch = access_import_batch(request.user, org, public_id)
    response = render(request, "partners/_import_status.html", _batch_context(request, org, batch))
    if not batch.is_running:
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def import_commit(request: HttpRequest, slug: str, public_id) -> HttpResponse:
    org = access_organisation(request.user, slug, roles=EDITOR_ROLES)
    batch = access_import_batch(request.user, org, public_id)
    if import_batch_commit_request(batch=batch, committed_by=request.user):
        batch.refresh_from_db()
        if batch.status == ImportBatch.Status.COMMITTED:
            messages.success(
                request,
                _("%(n)s learners have been enrolled.") % {"n": batch.rows_valid},
            )
        elif batch.problem:
            messages.error(request, str(importing.FILE_PROBLEMS["commit_failed"]))
    else:
        messages.info(request, _("This file has already been enrolled or has no valid rows."))
    return redirect("partners:import", slug=org.slug, public_id=batch.public_id)


@login_required
@require_GET
def import_errors(request: HttpRequest, slug: str, public_id) -> HttpResponse:
    org = access_organisation(request.user, slug)
    batch = access_import_batch(request.user, org, public_id)
    if batch.status not in {ImportBatch.Status.VALIDATED, ImportBatch.Status.COMMITTED}:
        raise Http404
    data, filename, content_type = selectors.import_error_file(batch=batch)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def import_template(request: HttpRequest, file_format: str) -> HttpResponse:
    """A template file with the columns in the reader's language and two
    example rows."""
    if file_format not in {"csv", "xlsx"}:
        raise Http404
    if not selectors.organisations_for_user(user=request.user).exists():
        raise Http404
    headers = importing.template_headers(get_language() or "en")
    if file_format == "xlsx":
        data = write_xlsx(headers, importing.TEMPLATE_EXAMPLES, title="learners")
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        data = write_csv(headers, importing.TEMPLATE_EXAMPLES)
        content_type = "text/csv; charset=utf-8"
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="digiskills-learners.{file_format}"'
    return response

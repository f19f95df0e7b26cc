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
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontend.spreadsheets import XLSX_CONTENT_TYPE, csv_stream, write_csv, write_xlsx, xlsx_file
from lms.services.cards import cards_split, login_cards_render
from partners import importing, selectors
from partners.exports import cohort_export_rows, learner_export_headers, organisation_export_rows
from partners.forms import (
    CohortForm,
    ImportMappingForm,
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
    course_choices,
    import_batch_commit_request,
    import_batch_create,
    import_batch_map,
    import_batch_progress,
    learner_situation_record,
    outcome_record,
)
from partners.services.exports import learners_export_record
from partners.uploads import partner_import_max_bytes, upload_bounded, upload_refusal

PAGE_SIZE = 100
# Login cards are printed by page: 40 cards are ten A4 sheets.
CARDS_PAGE_SIZE = 40
SEARCH_MAX = 100


def _page_number(request: HttpRequest) -> int:
    """The page asked for: in a posted form's field, else in the query string."""
    raw = request.POST.get("page") or request.GET.get("page", "1")
    return int(raw) if raw.isdigit() and int(raw) > 0 else 1


def _search(request: HttpRequest) -> str:
    """The search words typed in a list's search box (bounded)."""
    return request.GET.get("q", "").strip()[:SEARCH_MAX]


def _page_of_count(count: int, number: int, size: int):
    """A Paginator page over `count` items (the rows themselves are read with
    offset/limit by the selector), clamped to the last page."""
    return Paginator(range(count), size).get_page(number)


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """My organisations."""
    organisations = selectors.organisations_for_user(user=request.user)
    return render(request, "partners/home.html", {"organisations": organisations})


@login_required
@require_GET
def organisation(request: HttpRequest, slug: str) -> HttpResponse:
    """The partner's home: its menu, projects and cohorts (by page, searchable)."""
    org = access_organisation(request.user, slug)
    query = _search(request)
    cohorts = Paginator(selectors.organisation_cohorts(organisation=org, query=query), PAGE_SIZE)
    context = {
        "organisation": org,
        "projects": selectors.organisation_projects(organisation=org),
        "page_obj": cohorts.get_page(_page_number(request)),
        "query": query,
        "learner_count": selectors.organisation_learner_count(organisation=org),
        "can_edit": can_edit(request.user, org),
    }
    return render(request, "partners/organisation.html", context)


@login_required
@require_GET
def organisation_imports(request: HttpRequest, slug: str) -> HttpResponse:
    """Every file uploaded for the organisation's cohorts, newest first, by page."""
    org = access_organisation(request.user, slug)
    batches = Paginator(selectors.organisation_imports(organisation=org), PAGE_SIZE)
    context = {"organisation": org, "page_obj": batches.get_page(_page_number(request))}
    return render(request, "partners/organisation_imports.html", context)


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
    query = _search(request)
    progress = selectors.cohort_progress(
        cohort=group, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE, query=query
    )
    page_obj = _page_of_count(progress.matching, page, PAGE_SIZE)
    if page_obj.number != page:  # past the last page: show the last one
        progress = selectors.cohort_progress(
            cohort=group, offset=page_obj.start_index() - 1, limit=PAGE_SIZE, query=query
        )
    context = {
        "organisation": org,
        "cohort": group,
        "progress": progress,
        "query": query,
        "page_obj": page_obj,
        "imports": selectors.cohort_imports(cohort=group)[:10],
        "can_edit": can_edit(request.user, org),
    }
    return render(request, "partners/cohort.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def cohort_cards(request: HttpRequest, slug: str, cohort_id: int) -> HttpResponse:
    """Printed login cards for the cohort's learners without e-mail, a page of
    `CARDS_PAGE_SIZE` at a time (a whole cohort is printed page after page).
    Printing issues new codes (earlier cards stop working), so it is a POST
    after a confirmation page that says so. Only people who never chose their
    own password get a card (`lms.services.cards.card_refusal`); the page lists
    the others with the reason, and a request with nobody eligible is refused."""
    org = access_organisation(request.user, slug, roles=EDITOR_ROLES)
    group = access_cohort(request.user, org, cohort_id)
    query = _search(request)
    number = _page_number(request)
    page = Paginator(
        selectors.cohort_members_without_email(cohort=group, query=query), CARDS_PAGE_SIZE
    ).get_page(number)
    users, refused = cards_split([member.learner.user for member in page])
    context = {
        "organisation": org,
        "cohort": group,
        "users": users,
        "refused": refused,
        "page_obj": page,
        "query": query,
        "held_imports": list(selectors.cohort_imports_holding_cards(cohort=group)),
    }
    if request.method == "GET":
        return render(request, "partners/cohort_cards.html", context)
    if not users:
        messages.error(
            request, _("No card was printed: nobody in this cohort may get a login card.")
        )
        return render(request, "partners/cohort_cards.html", context, status=400)
    pdf = login_cards_render(users=users, issued_by=request.user)
    response = HttpResponse(pdf, content_type="application/pdf")
    suffix = f"-{page.number}" if page.paginator.num_pages > 1 else ""
    response["Content-Disposition"] = f'attachment; filename="login-cards-{group.pk}{suffix}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def cohort_outcomes(request: HttpRequest, slug: str, cohort_id: int) -> HttpResponse:
    """The quick form: the 3- and 6-month outcomes of a page of learners
    (searchable by name, learner id or e-mail)."""
    org = access_organisation(
        request.user, slug, roles=EDITOR_ROLES if request.method == "POST" else STAFF_ROLES
    )
    group = access_cohort(request.user, org, cohort_id)
    query = _search(request)
    number = _page_number(request)
    if request.method == "POST":
        posted = _posted_learner_ids(request.POST)
        try:
            learners = selectors.cohort_learners_among(cohort=group, learner_ids=posted)
            chosen = cohort_outcome_fields(request.POST, learners)
        except ValueError:
            messages.error(request, _("Some answers could not be read. Nothing was saved."))
        else:
            changed = cohort_outcomes_record(
                cohort=group, outcomes=chosen, recorded_by=request.user
            )
            messages.success(request, _("Outcomes saved (%(n)s changed).") % {"n": changed})
            target = reverse("partners:cohort_outcomes", args=[org.slug, group.pk])
            return redirect(f"{target}?{urlencode({'q': query, 'page': number})}")
    rows, matching = selectors.cohort_outcomes(
        cohort=group, query=query, offset=(number - 1) * PAGE_SIZE, limit=PAGE_SIZE
    )
    page_obj = _page_of_count(matching, number, PAGE_SIZE)
    if page_obj.number != number:  # past the last page: show the last one
        rows, matching = selectors.cohort_outcomes(
            cohort=group, query=query, offset=page_obj.start_index() - 1, limit=PAGE_SIZE
        )
    context = {
        "organisation": org,
        "cohort": group,
        "rows": rows,
        "query": query,
        "page_obj": page_obj,
        "points": Outcome.Point.choices,
        "situations": Outcome._meta.get_field("situation").choices,
        "can_edit": can_edit(request.user, org),
    }
    return render(request, "partners/cohort_outcomes.html", context)


def _posted_learner_ids(data) -> set[int]:
    """The learner ids named by the quick form's fields `o-<learner id>-<point>`
    (a bad name is refused later by `cohort_outcome_fields`)."""
    ids = set()
    for name in data:
        parts = name.split("-", 2)
        if len(parts) == 3 and parts[0] == "o" and parts[1].isdigit():
            ids.add(int(parts[1]))
    return ids


# --- Exports ----------------------------------------------------------------


def _learners_export(request, target, rows, stem: str, file_format: str):
    """The learners' rows as a streamed CSV or an XLSX from a temporary file;
    journalled."""
    if file_format not in {"csv", "xlsx"}:
        raise Http404
    learners_export_record(exported_by=request.user, target=target, file_format=file_format)
    headers = learner_export_headers()
    if file_format == "xlsx":
        response = FileResponse(
            xlsx_file(headers, rows, title=_("Learners")), content_type=XLSX_CONTENT_TYPE
        )
    else:
        response = StreamingHttpResponse(
            csv_stream(headers, rows), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{stem}.{file_format}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def cohort_export(request: HttpRequest, slug: str, cohort_id: int, file_format: str):
    """A cohort's learners with progress, completion, certificate and
    outcomes, for every staff role of the organisation (as the cohort page)."""
    org = access_organisation(request.user, slug)
    group = access_cohort(request.user, org, cohort_id)
    rows = cohort_export_rows(cohort=group)
    return _learners_export(request, group, rows, f"cohort-{group.pk}-learners", file_format)


@login_required
@require_GET
def organisation_export(request: HttpRequest, slug: str, file_format: str):
    """The same rows for every cohort of the organisation."""
    org = access_organisation(request.user, slug)
    rows = organisation_export_rows(organisation=org)
    return _learners_export(request, org, rows, f"{org.slug}-learners", file_format)


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
        "vocabularies": importing.vocabularies(),
    }
    return render(request, "partners/import_upload.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def import_mapping(request: HttpRequest, slug: str, public_id) -> HttpResponse:
    """The mapping step: the partner matches the file's columns and its own
    words with ours; the organisation remembers them for its next files."""
    org = access_organisation(
        request.user, slug, roles=EDITOR_ROLES if request.method == "POST" else STAFF_ROLES
    )
    batch = access_import_batch(request.user, org, public_id)
    if batch.status != ImportBatch.Status.MAPPING:
        return redirect("partners:import", slug=org.slug, public_id=batch.public_id)
    form = ImportMappingForm(request.POST or None, mapping=batch.mapping, courses=course_choices())
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                import_batch_map(
                    batch=batch,
                    columns=form.chosen_columns(),
                    words=form.chosen_words(),
                    mapped_by=request.user,
                )
            except ImportRefused as refused:
                form.add_error(None, refused.message)
            else:
                return redirect("partners:import", slug=org.slug, public_id=batch.public_id)
        status = 400
    context = {
        "organisation": org,
        "batch": batch,
        "form": form,
        "missing": [c.label for c in importing.COLUMNS if c.field in batch.mapping["missing"]],
        "register_column": importing.REGISTER_COLUMN,
        "can_edit": can_edit(request.user, org),
    }
    return render(request, "partners/import_mapping.html", context, status=status)


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
            "days": settings.PARTNER_IMPORT_UNCOMMITTED_KEEP_DAYS,
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
    if batch.status == ImportBatch.Status.MAPPING:
        return redirect("partners:import_mapping", slug=org.slug, public_id=batch.public_id)
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
    # Below the examples, lines starting with # list the accepted words; the
    # check skips such lines, so a partner may leave them in.
    rows = [*importing.TEMPLATE_EXAMPLES, *importing.template_notes()]
    if file_format == "xlsx":
        data = write_xlsx(headers, rows, title="learners")
        content_type = XLSX_CONTENT_TYPE
    else:
        data = write_csv(headers, rows)
        content_type = "text/csv; charset=utf-8"
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="digiskills-learners.{file_format}"'
    return response

"""Pages of digital helpers and of the people they coach. Thin: parse, check
access (`lms.permissions.coaching`), call one service or selector, render."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config import ratelimit
from lms.exceptions import LearningError
from lms.forms.coaching import (
    AssistedAccountForm,
    CardSigninForm,
    ConsentRequestForm,
    HelperEnrolForm,
    ScanUploadForm,
    SessionLogForm,
    TakeOverForm,
)
from lms.hooks.coaching import organisation_facts, organisations_managed
from lms.models import SigninMethod, User
from lms.pdf.consent import consent_form_pdf
from lms.permissions.coaching import (
    access_card_person,
    access_coached_person,
    access_helper,
    access_helper_management,
    access_helper_profile,
    access_own_consent,
    access_paper_consent,
)
from lms.selectors import dashboard_courses
from lms.selectors.coaching import (
    coached_people,
    consent_organisation_id,
    consent_requests_pending,
    consent_requests_sent,
    consent_valid,
    consents_of_learner,
    helper_profiles_listing,
    helper_training_held,
    journal_of_learner,
    live_session_open,
    organisation_names_fill,
    paper_consents_pending,
    sessions_for_helper,
    sessions_of_helper,
    sessions_of_learner,
)
from lms.services.cards import CARD_REFUSED, card_refusal, login_card_redeem
from lms.services.coaching import (
    BAD_PASSWORD,
    OUT_OF_REACH,
    CoachingError,
    assisted_account_create,
    assisted_account_take_over,
    coaching_session_log,
    consent_answer,
    consent_give_on_helper_screen,
    consent_record_paper,
    consent_request,
    consent_scan_check,
    consent_scan_upload,
    consent_withdraw,
    helper_card_print,
    helper_enrol,
    helper_profile_activate,
    helper_profile_suspend,
    live_session_end,
    live_session_start,
    progress_view_record,
)

SCOPE_FIELDS = ("see_progress", "enrol", "act_in_session", "duration")

# --- the helper's pages --------------------------------------------------------


@login_required
@require_GET
def helper_dashboard(request: HttpRequest) -> HttpResponse:
    """People I coach: progress while consent lasts, my sessions, my open requests."""
    profile = access_helper(request.user)
    context = {
        "profile": profile,
        "people": coached_people(profile=profile),
        "sessions": sessions_of_helper(helper=request.user),
        "requests": consent_requests_sent(helper=request.user),
        "paper_pending": paper_consents_pending(organisation_id=profile.organisation_id)[:50],
    }
    return render(request, "lms/coaching/dashboard.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def assisted_account_new(request: HttpRequest) -> HttpResponse:
    access_helper(request.user)
    form = AssistedAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person, consent = assisted_account_create(
                helper=request.user,
                display_name=data["display_name"],
                first_name=data.get("given_name", ""),
                last_name=data.get("family_name", ""),
                preferred_language=data["preferred_language"],
                **{name: data[name] for name in SCOPE_FIELDS},
            )
        except CoachingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _(
                    "The account of %(name)s is ready. Print the consent form and the login "
                    "card now. The consent starts when %(name)s confirms it at the first "
                    "sign-in, or when a colleague has checked the signed form."
                )
                % {"name": person},
            )
            return redirect("lms:helpers_paper_consent", consent_id=consent.pk)
    return render(request, "lms/coaching/account_new.html", {"form": form})


# A helper's screen is not a place to guess passwords: 5 wrong ones in 15 minutes.
HERE_FAILURE_RATE = "5/900"


def _password_tries_check(helper: User) -> None:
    if ratelimit.blocked(f"consent-here-fail:{helper.pk}", rate=HERE_FAILURE_RATE) is not None:
        raise CoachingError(
            _("Too many wrong passwords. Wait 15 minutes, or ask on the person's own screen."),
            code="too_many_tries",
        )


def _password_failure_count(helper: User) -> None:
    ratelimit.failure(f"consent-here-fail:{helper.pk}", rate=HERE_FAILURE_RATE)


# What "on their own screen" answers, whether or not the account exists.
SCREEN_REQUEST_SENT = gettext_lazy(
    "If an account has this username or e-mail address, the person sees your request "
    "the next time they sign in."
)
HIDDEN_REFUSALS = {"inactive", "young", "staff"}


@login_required
@require_http_methods(["GET", "POST"])
def consent_request_new(request: HttpRequest) -> HttpResponse:
    """Ask a person for consent: on their own screen, here with their own
    password, or on the paper form the platform prints (pending until confirmed)."""
    access_helper(request.user)
    form = ConsentRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        who = data["who"].strip()
        person = User.objects.filter(
            Q(username=who) | (Q(email__iexact=who) & ~Q(email="")), is_active=True
        ).first()
        how = data["how"] or ConsentRequestForm.HOW_SCREEN
        if person is None and how == ConsentRequestForm.HOW_SCREEN:
            # The same answer as for an account: the form never tells whether
            # one exists.
            messages.success(request, str(SCREEN_REQUEST_SENT))
            return redirect("lms:helpers")
        if person is None:
            # As for an account the person may not be asked for (here: the
            # wrong password, counted; on paper: outside the organisation).
            if how == ConsentRequestForm.HOW_HERE:
                _password_tries_check(request.user)
                _password_failure_count(request.user)
                form.add_error(None, str(BAD_PASSWORD))
            else:
                form.add_error(None, str(OUT_OF_REACH))
        else:
            scopes = {name: data[name] for name in SCOPE_FIELDS}
            scopes["for_organisation"] = data["for_organisation"]
            try:
                if how == ConsentRequestForm.HOW_PAPER:
                    consent = consent_record_paper(helper=request.user, learner=person, **scopes)
                    messages.success(
                        request,
                        _(
                            "Print the form for the person to sign. The consent has no effect "
                            "until the person confirms it or a colleague checks the signed form."
                        ),
                    )
                    return redirect("lms:helpers_paper_consent", consent_id=consent.pk)
                if how == ConsentRequestForm.HOW_HERE:
                    _password_tries_check(request.user)
                    try:
                        consent_give_on_helper_screen(
                            helper=request.user,
                            learner=person,
                            password=data["password"],
                            **scopes,
                        )
                    except CoachingError as error:
                        if error.code == "bad_password":
                            _password_failure_count(request.user)
                        raise
                    done = _("The person gave their consent. It starts now.")
                else:
                    try:
                        consent_request(helper=request.user, learner=person, **scopes)
                    except CoachingError as error:
                        # A closed, child's or staff account answers as if
                        # there were none (the helper learns nothing more).
                        if error.code not in HIDDEN_REFUSALS:
                            raise
                    done = str(SCREEN_REQUEST_SENT)
            except CoachingError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, done)
                return redirect("lms:helpers")
    status = 400 if request.method == "POST" else 200
    return render(request, "lms/coaching/consent_request.html", {"form": form}, status=status)


# --- paper consent forms -----------------------------------------------------


def _paper_context(request: HttpRequest, consent, upload_form=None) -> dict:
    user = request.user
    pending = consent.status == consent.Status.PENDING
    return {
        "consent": consent,
        "upload_form": (upload_form or ScanUploadForm()) if pending else None,
        "may_check": pending
        and bool(consent.scan)
        and user.pk not in (consent.scan_uploaded_by_id, consent.requested_by_id),
        "may_print_card": consent.learner.account_type == User.AccountType.ASSISTED
        and card_refusal(consent.learner) is None
        and consent.status in (consent.Status.PENDING, consent.Status.GIVEN),
    }


@login_required
@require_GET
def paper_consent_detail(request: HttpRequest, consent_id: int) -> HttpResponse:
    """A paper consent: the form to print, the scan, and the second check."""
    consent = access_paper_consent(request.user, consent_id)
    return render(request, "lms/coaching/paper_consent.html", _paper_context(request, consent))


@login_required
@require_GET
def paper_consent_form(request: HttpRequest, consent_id: int) -> HttpResponse:
    consent = access_paper_consent(request.user, consent_id)
    # access_paper_consent found the organisation (the consent's, or the
    # requesting helper's); its name comes from partners.
    organisation = organisation_facts(consent_organisation_id(consent=consent))
    pdf = consent_form_pdf(
        consent=consent, organisation_name=organisation.name if organisation else ""
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="consent-{consent.paper_reference}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def paper_consent_upload(request: HttpRequest, consent_id: int) -> HttpResponse:
    consent = access_paper_consent(request.user, consent_id)
    form = ScanUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            consent_scan_upload(
                consent=consent, uploaded_by=request.user, upload=form.cleaned_data["scan"]
            )
        except CoachingError as error:
            form.add_error("scan", error.message)
        else:
            messages.success(
                request,
                _("The scan is kept. A colleague of your organisation checks it now."),
            )
            return redirect("lms:helpers_paper_consent", consent_id=consent.pk)
    context = _paper_context(request, consent, upload_form=form)
    return render(request, "lms/coaching/paper_consent.html", context, status=400)


@login_required
@require_POST
def paper_consent_check(request: HttpRequest, consent_id: int) -> HttpResponse:
    consent = access_paper_consent(request.user, consent_id)
    try:
        consent_scan_check(consent=consent, checker=request.user)
    except CoachingError as error:
        messages.error(request, error.message)
        context = _paper_context(request, consent)
        return render(request, "lms/coaching/paper_consent.html", context, status=400)
    messages.success(request, _("Checked. The consent is in force; the person is told."))
    return redirect("lms:helpers_paper_consent", consent_id=consent.pk)


@login_required
@require_GET
def paper_consent_scan(request: HttpRequest, consent_id: int) -> HttpResponse:
    """The stored scan, for the organisation's helpers and managers only."""
    consent = access_paper_consent(request.user, consent_id)
    if not consent.scan:
        raise Http404
    kind = consent.scan.name.rsplit(".", 1)[-1]
    types = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}
    response = FileResponse(
        consent.scan.open("rb"), content_type=types.get(kind, "application/octet-stream")
    )
    response["Content-Disposition"] = f'inline; filename="scan-{consent.paper_reference}.{kind}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
def person_detail(request: HttpRequest, person_id: int) -> HttpResponse:
    """One person: what they allow, their progress (only with see_progress), sessions."""
    profile, person, consent = access_coached_person(request.user, person_id)
    progress_consent = consent_valid(profile=profile, learner=person, scope="see_progress")
    courses = None
    if progress_consent is not None:
        courses = dashboard_courses(learner=person)
        progress_view_record(helper=request.user, learner=person, consent=progress_consent)
    context = {
        "person": person,
        "consent": consent,
        "courses": courses,
        "may_act": consent_valid(profile=profile, learner=person, scope="act_in_session")
        is not None,
        "live": live_session_open(learner=person),
        "sessions": sessions_for_helper(profile=profile, learner=person)[:20],
        "enrol_form": HelperEnrolForm(language=get_language()[:2])
        if consent_valid(profile=profile, learner=person, scope="enrol")
        else None,
    }
    return render(request, "lms/coaching/person.html", context)


@login_required
@require_POST
def card_print(request: HttpRequest, person_id: int) -> HttpResponse:
    """A fresh login card (PDF); the previous card stops working."""
    person = access_card_person(request.user, person_id)
    try:
        pdf = helper_card_print(helper=request.user, learner=person)
    except CoachingError as error:
        messages.error(request, error.message)
        return redirect("lms:helpers")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="login-card-{person.username}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def helper_enrol_person(request: HttpRequest, person_id: int) -> HttpResponse:
    _profile, person, _consent = access_coached_person(request.user, person_id, scope="enrol")
    form = HelperEnrolForm(request.POST, language=get_language()[:2])
    if not form.is_valid():
        messages.error(request, _("Choose a course."))
    else:
        try:
            helper_enrol(helper=request.user, learner=person, course=form.cleaned_data["course"])
        except LearningError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("%(name)s is enrolled in %(course)s.")
                % {"name": person, "course": form.cleaned_data["course"].title},
            )
    return redirect("lms:helpers_person", person_id=person.pk)


@login_required
@require_http_methods(["GET", "POST"])
def session_log(request: HttpRequest, person_id: int) -> HttpResponse:
    _profile, person, _consent = access_coached_person(request.user, person_id)
    form = SessionLogForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            coaching_session_log(helper=request.user, learner=person, **form.cleaned_data)
        except CoachingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The session has been logged."))
            return redirect("lms:helpers_person", person_id=person.pk)
    return render(request, "lms/coaching/session_log.html", {"form": form, "person": person})


@login_required
@require_POST
def live_start(request: HttpRequest, person_id: int) -> HttpResponse:
    _profile, person, _consent = access_coached_person(
        request.user, person_id, scope="act_in_session"
    )
    try:
        live_session_start(helper=request.user, learner=person)
    except CoachingError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Session started: learning done now is marked as done with a helper."),
        )
    return redirect("lms:helpers_person", person_id=person.pk)


@login_required
@require_POST
def live_end(request: HttpRequest, person_id: int) -> HttpResponse:
    profile = access_helper(request.user)
    person = User.objects.filter(pk=person_id).first()
    if person is None:
        return redirect("lms:helpers")
    if live_session_end(helper=request.user, learner=person):
        messages.success(request, _("Session ended."))
    if consent_valid(profile=profile, learner=person) is None:
        return redirect("lms:helpers")
    return redirect("lms:helpers_person", person_id=person.pk)


# --- managing helpers --------------------------------------------------------


@login_required
@require_GET
def helper_profiles(request: HttpRequest) -> HttpResponse:
    """Helpers of the organisations I manage (all of them with `lms.manage_helpers`)."""
    access_helper_management(request.user)
    profiles = helper_profiles_listing(user=request.user)
    # Managers check the scans of their organisations' paper consent forms too.
    paper = [
        consent
        for organisation_id in sorted(organisations_managed(request.user))
        for consent in paper_consents_pending(organisation_id=organisation_id)[:50]
    ]
    context = {"profiles": profiles, "paper_pending": paper}
    return render(request, "lms/coaching/profiles.html", context)


@login_required
@require_POST
def helper_profile_action(request: HttpRequest, profile_id: int, action: str) -> HttpResponse:
    profile = access_helper_profile(request.user, profile_id)
    try:
        if action == "activate":
            helper_profile_activate(
                profile=profile,
                activated_by=request.user,
                has_required_certificate=helper_training_held(profile=profile),
            )
            messages.success(
                request, _("%(name)s is now an active helper.") % {"name": profile.user}
            )
        elif action == "suspend":
            helper_profile_suspend(profile=profile, suspended_by=request.user)
            messages.success(request, _("%(name)s is suspended.") % {"name": profile.user})
    except CoachingError as error:
        messages.error(request, error.message)
    return redirect("lms:helper_profiles")


# --- the person's pages --------------------------------------------------------


@login_required
@require_GET
def my_helpers(request: HttpRequest) -> HttpResponse:
    """My helpers: requests to answer, consents (withdraw in one click),
    sessions with their notes, and what helpers did on my account."""
    return render(request, "lms/coaching/my_helpers.html", _my_helpers_context(request.user))


def _my_helpers_context(user: User, take_over_form: TakeOverForm | None = None) -> dict:
    assisted = user.account_type == User.AccountType.ASSISTED
    return {
        "requests": organisation_names_fill(consent_requests_pending(learner=user)),
        "consents": organisation_names_fill(consents_of_learner(learner=user)),
        "sessions": sessions_of_learner(learner=user)[:50],
        "journal": journal_of_learner(learner=user)[:50],
        "live": live_session_open(learner=user),
        "take_over_form": (take_over_form or TakeOverForm()) if assisted else None,
    }


@login_required
@require_POST
def my_consent_answer(request: HttpRequest, consent_id: int) -> HttpResponse:
    consent = access_own_consent(request.user, consent_id)
    accept = request.POST.get("answer") == "accept"
    consent = consent_answer(consent=consent, learner=request.user, accept=accept)
    if accept:
        messages.success(request, _("Thank you. You can withdraw your consent at any time here."))
    else:
        messages.info(request, _("You said no. The helper cannot see your account."))
    return redirect("lms:my_helpers")


@login_required
@require_POST
def my_consent_withdraw(request: HttpRequest, consent_id: int) -> HttpResponse:
    consent = access_own_consent(request.user, consent_id)
    if consent_withdraw(consent=consent, learner=request.user):
        messages.success(request, _("Consent withdrawn. From now on the helper has no access."))
    return redirect("lms:my_helpers")


@login_required
@require_POST
def my_live_end(request: HttpRequest) -> HttpResponse:
    if live_session_end(helper=request.user, learner=request.user):
        messages.success(request, _("Session ended."))
    return redirect("lms:my_helpers")


@login_required
@require_POST
def my_take_over(request: HttpRequest) -> HttpResponse:
    """An assisted person adds an e-mail and a password and manages the account."""
    form = TakeOverForm(request.POST)
    if form.is_valid():
        try:
            user = assisted_account_take_over(
                user=request.user,
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
            )
        except CoachingError as error:
            form.add_error(None, error.message)
        else:
            login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
            messages.success(
                request,
                _(
                    "The account is now yours. Your helpers keep the access you gave them "
                    "until it ends or you withdraw it below."
                ),
            )
            return redirect("lms:my_helpers")
    context = _my_helpers_context(request.user, form)
    return render(request, "lms/coaching/my_helpers.html", context, status=400)


# --- signing in with a card ----------------------------------------------------

# Wrong cards per username and per client address, in 15-minute windows.
CARD_FAILURE_RATE = "10/900"


@require_http_methods(["GET", "POST"])
def card_signin(request: HttpRequest) -> HttpResponse:
    """Username + the code printed on the login card -> signed in, then invited
    to choose a password. Failures are limited per username and per address."""
    form = CardSigninForm(request.POST or None, initial={"username": request.GET.get("u", "")})
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"].strip()
        keys = [
            f"card-fail:u:{username.lower()}",
            f"card-fail:ip:{ratelimit.client_address(request)}",
        ]
        waits = [ratelimit.blocked(key, rate=CARD_FAILURE_RATE) for key in keys]
        wait = max((w for w in waits if w is not None), default=None)
        if wait is not None:
            form.add_error(
                None, _("Too many attempts. Wait 15 minutes or ask your helper for a new card.")
            )
            response = render(request, "lms/coaching/card_signin.html", {"form": form}, status=429)
            response["Retry-After"] = str(wait)
            return response
        else:
            user = login_card_redeem(username=username, code=form.cleaned_data["code"])
            if user == CARD_REFUSED:
                form.add_error(
                    None,
                    _(
                        "You chose your own password: sign in with it. Login cards no "
                        "longer work for your account, and this card has been cancelled."
                    ),
                )
            elif user is None:
                for key in keys:
                    ratelimit.failure(key, rate=CARD_FAILURE_RATE)
                form.add_error(
                    None,
                    _(
                        "This username and code do not match, or the card is no longer "
                        "valid. Check the card or ask your helper for a new one."
                    ),
                )
            else:
                request.signin_method = SigninMethod.CARD
                login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
                if not user.has_usable_password():
                    messages.success(
                        request,
                        _("Welcome! Choose a password now, so you can sign in without the card."),
                    )
                    return redirect(reverse("account_set_password"))
                messages.success(request, _("Welcome back!"))
                return redirect("lms:dashboard")
    return render(request, "lms/coaching/card_signin.html", {"form": form})

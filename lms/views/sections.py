"""Class sections: the teacher's pages (sections, class grid, children,
consent, cards, export) and the child's login (class code -> name -> pictures).

Views parse, check access (`lms.permissions`), call one service or selector
and render."""

import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config import ratelimit
from courses.puzzles.selectors import puzzle_level_list
from frontend.spreadsheets import write_csv
from lms.forms.sections import (
    ChildrenAddForm,
    ClassCodeForm,
    ConsentForm,
    LetterForm,
    PicturesForm,
    SectionCreateForm,
)
from lms.models import SectionChild, SigninMethod
from lms.pdf.sections import class_diplomas_pdf, consent_letter_pdf, login_cards_pdf
from lms.permissions import access_section, access_section_child, access_teacher
from lms.pictures import BY_KEY, PICTURES
from lms.selectors.sections import (
    child_consent_ledger,
    section_children,
    section_diplomas,
    section_grid,
    section_open_by_code,
    section_paused_children,
    teacher_sections,
)
from lms.services.sections import (
    STUCK_ATTEMPTS,
    SectionError,
    child_pause_lift,
    child_picture_password_set,
    consent_record,
    consent_withdraw,
    picture_login_check,
    section_cards_issue,
    section_child_remove,
    section_children_add,
    section_close,
    section_code_normalise,
    section_create,
)

# Unknown class codes per client address and minute before lookups pause: only
# misses count, so a whole class behind one school address is never slowed down.
CODE_MISSES_PER_MINUTE = 30
CODE_MISS_RATE = f"{CODE_MISSES_PER_MINUTE}/60"
# A browser's own id for the children's sign-in, so that wrong pictures pause
# the device that tried them, not the class (signed: it cannot be forged).
DEVICE_COOKIE = "dsk_class_device"
DEVICE_COOKIE_SALT = "lms.class-device"


# --- teacher ---------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@login_required
def section_list(request: HttpRequest) -> HttpResponse:
    """My classes, and a form to start a new one."""
    access_teacher(request.user)
    form = SectionCreateForm(request.POST or None, initial={"language": get_language()})
    if request.method == "POST" and form.is_valid():
        try:
            section = section_create(teacher=request.user, **form.cleaned_data)
        except SectionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("The class is ready. Its code is %(code)s.") % {"code": section.code}
            )
            return redirect("lms:section_detail", section_id=section.pk)
    sections = list(teacher_sections(teacher=request.user))
    return render(request, "lms/sections/list.html", {"sections": sections, "form": form})


def _levels() -> list:
    return puzzle_level_list(language=get_language())


def _detail(request: HttpRequest, section, *, add_form, status: int = 200) -> HttpResponse:
    """The class page: the grid of children x levels, who is stuck, the forms."""
    levels = _levels()
    rows = section_grid(
        section=section, levels=[lv.number for lv in levels], stuck_attempts=STUCK_ATTEMPTS
    )
    return render(
        request,
        "lms/sections/detail.html",
        {
            "section": section,
            "levels": levels,
            "rows": rows,
            "stuck_rows": [r for r in rows if r.stuck],
            "paused": section_paused_children(section=section),
            "without_card": sum(1 for r in rows if r.child.picture_set_at is None),
            "add_form": add_form,
            "stuck_attempts": STUCK_ATTEMPTS,
        },
        status=status,
    )


@require_GET
@login_required
def section_detail(request: HttpRequest, section_id: int) -> HttpResponse:
    """The class: children x levels with stars, who is stuck, consent, actions."""
    section = access_section(request.user, section_id)
    return _detail(request, section, add_form=ChildrenAddForm())


@require_POST
@login_required
def section_children_add_view(request: HttpRequest, section_id: int) -> HttpResponse:
    section = access_section(request.user, section_id)
    form = ChildrenAddForm(request.POST)
    if form.is_valid():
        try:
            children = section_children_add(
                section=section, text=form.cleaned_data["names"], added_by=request.user
            )
        except SectionError as error:
            form.add_error("names", error.message)
        else:
            messages.success(
                request,
                _("%(count)d children added. Print their login cards.") % {"count": len(children)},
            )
            return redirect("lms:section_detail", section_id=section.pk)
    return _detail(request, section, add_form=form, status=400)


@require_POST
@login_required
def section_cards(request: HttpRequest, section_id: int) -> HttpResponse:
    """Login cards as a PDF: new picture passwords for the children without a
    card, or for everyone (their old cards stop working)."""
    section = access_section(request.user, section_id)
    try:
        cards = section_cards_issue(
            section=section, issued_by=request.user, everyone=request.POST.get("everyone") == "1"
        )
    except SectionError as error:
        messages.error(request, error.message)
        return redirect("lms:section_detail", section_id=section.pk)
    response = HttpResponse(
        login_cards_pdf(section=section, cards=cards), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="login-cards-{section.code}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@login_required
def section_close_view(request: HttpRequest, section_id: int) -> HttpResponse:
    section = access_section(request.user, section_id)
    if section_close(section=section, closed_by=request.user):
        messages.success(request, _("The class is closed. The children can no longer sign in."))
    return redirect("lms:section_detail", section_id=section.pk)


@require_GET
@login_required
def section_export(request: HttpRequest, section_id: int) -> HttpResponse:
    """The class grid as CSV for Belgian Excel (UTF-8 with BOM, semicolons),
    written by the one spreadsheet writer (formula-like names neutralised)."""
    section = access_section(request.user, section_id)
    levels = _levels()
    rows = section_grid(
        section=section, levels=[lv.number for lv in levels], stuck_attempts=STUCK_ATTEMPTS
    )
    header = [_("First name"), _("Parental consent")]
    for level in levels:
        header += [
            _("Level %(number)d stars") % {"number": level.number},
            _("Level %(number)d tries") % {"number": level.number},
        ]
    header.append(_("Stuck on levels"))
    lines = []
    for row in rows:
        consent = _("yes") if row.child.consent_at else (_("no") if section.under_13 else "—")
        line = [row.child.first_name, consent]
        for cell in row.cells:
            line += [cell.stars, cell.attempts]
        line.append(" ".join(str(n) for n in row.stuck))
        lines.append(line)
    response = HttpResponse(write_csv(header, lines), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="class-{section.code}.csv"'
    return response


@require_GET
@login_required
def child_detail(request: HttpRequest, section_id: int, child_id: int) -> HttpResponse:
    """One child: consent ledger and forms, consent letter, new pictures."""
    child = access_section_child(request.user, section_id, child_id)
    return render(
        request,
        "lms/sections/child.html",
        {
            "section": child.section,
            "child": child,
            "ledger": child_consent_ledger(child=child),
            "consent_form": ConsentForm(),
            "letter_form": LetterForm(initial={"language": child.family_language}),
        },
    )


@require_POST
@login_required
def child_reset(request: HttpRequest, section_id: int, child_id: int) -> HttpResponse:
    """A new picture password for one child, shown once (printable)."""
    child = access_section_child(request.user, section_id, child_id)
    pictures = child_picture_password_set(child=child, set_by=request.user)
    return render(
        request,
        "lms/sections/child_reset.html",
        {"section": child.section, "child": child, "pictures": [BY_KEY[k] for k in pictures]},
    )


@require_POST
@login_required
def child_consent(request: HttpRequest, section_id: int, child_id: int) -> HttpResponse:
    """Record that consent was received, or withdrawn (`withdraw=1`)."""
    child = access_section_child(request.user, section_id, child_id)
    form = ConsentForm(request.POST)
    withdraw = request.POST.get("withdraw") == "1"
    if form.is_valid():
        service = consent_withdraw if withdraw else consent_record
        try:
            service(child=child, recorded_by=request.user, **form.cleaned_data)
        except SectionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Consent withdrawn.") if withdraw else _("Consent recorded.")
            )
            return redirect("lms:section_child", section_id=child.section_id, child_id=child.pk)
    return render(
        request,
        "lms/sections/child.html",
        {
            "section": child.section,
            "child": child,
            "ledger": child_consent_ledger(child=child),
            "consent_form": form,
            "letter_form": LetterForm(initial={"language": child.family_language}),
        },
        status=400,
    )


@require_POST
@login_required
def child_remove(request: HttpRequest, section_id: int, child_id: int) -> HttpResponse:
    """Delete the child's account and its data (asked for by a parent)."""
    child = access_section_child(request.user, section_id, child_id)
    section_id = child.section_id
    section_child_remove(child=child, removed_by=request.user)
    messages.success(request, _("The account and its data are deleted."))
    return redirect("lms:section_detail", section_id=section_id)


@require_GET
@login_required
def child_letter(request: HttpRequest, section_id: int, child_id: int) -> HttpResponse:
    """The consent letter for the child's family, in the language chosen."""
    child = access_section_child(request.user, section_id, child_id)
    form = LetterForm(request.GET or {"language": child.family_language})
    language = form.cleaned_data["language"] if form.is_valid() else child.family_language
    response = HttpResponse(
        consent_letter_pdf(child=child, language=language), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="consent-{child.pk}-{language}.pdf"'
    return response


@require_GET
@login_required
def section_diplomas_view(request: HttpRequest, section_id: int) -> HttpResponse:
    """The class diplomas as a PDF, in the class language: one page per child
    who completed the kids' course. The class's own teacher only."""
    section = access_section(request.user, section_id)
    diplomas = section_diplomas(section=section)
    response = HttpResponse(
        class_diplomas_pdf(section=section, diplomas=diplomas, teacher=request.user),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'inline; filename="class-diplomas-{section.code}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


# --- the child's login -----------------------------------------------------


def _miss_key(request: HttpRequest) -> str:
    return f"class-code-miss:{ratelimit.client_address(request)}"


def _lookups_paused(request: HttpRequest) -> int | None:
    """Seconds until this address may look codes up again, or None."""
    return ratelimit.blocked(_miss_key(request), rate=CODE_MISS_RATE)


def _miss_count(request: HttpRequest) -> None:
    ratelimit.failure(_miss_key(request), rate=CODE_MISS_RATE)


def _device(request: HttpRequest) -> str:
    """This browser's id from its signed cookie, or "" the first time."""
    return request.get_signed_cookie(DEVICE_COOKIE, default="", salt=DEVICE_COOKIE_SALT)


def _device_remember(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    if not _device(request):
        response.set_signed_cookie(
            DEVICE_COOKIE,
            secrets.token_urlsafe(16),
            salt=DEVICE_COOKIE_SALT,
            max_age=365 * 24 * 3600,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    return response


def _guess_keys(request: HttpRequest) -> list[tuple[str, str]]:
    """(key, rate) of the wrong-picture limits this request counts in: its
    device (the address when the browser has no cookie) and its address, with
    a budget for a whole class sitting behind one school address."""
    address = ratelimit.client_address(request)
    device = _device(request)
    own = f"class-guess:device:{device}" if device else f"class-guess:lone:{address}"
    return [
        (own, settings.CLASS_LOGIN_DEVICE_RATE),
        (f"class-guess:address:{address}", settings.CLASS_LOGIN_ADDRESS_RATE),
    ]


# How long a device stays known for a child after the child signed in on it.
KNOWN_DEVICE_SECONDS = 365 * 24 * 3600


def _known_key(device: str, child: SectionChild) -> str:
    return f"class-known:{device}:{child.pk}"


def _known_device(request: HttpRequest, child: SectionChild) -> bool:
    """Did this child sign in on this browser before? (the OWASP "device
    cookie": a child's pause holds strangers' devices, not the child's own)."""
    device = _device(request)
    return bool(device) and cache.get(_known_key(device, child)) is not None


def _known_device_remember(request: HttpRequest, child: SectionChild) -> None:
    device = _device(request)
    if device:
        cache.set(_known_key(device, child), 1, KNOWN_DEVICE_SECONDS)


def _guessing_paused(request: HttpRequest) -> int | None:
    """Seconds this device (or address) must wait after too many wrong pictures."""
    waits = [ratelimit.blocked(key, rate=rate) for key, rate in _guess_keys(request)]
    return max((w for w in waits if w is not None), default=None)


@require_GET
def class_login(request: HttpRequest) -> HttpResponse:
    """Step 1: the class code (typed, or filled in from the card's QR code)."""
    form = ClassCodeForm(request.GET or None)
    if request.GET and form.is_valid():
        code = section_code_normalise(form.cleaned_data["code"])
        wait = _lookups_paused(request)
        if wait is not None:
            form.add_error("code", _("Too many tries. Wait one minute, then try again."))
            response = render(request, "lms/sections/login_code.html", {"form": form}, status=429)
            response["Retry-After"] = str(wait)
            return response
        else:
            section = section_open_by_code(code=code)
            if section is None:
                _miss_count(request)
                form.add_error("code", _("We do not know this code. Look at your card again."))
            else:
                return redirect("lms:class_names", code=section.code)
    return render(request, "lms/sections/login_code.html", {"form": form})


def _open_section_or_back(request: HttpRequest, code: str):
    """The open section of a code in the address, counted like a typed code."""
    if _lookups_paused(request) is not None:
        return None
    section = section_open_by_code(code=section_code_normalise(code))
    if section is None:
        _miss_count(request)
    return section


@require_GET
def class_names(request: HttpRequest, code: str) -> HttpResponse:
    """Step 2: pick your name (first names only)."""
    section = _open_section_or_back(request, code)
    if section is None:
        return redirect(reverse("lms:class_login"))
    response = render(
        request,
        "lms/sections/login_names.html",
        {"section": section, "children": section_children(section=section)},
    )
    return _device_remember(request, response)


@require_http_methods(["GET", "POST"])
def class_pictures(request: HttpRequest, code: str, child_id: int) -> HttpResponse:
    """Step 3: pick your three pictures, then play."""
    section = _open_section_or_back(request, code)
    if section is None:
        return redirect(reverse("lms:class_login"))
    child = SectionChild.objects.filter(pk=child_id, section=section).select_related("user").first()
    if child is None:
        return redirect("lms:class_names", code=section.code)
    child.section = section
    form = PicturesForm(request.POST or None)
    problem = ""
    status = 200
    wait = _guessing_paused(request) if request.method == "POST" else None
    if wait is not None:
        problem = _(
            "This device tried too many wrong pictures. Wait %(minutes)s minutes, "
            "or ask your teacher."
        ) % {"minutes": ratelimit.minutes(wait)}
        form = PicturesForm()
        status = 429
    elif request.method == "POST":
        if form.is_valid():
            try:
                user = picture_login_check(
                    child=child,
                    pictures=form.pictures(),
                    known_device=_known_device(request, child),
                )
            except SectionError as error:
                if error.code in ("wrong_pictures", "child_locked"):
                    for key, rate in _guess_keys(request):
                        ratelimit.failure(key, rate=rate)
                problem = error.message
                form = PicturesForm()
                status = 403 if error.code in ("child_locked", "closed") else 400
            else:
                _known_device_remember(request, child)
                request.signin_method = SigninMethod.CLASS
                login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
                return redirect("puzzles:level_list")
        else:
            status = 400
    response = render(
        request,
        "lms/sections/login_pictures.html",
        {
            "section": section,
            "child": child,
            "form": form,
            "problem": problem,
            "pictures": PICTURES,
        },
        status=status,
    )
    if wait is not None:
        response["Retry-After"] = str(wait)
    return _device_remember(request, response)


@require_POST
@login_required
def child_unpause(request: HttpRequest, section_id: int, child_id: int) -> HttpResponse:
    """The teacher lets a child whose pictures are paused try again."""
    child = access_section_child(request.user, section_id, child_id)
    if child_pause_lift(child=child, lifted_by=request.user):
        messages.success(
            request, _("%(name)s can sign in with the pictures again.") % {"name": child}
        )
    else:
        messages.info(request, _("%(name)s was not paused.") % {"name": child})
    return redirect("lms:section_detail", section_id=child.section_id)

"""Name corrections: the holder asks (for their own certificates only); staff
with `certificates.review_name_correction` approve or reject."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from certificates import selectors, services_corrections
from certificates.exceptions import CertificateError
from certificates.forms import NameCorrectionDecisionForm, NameCorrectionForm
from certificates.permissions import (
    access_name_correction,
    access_name_corrections,
    access_own_certificate,
)


@login_required
@require_http_methods(["GET", "POST"])
def correction_request(request: HttpRequest, public_id=None) -> HttpResponse:
    """Ask for a correction of the name on my certificates (one, or all)."""
    chosen = access_own_certificate(request.user, public_id) if public_id else None
    queryset = selectors.certificates_correctable(user=request.user)
    pending = selectors.name_correction_pending(user=request.user)
    initial = {
        "certificates": [chosen.pk] if chosen else list(queryset.values_list("pk", flat=True)),
        "given_name": request.user.first_name,
        "family_name": request.user.last_name,
    }
    form = NameCorrectionForm(request.POST or None, queryset=queryset, initial=initial)
    status = 200
    if request.method == "POST" and pending is None:
        if form.is_valid():
            try:
                services_corrections.name_correction_request(
                    holder=request.user,
                    certificates=list(form.cleaned_data["certificates"]),
                    given_name=form.cleaned_data["given_name"],
                    family_name=form.cleaned_data["family_name"],
                    reason=form.cleaned_data["reason"],
                )
            except CertificateError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _(
                        "Your request has been sent. Staff check it and tell you their "
                        "decision; your certificates stay as they are until then."
                    ),
                )
                return redirect("certificates:mine")
        status = 400
    elif request.method == "POST":
        status = 409
    context = {
        "form": form,
        "pending": pending,
        "has_certificates": queryset.exists(),
        "history": selectors.name_corrections_of(user=request.user),
    }
    return render(request, "certificates/correction_request.html", context, status=status)


@login_required
def correction_list(request: HttpRequest) -> HttpResponse:
    """Staff: name corrections to decide, and the latest decisions."""
    access_name_corrections(request.user)
    corrections = selectors.name_corrections_for_review()
    return render(request, "certificates/corrections.html", {"corrections": corrections})


@login_required
@require_http_methods(["GET", "POST"])
def correction_detail(request: HttpRequest, correction_id: int) -> HttpResponse:
    """Staff: one request, with approve (re-issue) or reject (with a note)."""
    correction = access_name_correction(request.user, correction_id)
    form = NameCorrectionDecisionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                if form.cleaned_data["decision"] == "approve":
                    renewed = services_corrections.name_correction_approve(
                        correction=correction, actor=request.user, note=form.cleaned_data["note"]
                    )
                    messages.success(
                        request,
                        _("Approved. %(count)d certificate(s) issued again under a new code.")
                        % {"count": len(renewed)},
                    )
                else:
                    services_corrections.name_correction_reject(
                        correction=correction, actor=request.user, note=form.cleaned_data["note"]
                    )
                    messages.success(request, _("Rejected. The holder is told why."))
                return redirect("certificates:corrections")
            except CertificateError as error:
                form.add_error(None, error.message)
        status = 400
    return render(
        request,
        "certificates/correction_detail.html",
        {"correction": correction, "form": form},
        status=status,
    )

"""Staff: revoke a certificate with a reason; issue certificates in bulk."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from certificates import selectors, services
from certificates.forms import BulkIssueForm, RevokeConfirmForm, RevokeForm
from certificates.permissions import access_bulk_issue, access_certificate_to_revoke


@login_required
def revoke(request: HttpRequest, public_id) -> HttpResponse:
    """Two steps, never one click: the reason, then a page that shows the
    certificate and the reason again with a box to tick. Only that revokes."""
    certificate = access_certificate_to_revoke(request.user, public_id)
    context = {
        "certificate": certificate,
        "course": certificate.text("course", get_language() or "en"),
    }
    if certificate.revoked_at is not None:
        if request.method == "POST":
            messages.error(request, _("This certificate was already revoked."))
            return redirect("certificates:revoke", public_id=certificate.public_id)
        return render(request, "certificates/revoke.html", context)
    if request.method != "POST":
        return render(request, "certificates/revoke.html", {**context, "form": RevokeForm()})
    if request.POST.get("step") == "confirm":
        confirm = RevokeConfirmForm(request.POST)
        if confirm.is_valid():
            services.certificate_revoke(
                certificate=certificate, actor=request.user, reason=confirm.cleaned_data["reason"]
            )
            messages.success(request, _("The certificate has been revoked."))
            return redirect("certificates:revoke", public_id=certificate.public_id)
        if "reason" not in confirm.errors:
            reason = confirm.cleaned_data["reason"]
            return _confirm_page(request, context, confirm, reason)
    form = RevokeForm(request.POST)
    if form.is_valid():
        reason = form.cleaned_data["reason"]
        return _confirm_page(
            request, context, RevokeConfirmForm(initial={"reason": reason}), reason
        )
    return render(request, "certificates/revoke.html", {**context, "form": form})


def _confirm_page(request, context: dict, form, reason: str) -> HttpResponse:
    return render(
        request, "certificates/revoke.html", {**context, "confirm_form": form, "reason": reason}
    )


@login_required
def bulk_issue(request: HttpRequest) -> HttpResponse:
    access_bulk_issue(request.user)
    form = BulkIssueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        job = services.bulk_job_create(
            actor=request.user,
            course=form.cleaned_data["course"],
            usernames=form.cleaned_data["usernames"],
        )
        return redirect("certificates:bulk_progress", job_id=job.pk)
    return render(request, "certificates/bulk_issue.html", {"form": form})


@login_required
def bulk_progress(request: HttpRequest, job_id: int) -> HttpResponse:
    access_bulk_issue(request.user)
    job = selectors.bulk_job(job_id=job_id)
    if job is None:
        raise Http404
    return render(request, "certificates/bulk_progress.html", {"job": job})

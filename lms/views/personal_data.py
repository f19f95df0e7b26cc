"""GDPR rights of the signed-in person: download my data, delete my account."""

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from lms.exceptions import LearningError
from lms.forms.accounts import AccountDeleteForm
from lms.hooks.personal_data import personal_data_erase_notes
from lms.permissions import access_own_personal_data
from lms.selectors.personal_data import personal_data_sections
from lms.services.erasure import REASON_REQUEST, account_erase, account_erase_refusal
from lms.services.personal_data import (
    EXPORT_FORMATS,
    personal_data_export,
    personal_data_json,
)


@login_required
@require_http_methods(["GET", "POST"])
def my_data(request: HttpRequest) -> HttpResponse:
    """GET: the page with the download buttons. POST `format=json|html`: the file."""
    user = access_own_personal_data(request.user)
    if request.method == "GET":
        return render(request, "lms/gdpr/my_data.html")
    export_format = request.POST.get("format", "")
    if export_format not in EXPORT_FORMATS:
        return HttpResponseBadRequest("format must be json or html")
    data = personal_data_export(user=user, export_format=export_format)
    stamp = timezone.localdate().isoformat()
    if export_format == "json":
        response = HttpResponse(
            personal_data_json(data), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="digiskills-my-data-{stamp}.json"'
    else:
        response = render(
            request,
            "lms/gdpr/my_data_print.html",
            {"data": data, "sections": personal_data_sections(data)},
        )
        response["Content-Disposition"] = f'attachment; filename="digiskills-my-data-{stamp}.html"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    """Confirm with the password, then erase the account and sign out."""
    user = access_own_personal_data(request.user)
    refusal = account_erase_refusal(user=user)
    # The person's own password: not one a helper made for an assisted account.
    needs_password = not user.has_usable_password() or (
        user.account_type == user.AccountType.ASSISTED and user.password_chosen_at is None
    )
    form = AccountDeleteForm(request.POST or None, user=user)
    status = 200
    if request.method == "POST":
        if refusal or needs_password:
            status = 403
        elif form.is_valid():
            try:
                account_erase(user=user, reason=REASON_REQUEST, actor=user)
            except LearningError as error:
                form.add_error(None, error.message)
                status = 400
            else:
                logout(request)
                return render(request, "lms/gdpr/account_deleted.html")
        else:
            status = 400
    context = {
        "form": form,
        "refusal": refusal,
        "needs_password": needs_password,
        "erase_notes": personal_data_erase_notes(),
    }
    return render(request, "lms/gdpr/account_delete.html", context, status=status)

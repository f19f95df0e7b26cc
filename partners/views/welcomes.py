"""Release of an enrolled import's welcome e-mails and login cards: a
confirmation page with the counts (GET), then the release (POST). Managers and
trainers only; another organisation's import is a 404."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partners import selectors
from partners.models import ImportBatch
from partners.permissions import EDITOR_ROLES, access_import_batch, access_organisation
from partners.services import import_welcomes_release


@login_required
@require_http_methods(["GET", "POST"])
def import_release(request: HttpRequest, slug: str, public_id) -> HttpResponse:
    org = access_organisation(request.user, slug, roles=EDITOR_ROLES)
    batch = access_import_batch(request.user, org, public_id)
    if batch.status != ImportBatch.Status.COMMITTED:
        raise Http404
    status = selectors.import_welcomes_status(batch=batch)
    if request.method == "GET":
        context = {
            "organisation": org,
            "batch": batch,
            "welcomes": status,
            "rate": settings.PARTNER_WELCOME_PER_MINUTE,
        }
        return render(request, "partners/import_release.html", context)
    if import_welcomes_release(batch=batch, released_by=request.user) is None:
        messages.info(request, _("The welcome e-mails of this file have already been released."))
    else:
        messages.success(
            request,
            _(
                "The welcome e-mails are being sent (%(n)s, at most %(rate)s a minute); "
                "the login cards can now be printed."
            )
            % {"n": status.emails - status.sent, "rate": settings.PARTNER_WELCOME_PER_MINUTE},
        )
    return redirect("partners:import", slug=org.slug, public_id=batch.public_id)

"""Organisation managers' pages for the partner API: tokens (create, shown
once; revoke), webhook endpoints and their delivery log with redelivery."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from audit.selectors import audit_entries_for
from partners.forms import ApiTokenForm
from partners.permissions import MANAGER_ROLES, access_organisation
from partners.selectors import api_tokens_of, webhook_deliveries_of, webhook_endpoints_of
from partners.services import (
    TokenNameTaken,
    api_token_create,
    api_token_revoke,
    webhook_delivery_redeliver,
)

SESSION_KEY = "partners_new_api_token"


@never_cache
@login_required
def api_tokens(request, slug):
    organisation = access_organisation(request.user, slug, roles=MANAGER_ROLES)
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, value = api_token_create(
                organisation=organisation,
                name=form.cleaned_data["name"],
                scopes=form.cleaned_data["scopes"],
                created_by=request.user,
                expires_at=form.expires_at(),
            )
        except TokenNameTaken:
            form.add_error("name", _("An active token already has this name."))
        else:
            # Shown once, on the next page, then forgotten.
            request.session[SESSION_KEY] = {"id": token.pk, "value": value}
            return redirect("partners:api_tokens", slug=organisation.slug)
    tokens = list(api_tokens_of(organisation=organisation))
    new_token = request.session.pop(SESSION_KEY, None)
    context = {
        "organisation": organisation,
        "form": form,
        "tokens": tokens,
        "new_token": new_token,
        "endpoints": list(webhook_endpoints_of(organisation=organisation)),
        "journal": list(
            audit_entries_for(target_type="partners.apitoken", target_ids=[t.pk for t in tokens])[
                :20
            ]
        ),
    }
    return render(request, "partners/api_tokens.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
def api_token_revoke_view(request, slug, token_id):
    organisation = access_organisation(request.user, slug, roles=MANAGER_ROLES)
    token = api_tokens_of(organisation=organisation).filter(pk=token_id).first()
    if token is None:
        raise Http404
    api_token_revoke(token=token, revoked_by=request.user)
    messages.success(request, _("The token %(name)s is revoked.") % {"name": token.name})
    return redirect("partners:api_tokens", slug=organisation.slug)


def _endpoint(request, slug, endpoint_id):
    organisation = access_organisation(request.user, slug, roles=MANAGER_ROLES)
    endpoint = webhook_endpoints_of(organisation=organisation).filter(pk=endpoint_id).first()
    if endpoint is None:
        raise Http404
    return organisation, endpoint


@login_required
def webhook_deliveries(request, slug, endpoint_id):
    organisation, endpoint = _endpoint(request, slug, endpoint_id)
    page = Paginator(webhook_deliveries_of(endpoint=endpoint), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "partners/webhook_deliveries.html",
        {"organisation": organisation, "endpoint": endpoint, "page": page},
    )


@require_POST
@login_required
def webhook_redeliver(request, slug, endpoint_id, delivery_id):
    organisation, endpoint = _endpoint(request, slug, endpoint_id)
    delivery = webhook_deliveries_of(endpoint=endpoint).filter(pk=delivery_id).first()
    if delivery is None:
        raise Http404
    webhook_delivery_redeliver(delivery=delivery, requested_by=request.user)
    messages.success(request, _("The event will be sent again."))
    return redirect("partners:webhook_deliveries", slug=organisation.slug, endpoint_id=endpoint.pk)

"""Pages for partner staff, under /<lang>/partners/."""

from django.urls import path

from partners.views import api

app_name = "partners"

urlpatterns: list = [
    path("<slug:slug>/api/", api.api_tokens, name="api_tokens"),
    path(
        "<slug:slug>/api/tokens/<int:token_id>/revoke/",
        api.api_token_revoke_view,
        name="api_token_revoke",
    ),
    path(
        "<slug:slug>/api/webhooks/<int:endpoint_id>/",
        api.webhook_deliveries,
        name="webhook_deliveries",
    ),
    path(
        "<slug:slug>/api/webhooks/<int:endpoint_id>/deliveries/<int:delivery_id>/redeliver/",
        api.webhook_redeliver,
        name="webhook_redeliver",
    ),
]

"""Webhook endpoints and their delivery log: GET/POST /webhooks,
DELETE /webhooks/{id}, GET /webhooks/{id}/deliveries and redelivery."""

from django.conf import settings
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from partners.api.auth import TokenAuth
from partners.api.errors import ApiError, item, not_found
from partners.api.pagination import PageParams, page
from partners.api.schemas import (
    ERRORS,
    DeliveryOut,
    DeliveryPage,
    WebhookCreatedOut,
    WebhookIn,
    WebhookOut,
)
from partners.models import Scope
from partners.selectors import webhook_deliveries_of, webhook_endpoints_of
from partners.services import (
    WebhookExists,
    WebhookUrlError,
    webhook_delivery_redeliver,
    webhook_endpoint_create,
    webhook_endpoint_delete,
)

router = Router(tags=["webhooks"])
DESCRIPTION = "Scope: `webhooks:manage`."


def _endpoint(token, endpoint_id: int):
    endpoint = webhook_endpoints_of(organisation=token.organisation).filter(pk=endpoint_id).first()
    if endpoint is None:
        raise not_found()
    return endpoint


@router.get(
    "/webhooks",
    auth=TokenAuth(Scope.WEBHOOKS_MANAGE),
    response={200: list[WebhookOut], **ERRORS},
    summary="Your webhook endpoints",
    description=DESCRIPTION,
)
def webhooks_get(request):
    token = request.auth
    return list(webhook_endpoints_of(organisation=token.organisation))


@router.post(
    "/webhooks",
    auth=TokenAuth(Scope.WEBHOOKS_MANAGE),
    response={201: WebhookCreatedOut, **ERRORS},
    summary="Register a webhook endpoint",
    description=(
        "Events: learner.enrolled, course.completed, certificate.issued, "
        "import.committed. An enrolled file comes as import.committed events of up to "
        f"{settings.PARTNERS_WEBHOOK_PAGE_SIZE} learners each (`data`: `import_id`, "
        "`cohort_id`, `file`, `page`, `pages`, "
        "`total`, `learners`: [{`external_id`, `created`, `course_keys`}]), also to "
        "learner.enrolled subscribers; one learner enrolled by hand or through the API "
        "stays one learner.enrolled per course. The answer carries the signing secret, "
        "shown only this once. " + DESCRIPTION
    ),
)
def webhooks_post(request, payload: WebhookIn):
    token = request.auth
    try:
        endpoint = webhook_endpoint_create(
            organisation=token.organisation,
            url=payload.url,
            events=list(payload.events),
            created_by=None,
        )
    except WebhookExists as error:
        raise ApiError(
            409, "webhook_exists", _("Events are already sent to this address.")
        ) from error
    except WebhookUrlError as error:
        raise ApiError(
            422,
            "invalid",
            str(error),
            [item(["url"], "invalid_url", str(error))],
        ) from error
    return Status(201, endpoint)


@router.delete(
    "/webhooks/{endpoint_id}",
    auth=TokenAuth(Scope.WEBHOOKS_MANAGE),
    response={204: None, **ERRORS},
    summary="Remove a webhook endpoint",
    description="Nothing more is sent to it; its log is kept. " + DESCRIPTION,
)
def webhook_delete(request, endpoint_id: int):
    token = request.auth
    webhook_endpoint_delete(endpoint=_endpoint(token, endpoint_id), deleted_by=None)
    return Status(204, None)


@router.get(
    "/webhooks/{endpoint_id}/deliveries",
    auth=TokenAuth(Scope.WEBHOOKS_MANAGE),
    response={200: DeliveryPage, **ERRORS},
    summary="Delivery log of an endpoint",
    description="Newest first. " + DESCRIPTION,
)
def webhook_deliveries_get(request, endpoint_id: int, params: Query[PageParams]):
    token = request.auth
    endpoint = _endpoint(token, endpoint_id)
    deliveries, next_url = page(request, webhook_deliveries_of(endpoint=endpoint), params)
    return {"next": next_url, "results": deliveries}


@router.post(
    "/webhooks/{endpoint_id}/deliveries/{delivery_id}/redeliver",
    auth=TokenAuth(Scope.WEBHOOKS_MANAGE),
    response={202: DeliveryOut, **ERRORS},
    summary="Send an event again",
    description=(
        "A new delivery with the same event id; while one is still on its way, "
        "that one is returned. " + DESCRIPTION
    ),
)
def webhook_redeliver(request, endpoint_id: int, delivery_id: int):
    token = request.auth
    endpoint = _endpoint(token, endpoint_id)
    delivery = webhook_deliveries_of(endpoint=endpoint).filter(pk=delivery_id).first()
    if delivery is None:
        raise not_found()
    return Status(202, webhook_delivery_redeliver(delivery=delivery, requested_by=None))

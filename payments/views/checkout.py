"""Checkout pages: buy a seat pack or pay an exam fee, pay (Stripe's Payment
Element, or a labelled test form on the local fake), then wait on the status
page until Stripe's webhook says the money arrived. Thin: parse, check access
(`payments.permissions`), call one service, render. Amounts are the server's."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config.security import permissions_policy
from courses.models import CoursePage
from courses.selectors import course_by_key
from partners.permissions import MANAGER_ROLES, access_organisation, managed_organisations
from payments import stripe_client
from payments.forms import NEW_ORGANISATION, BillingForm, FakePaymentForm, RefundForm, SeatPackForm
from payments.models import BillingDetails, Order, Price
from payments.money import euros
from payments.permissions import (
    access_order,
    access_order_refund,
    can_refund,
)
from payments.selectors.exam_fees import exam_fee_due
from payments.services import orders as services
from payments.services.refunds import RefundNotPossible, refund_unused_seats
from payments.vat import vat_position

# What Stripe.js needs on the checkout page, and only there (Stripe's list for
# the Payment Element: its script, its frames, 3-D Secure's hooks, its API).
STRIPE_JS_CSP = {
    "script-src": ["https://js.stripe.com", "https://*.js.stripe.com"],
    "frame-src": ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
    "connect-src": ["https://api.stripe.com"],
    "img-src": ["https://*.stripe.com"],
}
STRIPE_PERMISSIONS_POLICY_PAYMENT = '(self "https://js.stripe.com")'


def _course(course_key) -> CoursePage:
    try:
        key = uuid.UUID(str(course_key))
    except ValueError as error:
        raise Http404 from error
    course = course_by_key(course_key=key)
    if course is None:
        raise Http404
    return course


def _off(request: HttpRequest, course=None) -> HttpResponse:
    return render(request, "payments/checkout_off.html", {"course": course}, status=503)


def _refused(request: HttpRequest, message, status: int = 409) -> HttpResponse:
    return render(request, "lms/refused.html", {"message": message}, status=status)


def _money(cents: int) -> str:
    return euros(cents, get_language() or "nl")


def _pack_label(price: Price) -> str:
    return _("%(seats)s seats · %(unit)s a seat, VAT excluded") % {
        "seats": price.seats,
        "unit": _money(price.unit_amount_cents),
    }


def _summary(*, price: Price, quantity: int, billing: BillingDetails) -> dict:
    amounts = services.order_preview(price=price, quantity=quantity, billing=billing)
    return {
        "net": _money(amounts["net_cents"]),
        "vat": _money(amounts["vat_cents"]),
        "gross": _money(amounts["gross_cents"]),
        "vat_rate": amounts["vat_rate"],
        "reverse_charge": amounts["reverse_charge"],
    }


@login_required
@require_http_methods(["GET", "POST"])
def seats_buy(request: HttpRequest, course_key) -> HttpResponse:
    """Choose a seat pack, the organisation and its billing details; review
    net, VAT and gross; confirm (the order is made, then paid on checkout)."""
    course = _course(course_key)
    if not stripe_client.payments_enabled():
        return _off(request, course)
    prices = list(
        Price.objects.filter(
            kind=Price.Kind.SEAT_PACK, course_key=course.translation_key, is_active=True
        ).order_by("seats")
    )
    if not prices:
        return _refused(request, _("No seat packs are on sale for this course."), 404)
    organisations = list(managed_organisations(request.user).order_by("name"))
    choices = [(p.pk, _pack_label(p)) for p in prices]
    # The billing details of the organisation selected first, as saved last time.
    saved = organisations and BillingDetails.objects.filter(organisation=organisations[0]).first()
    initial = (
        {f: getattr(saved, f) for f in services.BILLING_FIELDS}
        if saved
        else {"email": request.user.email, "language": get_language()}
    )
    form = SeatPackForm(
        request.POST or None, prices=choices, organisations=organisations, initial=initial
    )
    if request.method == "GET" or "edit" in request.POST or not form.is_valid():
        return render(
            request,
            "payments/checkout_seats.html",
            {"course": course, "form": form},
            status=400 if form.is_bound and form.errors else 200,
        )
    data = form.cleaned_data
    price = next(p for p in prices if p.pk == data["price"])
    if "confirm" not in request.POST:
        rate, reverse = vat_position(vat_number=data["vat_number"], rate=price.vat_rate)
        unsaved = BillingDetails(**{k: data[k] for k in services.BILLING_FIELDS})
        return render(
            request,
            "payments/checkout_review.html",
            {
                "course": course,
                "form": form,
                "price": price,
                "quantity": price.seats,
                "summary": _summary(price=price, quantity=price.seats, billing=unsaved),
                "for_whom": data["organisation_name"]
                if data["organisation"] == NEW_ORGANISATION
                else dict(form.fields["organisation"].choices).get(data["organisation"]),
            },
        )
    if data["organisation"] == NEW_ORGANISATION:
        organisation = services.employer_create_for_buyer(
            name=data["organisation_name"], buyer=request.user, language=get_language()
        )
    else:
        organisation = access_organisation(request.user, data["organisation"], roles=MANAGER_ROLES)
    services.billing_details_save(data=data, organisation=organisation, saved_by=request.user)
    try:
        order = services.order_create_seat_pack(
            buyer=request.user,
            organisation=organisation,
            price_id=data["price"],
            language=get_language(),
        )
    except services.OrderRefused as refused:
        return _refused(request, refused.message)
    return redirect("payments:checkout", public_id=order.public_id)


@login_required
@require_http_methods(["GET", "POST"])
def exam_fee_pay(request: HttpRequest, course_key) -> HttpResponse:
    """Pay the exam fee of a course: the person's billing details, a review,
    then checkout. Refused when nothing is due."""
    course = _course(course_key)
    if not stripe_client.payments_enabled():
        return _off(request, course)
    price = exam_fee_due(user=request.user, course_key=course.translation_key)
    if price is None:
        return _refused(request, _("There is no exam fee to pay for this course."))
    saved = BillingDetails.objects.filter(user=request.user).first()
    initial = (
        {f: getattr(saved, f) for f in services.BILLING_FIELDS}
        if saved
        else {
            "name": request.user.get_full_name(),
            "email": request.user.email,
            "language": get_language(),
        }
    )
    form = BillingForm(request.POST or None, initial=initial)
    if request.method == "GET" or "edit" in request.POST or not form.is_valid():
        return render(
            request,
            "payments/checkout_exam_fee.html",
            {"course": course, "form": form, "price": _money(price.unit_amount_cents)},
            status=400 if form.is_bound and form.errors else 200,
        )
    data = form.cleaned_data
    if "confirm" not in request.POST:
        unsaved = BillingDetails(**{k: data[k] for k in services.BILLING_FIELDS})
        return render(
            request,
            "payments/checkout_review.html",
            {
                "course": course,
                "form": form,
                "price": price,
                "quantity": 1,
                "exam_fee": True,
                "summary": _summary(price=price, quantity=1, billing=unsaved),
                "for_whom": data["name"],
            },
        )
    services.billing_details_save(data=data, user=request.user, saved_by=request.user)
    try:
        order = services.order_create_exam_fee(
            buyer=request.user, course_key=course.translation_key, language=get_language()
        )
    except services.OrderRefused as refused:
        return _refused(request, refused.message)
    return redirect("payments:checkout", public_id=order.public_id)


def _order_context(order: Order) -> dict:
    return {
        "order": order,
        "course": course_by_key(course_key=order.course_key),
        "net": _money(order.net_cents),
        "vat": _money(order.vat_cents),
        "gross": _money(order.gross_cents),
    }


@login_required
@require_http_methods(["GET", "POST"])
def checkout(request: HttpRequest, public_id) -> HttpResponse:
    """Pay an order. Live: Stripe's Payment Element (Bancontact, cards, SEPA;
    3-D Secure and bank redirects are Stripe's). Local fake: a labelled test
    form whose POST pays at localstripe from the server."""
    order = access_order(request.user, public_id)
    if order.status in (Order.Status.PAID, Order.Status.PROCESSING):
        return redirect("payments:order_status", public_id=order.public_id)
    if not stripe_client.payments_enabled():
        return _off(request)
    if order.status == Order.Status.CANCELED:
        return _refused(request, _("This order was cancelled. Start a new purchase."))
    context = _order_context(order)
    fake = stripe_client.is_local_fake()
    form = FakePaymentForm(request.POST or None) if fake else None
    try:
        if request.method == "POST":
            if not fake:
                return _refused(request, _("Payments are made in the payment form."), 400)
            if not form.is_valid():
                return render(
                    request,
                    "payments/checkout_pay.html",
                    {**context, "fake": True, "form": form},
                    status=400,
                )
            intent = services.fake_payment_confirm(order=order, **form.payment())
            if intent.status == "requires_action":
                return render(request, "payments/checkout_authenticate.html", context)
            return redirect("payments:order_status", public_id=order.public_id)
        intent = services.payment_intent_create(order=order)
    except (stripe_client.PaymentRefused, services.OrderRefused) as refused:
        messages.error(request, refused.message)
        return render(
            request,
            "payments/checkout_pay.html",
            {**context, "fake": fake, "form": FakePaymentForm() if fake else None},
            status=402 if isinstance(refused, stripe_client.PaymentRefused) else 409,
        )
    return_url = request.build_absolute_uri(
        reverse("payments:order_status", kwargs={"public_id": order.public_id})
    )
    response = render(
        request,
        "payments/checkout_pay.html",
        {
            **context,
            "fake": fake,
            "form": form,
            "stripe": None
            if fake
            else {
                "publishable_key": settings.STRIPE_PUBLISHABLE_KEY,
                "client_secret": intent.client_secret,
                "return_url": return_url,
                "locale": get_language(),
            },
        },
    )
    if not fake:
        # Stripe.js on this page only: its script, frames and API in the CSP,
        # and the Payment Request API for Stripe's frames (wallets).
        response._csp_update = STRIPE_JS_CSP
        response["Permissions-Policy"] = permissions_policy().replace(
            "payment=()", f"payment={STRIPE_PERMISSIONS_POLICY_PAYMENT}"
        )
    return response


@login_required
@require_POST
def checkout_authenticate(request: HttpRequest, public_id) -> HttpResponse:
    """The local fake's 3-D Secure step: succeed or fail it (test only)."""
    order = access_order(request.user, public_id)
    try:
        services.fake_payment_authenticate(
            order=order, success=request.POST.get("result") == "succeed"
        )
    except (stripe_client.PaymentRefused, services.OrderRefused) as refused:
        return _refused(request, refused.message)
    return redirect("payments:order_status", public_id=order.public_id)


@login_required
@require_GET
def order_status(request: HttpRequest, public_id) -> HttpResponse:
    """Paid only once the webhook was processed; until then, waiting for the
    bank (the page asks again politely, and refreshes itself without JS)."""
    order = access_order(request.user, public_id)
    typed = request.GET.get("try", "")
    tries = min(int(typed), 99) if typed.isdigit() else 0
    context = {**_order_context(order), "next_try": tries + 1, "refresh": tries < 10}
    if order.status == Order.Status.PAID and order.kind == Order.Kind.SEAT_PACK:
        context["seats"] = order.vouchers.count()
    return render(request, "payments/checkout_status.html", context)


@login_required
@require_GET
def order_status_json(request: HttpRequest, public_id) -> JsonResponse:
    """The status of an order, for the status page's polling script."""
    order = access_order(request.user, public_id)
    return JsonResponse(
        {"status": order.status, "paid": order.status == Order.Status.PAID},
        headers={"Cache-Control": "no-store"},
    )


@login_required
@require_GET
def organisation_orders(request: HttpRequest, slug: str) -> HttpResponse:
    """The seat packs an organisation bought, for its managers: status,
    invoice, unused seats, and a form to cancel unused seats (for 14 days)."""
    organisation = access_organisation(request.user, slug, roles=MANAGER_ROLES)
    orders = list(
        Order.objects.filter(organisation=organisation)
        .select_related("buyer")
        .order_by("-created_at")[:200]
    )
    unused = dict(
        Order.objects.filter(pk__in=[o.pk for o in orders])
        .annotate(n=Count("vouchers", filter=Q(vouchers__status__in=["available", "assigned"])))
        .values_list("pk", "n")
    )
    rows = [
        {
            "order": order,
            "gross": _money(order.gross_cents),
            "unused": unused.get(order.pk, 0),
            # Only the organisation's managers reach this page.
            "refundable": can_refund(request.user, order, manages=True)
            and unused.get(order.pk, 0) > 0,
            "form": RefundForm(prefix=str(order.public_id)[:8]),
        }
        for order in orders
    ]
    return render(
        request, "payments/checkout_orders.html", {"organisation": organisation, "rows": rows}
    )


@login_required
@require_http_methods(["GET", "POST"])
def order_refund(request: HttpRequest, public_id) -> HttpResponse:
    """Cancel unused seats of an order and refund them (managers within 14
    days, staff with `payments.add_refund` at any time, from this page)."""
    order = access_order_refund(request.user, public_id)
    if request.method == "GET":
        unused = order.vouchers.filter(status__in=["available", "assigned"]).count()
        return render(
            request,
            "payments/checkout_refund.html",
            {
                **_order_context(order),
                "unused": unused,
                "form": RefundForm(prefix=str(order.public_id)[:8]),
            },
        )
    form = RefundForm(request.POST, prefix=str(order.public_id)[:8])
    if not form.is_valid():
        return _refused(request, _("Give the number of unused seats to refund."), 400)
    try:
        refund = refund_unused_seats(
            order=order,
            seats=form.cleaned_data["seats"],
            requested_by=request.user,
            reason=form.cleaned_data["reason"],
        )
    except (RefundNotPossible, stripe_client.PaymentRefused) as refused:
        return _refused(request, refused.message)
    messages.success(
        request,
        _("%(seats)s seats cancelled; %(amount)s will be refunded.")
        % {"seats": refund.seats, "amount": _money(refund.gross_cents)},
    )
    if order.organisation_id:
        return redirect("payments:organisation_orders", slug=order.organisation.slug)
    return redirect("payments:order_status", public_id=order.public_id)

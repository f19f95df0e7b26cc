"""Voucher pages: a person redeems a code (and may share results with the
employer who paid for the seat); an employer's managers hand out seats and see
who used them; a person withdraws what they shared. Thin: parse, check access
(`payments.permissions`), call one service or selector, render."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from certificates import codes
from config import ratelimit
from frontend.spreadsheets import write_csv
from payments.permissions import (
    access_organisation_seats,
    access_results_consent,
    access_seat_order,
    access_seat_voucher,
    can_manage_seats,
)
from payments.selectors.vouchers import organisation_seat_orders, results_consents_of
from payments.services.vouchers import (
    VoucherRefused,
    results_consent_withdraw,
    voucher_assign,
    voucher_preview,
    voucher_redeem,
    voucher_unassign,
    vouchers_assign_bulk,
)

CODE_MAX = 64


def _limited(request: HttpRequest) -> int | None:
    """Count one code lookup of the client (and of the account): the seconds
    to wait once over PAYMENTS_VOUCHER_REDEEM_RATE, else None."""
    rate = settings.PAYMENTS_VOUCHER_REDEEM_RATE
    waits = [ratelimit.hit(f"voucher:{ratelimit.client_address(request)}", rate=rate)]
    if request.user.is_authenticated:
        waits.append(ratelimit.hit(f"voucher-user:{request.user.pk}", rate=rate))
    return max((w for w in waits if w), default=None)


def _too_many(request: HttpRequest, wait: int) -> HttpResponse:
    explanation = _("You tried many voucher codes in a short time.")
    return ratelimit.too_many(request, wait, context={"explanation": explanation})


@require_http_methods(["GET", "POST"])
def voucher_redeem_view(request: HttpRequest) -> HttpResponse:
    """Type a code (or arrive with ?code= from the e-mail), see what it gives
    and who paid for it, choose whether to share results, use it."""
    typed = (request.POST.get("code") or request.GET.get("code") or "").strip()[:CODE_MAX]
    here = reverse("payments:voucher_redeem") + ("?" + urlencode({"code": typed}) if typed else "")
    context = {"code": typed, "next_url": here}
    if not request.user.is_authenticated:
        if request.method == "POST":
            return redirect(reverse("account_login") + "?" + urlencode({"next": here}))
        return render(request, "payments/vouchers_redeem.html", context)
    if not typed:
        return render(request, "payments/vouchers_redeem.html", context)
    wait = _limited(request)
    if wait:
        return _too_many(request, wait)
    try:
        if request.method == "POST" and request.POST.get("action") == "redeem":
            redemption = voucher_redeem(
                code=typed, user=request.user, share_results=request.POST.get("share") == "on"
            )
            messages.success(
                request,
                _("Your code was accepted: you are enrolled in “%(course)s”, the exam included.")
                % {"course": redemption.course.title},
            )
            return redirect(redemption.course.url)
        voucher, course = voucher_preview(code=typed, user=request.user)
    except VoucherRefused as refusal:
        context["error"] = refusal.message
        return render(request, "payments/vouchers_redeem.html", context, status=400)
    context.update(
        {
            "code": codes.display(voucher.code),
            "voucher": voucher,
            "course": course,
            "organisation": voucher.organisation,
            "asks_consent": voucher.kind == voucher.Kind.SEAT,
        }
    )
    return render(request, "payments/vouchers_redeem.html", context)


def _seats_url(slug: str, voucher=None) -> str:
    url = reverse("payments:organisation_seats", kwargs={"slug": slug})
    return url + (f"#seat-{voucher.pk}" if voucher is not None else "")


@login_required
@require_GET
def organisation_seats(request: HttpRequest, slug: str) -> HttpResponse:
    """The employer's seats: per order the counts, the codes (managers), who
    used which and when, and results only where the person shares them."""
    organisation = access_organisation_seats(request.user, slug)
    context = {
        "organisation": organisation,
        "orders": organisation_seat_orders(organisation=organisation, language=get_language()),
        "can_manage": can_manage_seats(request.user, organisation),
    }
    return render(request, "payments/vouchers_seats.html", context)


@login_required
@require_GET
def organisation_seats_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """The codes and their state as a CSV for Excel (managers only), every cell
    passed through the project's spreadsheet-safe writer (`write_csv`)."""
    organisation = access_organisation_seats(request.user, slug, manage=True)
    headers = [
        _("Course"),
        _("Order"),
        _("Code"),
        _("Status"),
        _("Sent to"),
        _("Sent on"),
        _("Used by"),
        _("Used on"),
    ]
    rows = [
        [
            group.course_title,
            str(group.order.public_id),
            row.display_code,
            row.voucher.get_status_display(),
            row.voucher.assigned_email,
            row.voucher.assigned_at,
            _person(row.voucher.redeemed_by),
            row.voucher.redeemed_at,
        ]
        for group in organisation_seat_orders(organisation=organisation, language=get_language())
        for row in group.rows
    ]
    response = HttpResponse(write_csv(headers, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="seats-{organisation.slug}.csv"'
    return response


def _person(user) -> str:
    if user is None:
        return ""
    return f"{user.display_name or user.get_full_name()} <{user.email}>"


@login_required
@require_POST
def voucher_assign_view(request: HttpRequest, slug: str, voucher_id: int) -> HttpResponse:
    """Send one free (or already sent, unused) seat to an e-mail address."""
    organisation = access_organisation_seats(request.user, slug, manage=True)
    voucher = access_seat_voucher(organisation, voucher_id)
    try:
        voucher = voucher_assign(
            voucher=voucher, email=request.POST.get("email", "")[:254], assigned_by=request.user
        )
    except VoucherRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request,
            _("Code %(code)s sent to %(email)s.")
            % {"code": codes.display(voucher.code), "email": voucher.assigned_email},
        )
    return redirect(_seats_url(organisation.slug, voucher))


@login_required
@require_POST
def voucher_unassign_view(request: HttpRequest, slug: str, voucher_id: int) -> HttpResponse:
    """Take a sent, unused seat back: it is free again."""
    organisation = access_organisation_seats(request.user, slug, manage=True)
    voucher = access_seat_voucher(organisation, voucher_id)
    try:
        voucher = voucher_unassign(voucher=voucher, unassigned_by=request.user)
    except VoucherRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request, _("Code %(code)s is free again.") % {"code": codes.display(voucher.code)}
        )
    return redirect(_seats_url(organisation.slug, voucher))


@login_required
@require_POST
def vouchers_assign_bulk_view(request: HttpRequest, slug: str, order_id) -> HttpResponse:
    """One seat of an order to each e-mail address pasted; every line is
    reported, and those without a seat stay in the box to send again."""
    organisation = access_organisation_seats(request.user, slug, manage=True)
    order = access_seat_order(organisation, order_id)
    lines = vouchers_assign_bulk(
        order=order, text=request.POST.get("emails", "")[:100_000], assigned_by=request.user
    )
    context = {
        "organisation": organisation,
        "order": order,
        "lines": lines,
        "sent": sum(1 for line in lines if line.voucher),
        "left": "\n".join(line.text for line in lines if not line.voucher),
    }
    return render(request, "payments/vouchers_assign_result.html", context)


@login_required
@require_GET
def results_consents(request: HttpRequest) -> HttpResponse:
    """Shared with employers: what each organisation may see, and a way to stop."""
    context = {"consents": list(results_consents_of(user=request.user))}
    return render(request, "payments/vouchers_consents.html", context)


@login_required
@require_POST
def results_consent_withdraw_view(request: HttpRequest, consent_id: int) -> HttpResponse:
    """Stop sharing progress and result with one organisation."""
    consent = access_results_consent(request.user, consent_id)
    consent = results_consent_withdraw(consent=consent, user=request.user)
    messages.success(
        request,
        _("%(organisation)s no longer sees your progress and result.")
        % {"organisation": consent.organisation.name},
    )
    return redirect("payments:results_consents")

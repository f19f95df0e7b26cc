"""Wagtail admin pages where staff manage prices: list, create, edit, take
off sale. Only people with `payments.add_price` / `payments.change_price`."""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from payments.forms_prices import PriceForm
from payments.models import Price
from payments.money import euros
from payments.permissions import require_price_add, require_price_permission
from payments.selectors.prices import (
    course_choices,
    course_titles_by_key,
    gross_cents,
    prices_for_staff,
)
from payments.services.prices import price_create, price_update, price_withdraw


def _cents_to_text(cents: int) -> str:
    return f"{cents // 100},{cents % 100:02d}"


def prices_index(request):
    """Prices on sale (and, on request, those taken off sale), per course."""
    require_price_permission(request.user)
    show_all = request.GET.get("all") == "1"
    prices = list(prices_for_staff(include_withdrawn=show_all))
    titles = course_titles_by_key(keys={p.course_key for p in prices})
    for price in prices:
        price.course_title = titles.get(str(price.course_key), str(price.course_key))
        price.gross_cents = gross_cents(price)
    return TemplateResponse(
        request,
        "payments/prices_index.html",
        {
            "prices": prices,
            "show_all": show_all,
            "can_add": request.user.has_perm("payments.add_price"),
            "can_change": request.user.has_perm("payments.change_price"),
        },
    )


@require_http_methods(["GET", "POST"])
def price_add(request):
    require_price_add(request.user)
    form = PriceForm(request.POST or None, courses=course_choices())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            price_create(
                kind=data["kind"],
                course_key=UUID(data["course_key"]),
                seats=data["seats"],
                unit_amount_cents=data["amount"],
                vat_rate=data["vat_rate"],
                created_by=request.user,
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The price is on sale."))
            return redirect("payments_prices_index")
    return TemplateResponse(
        request,
        "payments/prices_form.html",
        {"form": form, "price": None},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def price_edit(request, price_id: int):
    require_price_permission(request.user, change=True)
    price = get_object_or_404(Price, pk=price_id, is_active=True)
    initial = {
        "kind": price.kind,
        "course_key": str(price.course_key),
        "seats": price.seats,
        "amount": _cents_to_text(price.unit_amount_cents),
        "vat_rate": price.vat_rate,
    }
    courses = course_choices()
    if initial["course_key"] not in dict(courses):  # a course since deleted
        courses.append((initial["course_key"], initial["course_key"]))
    form = PriceForm(request.POST or None, initial=initial, courses=courses, editing=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            new_price = price_update(
                price=price,
                seats=data["seats"],
                unit_amount_cents=data["amount"],
                vat_rate=data["vat_rate"],
                updated_by=request.user,
            )
        except ValidationError as error:
            form.add_service_error(error)
        else:
            if new_price.pk != price.pk:
                messages.success(
                    request,
                    _(
                        "Orders were already made at the old price: it was taken off sale "
                        "and the new price put on sale."
                    ),
                )
            else:
                messages.success(request, _("The price was changed."))
            return redirect("payments_prices_index")
    price.gross_text = euros(gross_cents(price), "en")
    return TemplateResponse(
        request,
        "payments/prices_form.html",
        {"form": form, "price": price},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def price_withdraw_view(request, price_id: int):
    """Confirm, then take a price off sale."""
    require_price_permission(request.user, change=True)
    price = get_object_or_404(Price, pk=price_id, is_active=True)
    if request.method == "POST":
        price_withdraw(price=price, withdrawn_by=request.user)
        messages.success(request, _("The price was taken off sale."))
        return redirect("payments_prices_index")
    price.course_title = course_titles_by_key(keys={price.course_key}).get(
        str(price.course_key), str(price.course_key)
    )
    return TemplateResponse(request, "payments/prices_withdraw.html", {"price": price})

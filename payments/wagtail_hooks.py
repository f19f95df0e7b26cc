"""Wagtail admin: a "Payments" menu group. Prices live here; other payment
pages add themselves with the `register_payments_menu_item` hook (a function
returning a MenuItem)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from payments.views import prices_admin


@hooks.register("register_admin_urls")
def register_price_urls():
    return [
        path("payments/prices/", prices_admin.prices_index, name="payments_prices_index"),
        path("payments/prices/add/", prices_admin.price_add, name="payments_price_add"),
        path(
            "payments/prices/<int:price_id>/",
            prices_admin.price_edit,
            name="payments_price_edit",
        ),
        path(
            "payments/prices/<int:price_id>/withdraw/",
            prices_admin.price_withdraw_view,
            name="payments_price_withdraw",
        ),
    ]


class _PriceMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return user.has_perm("payments.add_price") or user.has_perm("payments.change_price")


@hooks.register("register_payments_menu_item")
def register_prices_menu_item():
    return _PriceMenuItem(_("Prices"), reverse("payments_prices_index"), icon_name="tag", order=100)


payments_menu = Menu(register_hook_name="register_payments_menu_item", construct_hook_name=None)


@hooks.register("register_admin_menu_item")
def register_payments_menu():
    return SubmenuMenuItem(_("Payments"), payments_menu, icon_name="doc-full", order=470)

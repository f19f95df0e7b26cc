from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    """Prices, Stripe payments, seat packs and vouchers, fee waivers, Belgian
    invoices and credit notes. Above partners: it sells to organisations and
    waives fees for funded projects; lms asks it through a hook whether a
    learner's exam fee is settled."""

    name = "payments"
    verbose_name = _("Payments")

    def ready(self) -> None:
        # --- invoices: kept (the law) when a person erases their account.
        from lms.hooks_personal_data import register_personal_data
        from payments.personal_data import invoices_erase_for, invoices_personal_data

        register_personal_data("invoices", collect=invoices_personal_data, erase=invoices_erase_for)

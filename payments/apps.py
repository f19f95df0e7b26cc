from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    """Prices, Stripe payments, seat packs and vouchers, fee waivers, Belgian
    invoices and credit notes. Above partners: it sells to organisations and
    waives fees for funded projects; lms asks it through a hook whether a
    learner's exam fee is settled."""

    name = "payments"
    verbose_name = _("Payments")

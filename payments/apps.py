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
        from lms.hooks.exam_fee import register_exam_fee_rule
        from payments.selectors.exam_fees import exam_fee_owed

        # An exam with a fee waits until it is paid or waived by a voucher.
        register_exam_fee_rule(exam_fee_owed)

        # --- vouchers: "Download my data" and "Delete my account" (GDPR) ---
        from lms.hooks.personal_data import register_personal_data
        from payments.personal_data import (
            ERASE_NOTE,
            payments_erase_for,
            payments_personal_data,
        )

        register_personal_data(
            "payments",
            collect=payments_personal_data,
            erase=payments_erase_for,
            erase_note=ERASE_NOTE,
        )

        # "Use a voucher code", "Shared with employers", "My invoices" on My account.
        from lms.hooks.account import register_account_links
        from payments.menus import account_links

        register_account_links(account_links)

        # Its rows in the person's journal, in words ("My account").
        from lms.notices import register_notice_texts
        from payments.notices import NOTICE_TEXTS

        register_notice_texts(NOTICE_TEXTS)

        # Seats, invoices and orders in the partner's menu.
        from partners.menu import register_menu_links
        from payments.menus import seat_links

        register_menu_links(seat_links)

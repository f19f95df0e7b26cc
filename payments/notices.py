"""What the payments app wrote in a person's journal, in words, for "My
account" (registered with `lms.notices` when the app starts)."""

from django.utils.translation import gettext_lazy

NOTICE_TEXTS = {
    "payments.order_paid": gettext_lazy("Your payment was received."),
    "payments.order_paid_email": gettext_lazy("We e-mailed you the receipt of your payment."),
    "payments.order_processing": gettext_lazy("Your payment is being processed."),
    "payments.order_failed": gettext_lazy("Your payment failed."),
    "payments.order_canceled": gettext_lazy("Your payment was cancelled."),
    "payments.refund_request": gettext_lazy("%(actor)s asked for a refund of your payment."),
    "payments.refund_succeeded": gettext_lazy("Your payment was refunded."),
    "payments.refund_failed": gettext_lazy("The refund of your payment failed."),
    "payments.voucher_redeem": gettext_lazy("You used a voucher code."),
    "payments.results_consent_grant": gettext_lazy(
        "You agreed to share your results with the organisation that paid for your seat."
    ),
    "payments.results_consent_withdraw": gettext_lazy(
        "You stopped sharing your results with the organisation that paid for your seat."
    ),
}

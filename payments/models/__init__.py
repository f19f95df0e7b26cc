"""Payments: what is for sale (prices), who buys (billing details), what was
bought and paid (orders, Stripe events, refunds), what it gives (vouchers) and
the paper trail Belgian law asks for (invoices and credit notes).

Written only by `payments.services`; read through `payments.selectors`.
"""

from payments.models.billing import BillingDetails
from payments.models.catalogue import Price
from payments.models.invoices import Invoice, InvoiceSequence
from payments.models.orders import Order, Refund, StripeEvent
from payments.models.vouchers import ResultsConsent, Voucher

__all__ = [
    "BillingDetails",
    "Invoice",
    "InvoiceSequence",
    "Order",
    "Price",
    "Refund",
    "ResultsConsent",
    "StripeEvent",
    "Voucher",
]

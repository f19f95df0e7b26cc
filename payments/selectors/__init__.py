"""Reads of payments, one module per area (exam_fees, orders, invoices, vouchers...)."""

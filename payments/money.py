"""Amounts in euro cents: VAT computed once per line, rounded half up, and
shown as people in Belgium read them (`€ 1.234,50` in nl/fr/de)."""

from decimal import ROUND_HALF_UP, Decimal


def line_amounts(*, unit_cents: int, quantity: int, vat_rate: Decimal) -> tuple[int, int, int]:
    """(net, VAT, gross) in cents for `quantity` units at `unit_cents` without
    VAT: VAT on the line's total, rounded half up to the cent."""
    net = unit_cents * quantity
    vat = int((Decimal(net) * vat_rate / Decimal(100)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return net, vat, net + vat


def euros(cents: int, language: str) -> str:
    """`cents` as a reader of `language` in Belgium writes euros:
    nl `€ 1.234,50`, fr `1 234,50 €`, de `1.234,50 €`, en `€1,234.50`."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    grouped = f"{whole:,}"
    if language == "en":
        return f"{sign}€{grouped}.{part:02d}"
    thousands = "\u202f" if language == "fr" else "."
    number = f"{sign}{grouped.replace(',', thousands)},{part:02d}"
    return f"€ {number}" if language == "nl" else f"{number} €"

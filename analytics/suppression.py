"""Small-cell suppression, written once for everything that leaves the
organisation (exports and the fund's views of an organisation's figures): any
count of fewer than 5 people is shown as "<5", and a rate computed from such a
count is not shown at all."""

SMALL_CELL = 5
SUPPRESSED = "<5"


def is_small(count: int | None) -> bool:
    return count is not None and count < SMALL_CELL


def count_cell(count: int | None, *, suppress: bool) -> int | str | None:
    """A count as it may be shown: the number, or "<5" when suppressing."""
    if suppress and is_small(count):
        return SUPPRESSED
    return count


def rate_cell(part: int | None, whole: int | None, *, suppress: bool) -> float | str | None:
    """part / whole (0..1), None without a denominator; suppressed ("<5") when
    either count it is derived from is small."""
    if not whole or part is None:
        return None
    if suppress and (is_small(part) or is_small(whole)):
        return SUPPRESSED
    return part / whole


def amount_cell(amount: float | None, count: int | None, *, suppress: bool):
    """An amount divided by a count of people (cost per learner)."""
    if amount is None:
        return None
    if suppress and is_small(count):
        return SUPPRESSED
    return amount

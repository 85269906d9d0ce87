"""Figures: worked out and written one way everywhere (pages, exports, the annual report).

Percentages and rates are computed from counts and rounded half-up (264 of 320 is 82.5%,
shown as 83%), never typed in. A figure that is not there is written NO_VALUE, the same
words on every page, in every PDF and download: words, not a dash, because a screen
reader reads a lone dash as "en dash" (or skips it), a dash in a column of figures can be
taken for a minus or a zero, and HTML-only hidden text cannot go into a CSV or a stored
dashboard snapshot."""

from decimal import ROUND_HALF_UP, Decimal

NO_VALUE = "Not recorded"
MINUS = "−"  # U+2212, the minus sign, as GOV.UK prints negative figures


# A dashboard rebuild formats hundreds of thousands of figures: the quanta are made once,
# and a value that is already a Decimal is not converted again (through str, for floats).
_QUANTA = {decimals: Decimal(1).scaleb(-decimals) for decimals in range(10)}


def _decimal(value) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def round_half_up(value: Decimal | int | float | str, decimals: int = 0) -> Decimal:
    quantum = _QUANTA.get(decimals) or Decimal(1).scaleb(-decimals)
    return _decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)


def percentage(part, whole, decimals: int = 0) -> Decimal | None:
    """part as a percentage of whole; None when whole is zero (there is no percentage)."""
    if not whole:
        return None
    return round_half_up(Decimal(str(part)) * 100 / Decimal(str(whole)), decimals)


def rate_per(part, population, per: int = 10_000, decimals: int = 1) -> Decimal | None:
    """A rate such as 'per 10,000 children'."""
    if not population:
        return None
    return round_half_up(Decimal(str(part)) * per / Decimal(str(population)), decimals)


def _missing(value) -> bool:
    # Not `value == ""`: comparing a Decimal with a string is slow.
    return value is None or (isinstance(value, str) and value == "")


def number(value, decimals: int | None = None) -> str:
    """3,624; with `decimals`, rounded half-up to that many places (12.50); without, as
    stored, no trailing zeros (12.5). NO_VALUE when there is none."""
    if _missing(value):
        return NO_VALUE
    figure = _decimal(value)
    if decimals is not None:
        text = f"{abs(round_half_up(figure, decimals)):,.{decimals}f}"
    elif figure == figure.to_integral_value():
        text = f"{abs(figure):,.0f}"
    else:
        text = f"{abs(figure).normalize():,f}"
    return f"{MINUS}{text}" if figure < 0 and text.strip("0.,") else text


def money(value) -> str:
    """£1,234 (or £1,234.56 when there are pence); a negative amount as −£1,234."""
    if _missing(value):
        return NO_VALUE
    amount = Decimal(str(value))
    text = number(abs(amount), 2 if amount != amount.to_integral_value() else 0)
    return f"{MINUS}£{text}" if amount < 0 else f"£{text}"


def percent(value, decimals: int | None = None) -> str:
    """83%: a percentage already worked out (see `percentage`)."""
    return NO_VALUE if _missing(value) else f"{number(value, decimals)}%"

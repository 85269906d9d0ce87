"""How figures are written on pages, in exports and in the annual report."""

from decimal import Decimal

from core.numbers import NO_VALUE, number

from .models import Qualifier, Unit

_PREFIX = {Qualifier.APPROXIMATELY: "about ", Qualifier.OVER: "over ", Qualifier.UNDER: "under "}


def figure(
    value: Decimal | None,
    unit: str,
    decimals: int = 0,
    qualifier: str = Qualifier.EXACT,
    value_high: Decimal | None = None,
) -> str:
    """'83%', '3,624', '£26,387', '12.5 days', '42.9 per 10,000', 'about 330', '400–450'."""
    if value is None:
        return NO_VALUE
    text = number(value, decimals)
    if qualifier == Qualifier.RANGE and value_high is not None:
        text = f"{text}–{number(value_high, decimals)}"
    if unit == Unit.PERCENTAGE:
        text += "%"
    elif unit == Unit.POUNDS:
        text = f"£{text}"
    elif unit == Unit.DAYS:
        text += " days"
    elif unit == Unit.RATE:
        text += " per 10,000"
    return _PREFIX.get(qualifier, "") + text


def change(difference: Decimal | None, unit: str, decimals: int) -> str:
    """A signed difference: '+12', '−3 percentage points', 'no change'."""
    if difference is None:
        return NO_VALUE
    if difference == 0:
        return "no change"
    sign = "+" if difference > 0 else "−"
    text = f"{sign}{number(abs(difference), decimals)}"
    if unit == Unit.PERCENTAGE:
        return f"{text} percentage points"
    if unit == Unit.POUNDS:
        return f"{sign}£{number(abs(difference), decimals)}"
    return text

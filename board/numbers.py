"""Computed figures. Percentages and rates are worked out from counts and rounded half-up
(264 of 320 is 82.5%, shown as 83%), never typed in."""

from decimal import ROUND_HALF_UP, Decimal


def round_half_up(value: Decimal | int | float | str, decimals: int = 0) -> Decimal:
    quantum = Decimal(1).scaleb(-decimals)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


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

"""Computed figures now live in `core.numbers` (they need no board record). This name
stays only for reviews/, which moves onto core when it is split into three apps."""

from core.numbers import percentage, rate_per, round_half_up

__all__ = ["percentage", "rate_per", "round_half_up"]

"""Figures as the report prints them: thousands separated, no trailing zeros."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def figure(value) -> str:
    if value is None or value == "":
        return "—"
    number = Decimal(str(value))
    if number == number.to_integral():
        return f"{number:,.0f}"
    return f"{number.normalize():,f}"

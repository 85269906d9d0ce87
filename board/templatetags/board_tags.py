from decimal import Decimal

from django import template
from django.utils.html import format_html

from ..models import RAG_TAG, ActionStatus

register = template.Library()


@register.filter
def money(value: Decimal | None) -> str:
    """£1,234 (or £1,234.56 when there are pence); a negative amount as −£1,234; a dash
    for a figure not recorded."""
    if value is None or value == "":
        return "–"
    value = Decimal(value)
    pence = value != value.to_integral_value()
    text = f"£{abs(value):,.2f}" if pence else f"£{abs(value):,.0f}"
    return f"−{text}" if value < 0 else text


@register.simple_tag
def rag(status: str):
    status = ActionStatus(status)
    return format_html('<strong class="govuk-tag {}">{}</strong>', RAG_TAG[status], status.label)


@register.filter
def percent(value) -> str:
    return "–" if value is None else f"{value}%"

"""{% load numbers %}: `|number` (`|number:1` for one decimal place), `|money`, `|percent`,
`|or_no_value` for a figure that comes already written (such as "83%"), and
`{% no_value %}` for a cell with nothing to show. The work is in core.numbers, so a
page, a PDF and a download write a figure the same way."""

from django import template

from core import numbers

register = template.Library()

register.filter("number", numbers.number)
register.filter("money", numbers.money)
register.filter("percent", numbers.percent)


@register.simple_tag
def no_value() -> str:
    return numbers.NO_VALUE


@register.filter
def or_no_value(value) -> str:
    return numbers.NO_VALUE if value is None or value == "" else value

"""{% cover_colours report as colours %}: the cover's background and text colours
(reports/cover.py), or None for a white cover."""

from django import template
from django.core.exceptions import ValidationError

from ..cover import cover_colours as colours_for

register = template.Library()


@register.simple_tag
def cover_colours(report):
    try:
        return colours_for(report.cover_colour)
    except ValidationError:  # saved before the rule: the plain cover rather than no PDF
        return None

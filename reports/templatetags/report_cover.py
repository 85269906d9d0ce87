"""{% cover_colours report as colours %}: the cover's background and text colours
(reports/cover.py), or None for a white cover. {{ text|css_string }}: text as a quoted CSS
string, for the print stylesheet in the report's head."""

from django import template
from django.core.exceptions import ValidationError
from django.utils.safestring import mark_safe

from ..cover import cover_colours as colours_for

register = template.Library()


@register.simple_tag
def cover_colours(report):
    try:
        return colours_for(report.cover_colour)
    except ValidationError:  # saved before the rule: the plain cover rather than no PDF
        return None


@register.filter
def css_string(text) -> str:
    """`text` in double quotes, every character that could end the string or the <style>
    element it is in (quote, backslash, line break, <, >, &) written as a CSS escape."""
    escaped = "".join(
        f"\\{ord(c):x} " if c in '"\\<>&\n\r\f' or ord(c) < 32 else c for c in str(text)
    )
    return mark_safe(f'"{escaped}"')  # noqa: S308 - every special character is escaped above

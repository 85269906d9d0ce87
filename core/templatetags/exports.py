"""{% load exports %}: `{% export_href url "xlsx" year=year.slug %}`, the link to a list's
download with the list's own filters (the page's query without its page number) and the
format."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def export_href(context, url: str, fmt: str, **fixed) -> str:
    """`fixed` names what the page shows whatever its query says (the year it opened on)."""
    query = context["request"].GET.copy()
    for name in ("page", "format", "submit"):  # "submit": the filter form's button
        query.pop(name, None)
    for name in [name for name, values in query.lists() if not any(values)]:
        query.pop(name)  # a filter left empty
    for name, value in fixed.items():
        if value:
            query[name] = value
    query["format"] = fmt
    return f"{url}?{query.urlencode()}"

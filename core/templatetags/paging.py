"""{% load paging %}: `{% page_href page number %}`, the link to another page of a list
made by core.paging.paginate. It is Django's {% querystring %} with the page's own
parameter name, which {% querystring %} cannot take from a variable."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_href(context, page, number) -> str:
    query = context["request"].GET.copy()
    query[getattr(page, "param", "page")] = number
    return f"?{query.urlencode()}"

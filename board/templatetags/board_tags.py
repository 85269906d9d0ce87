from django import template
from django.utils.html import format_html

from ..models import RAG_TAG, ActionStatus

register = template.Library()


@register.simple_tag
def rag(status: str):
    status = ActionStatus(status)
    return format_html('<strong class="govuk-tag {}">{}</strong>', RAG_TAG[status], status.label)

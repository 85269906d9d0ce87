"""Strict filters: a value that cannot be understood is a 400, never silently ignored."""

import django_filters
from django_filters.constants import EMPTY_VALUES
from drf_spectacular.utils import extend_schema_field


@extend_schema_field({"type": "string", "enum": ["true", "false"]})
class StrictBooleanFilter(django_filters.ChoiceFilter):
    """`?flag=true` or `?flag=false`; anything else is refused. With `method=`, django-filter
    passes the checked "true"/"false" to that FilterSet method instead."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("choices", [("true", "true"), ("false", "false")])
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        if value in EMPTY_VALUES:
            return queryset
        return queryset.filter(**{self.field_name: value == "true"})

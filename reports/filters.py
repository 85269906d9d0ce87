"""The glossary's filters (django-filter, laid out by core.filters): words in the term
or its meaning, and the order of the list. The export reads the same ones."""

import django_filters
from django.db.models import Q

from core.filters import GdsFilterSet

from .models import Acronym

SORTS = {
    "term": ("Term, A to Z", ["term"]),
    "-term": ("Term, Z to A", ["-term"]),
    "meaning": ("Meaning, A to Z", ["meaning", "term"]),
    "newest": ("Newest first", ["-created_at", "term"]),
}


class GlossaryFilter(GdsFilterSet):
    q = django_filters.CharFilter(label="Term or meaning contains", method="filter_words")
    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=[(key, label) for key, (label, _order) in SORTS.items()],
        empty_label=None,
        method="filter_sort",
        error_messages={"invalid_choice": "Choose an order for the list from the ones shown"},
    )

    class Meta:
        model = Acronym
        fields: list[str] = []

    def filter_words(self, queryset, name, value):
        words = value.strip()
        if not words:
            return queryset
        return queryset.filter(Q(term__icontains=words) | Q(meaning__icontains=words))

    def filter_sort(self, queryset, name, value):
        return queryset.order_by(*SORTS.get(value or "term", SORTS["term"])[1])

"""The panel's case list filters: stage, year notified and category of death, and the
home page's "waiting for an agency form" (?forms=outstanding)."""

import django_filters
from django.db.models import Q

from core.filters import CheckboxFilter, GdsFilterSet
from core.periods import FinancialYear

from .models import CdopCase
from .models.vocabularies import DeathCategory

# A case's stage is worked out from its dates (CdopCase.stage); each has its condition.
STAGES = {
    "notified": (
        "Notified",
        Q(
            closed_on__isnull=True,
            panel_review_on__isnull=True,
            review_meeting_on__isnull=True,
            rapid_response_on__isnull=True,
        ),
    ),
    "rapid_response": (
        "Rapid response held",
        Q(
            closed_on__isnull=True,
            panel_review_on__isnull=True,
            review_meeting_on__isnull=True,
            rapid_response_on__isnull=False,
        ),
    ),
    "review_meeting": (
        "Child death review meeting held",
        Q(closed_on__isnull=True, panel_review_on__isnull=True, review_meeting_on__isnull=False),
    ),
    "reviewed": ("Reviewed by the panel", Q(closed_on__isnull=True, panel_review_on__isnull=False)),
    "closed": ("Closed", Q(closed_on__isnull=False)),
}


def notified_years(board) -> list[FinancialYear]:
    """The financial years in which the board's cases were notified, latest first."""
    months = CdopCase.objects.current().filter(board=board).dates("notified_on", "month")
    return sorted({FinancialYear.containing(month) for month in months}, reverse=True)


class CaseFilter(GdsFilterSet):
    stage = django_filters.ChoiceFilter(
        label="Stage",
        choices=[(key, label) for key, (label, _) in STAGES.items()],
        method="filter_stage",
        empty_label="Any stage",
    )
    year = django_filters.ChoiceFilter(
        label="Year notified", choices=[], method="filter_year", empty_label="Any year"
    )
    category = django_filters.ChoiceFilter(
        label="Category of death", choices=DeathCategory.choices, empty_label="Any category"
    )
    forms = CheckboxFilter(
        label="Only cases waiting for an agency form", method="filter_forms", on="outstanding"
    )

    class Meta:
        model = CdopCase
        fields: list[str] = []

    def __init__(self, data, *, board, **kwargs) -> None:
        super().__init__(data, **kwargs)
        years = notified_years(board)
        self.filters["year"].extra["choices"] = [(y.slug, y.label) for y in years]

    def filter_stage(self, queryset, name, value):
        return queryset.filter(STAGES[value][1])

    def filter_year(self, queryset, name, value):
        year = FinancialYear.parse(value)
        return queryset.filter(notified_on__gte=year.start, notified_on__lte=year.end)

    def filter_forms(self, queryset, name, value):
        return queryset.filter(forms_outstanding__gt=0) if value else queryset

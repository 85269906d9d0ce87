"""The register's filters: stage and the year the board was notified (and the serious
incidents' list's, IncidentFilter). A review's stage is
worked out from its decision and milestones (clocks.stage_of); each stage here is the same
rule as a query, so the register pages the filtered reviews in the database."""

import django_filters
from django.db.models import Exists, OuterRef, Q

from core.filters import GdsFilterSet
from core.periods import FinancialYear

from .clocks import STAGES
from .models import CaseReview, Milestone, SeriousIncident
from .models.progress import MilestoneKind
from .selectors.incidents import INCIDENT_STAGES, incident_rows
from .selectors.incidents import stage_condition as incident_stage_condition

# Latest milestone first: a review is at the stage of the latest one it has reached.
MILESTONE_STAGES = [
    (MilestoneKind.PUBLICATION, "Published"),
    (MilestoneKind.BOARD_SIGN_OFF, "Signed off by the board"),
    (MilestoneKind.FINAL_PANEL, "Final panel held"),
    (MilestoneKind.DRAFT_REPORT, "Draft report"),
]


def _reached(kind: str) -> Exists:
    held = Milestone.objects.filter(review=OuterRef("pk"), kind=kind, actual_on__isnull=False)
    return Exists(held)


def stage_condition(stage: str) -> Q:
    if stage == "Not initiated":
        return Q(decision="not_initiate")
    if stage == "Awaiting decision":
        return Q(decision="")
    condition = Q(decision="initiate")
    for kind, label in MILESTONE_STAGES:
        if label == stage:
            return condition & Q(_reached(kind))
        condition &= ~Q(_reached(kind))
    return condition  # "In progress": initiated, no milestone of a later stage reached


def notified_years(board) -> list[FinancialYear]:
    months = CaseReview.objects.filter(board=board).dates("notified_on", "month")
    return sorted({FinancialYear.containing(month) for month in months}, reverse=True)


class ReviewFilter(GdsFilterSet):
    stage = django_filters.ChoiceFilter(
        label="Stage",
        choices=[(stage, stage) for stage in STAGES],
        method="filter_stage",
        empty_label="Any stage",
    )
    year = django_filters.ChoiceFilter(
        label="Year notified", choices=[], method="filter_year", empty_label="Any year"
    )

    class Meta:
        model = CaseReview
        fields: list[str] = []

    def __init__(self, data, *, board, **kwargs) -> None:
        super().__init__(data, **kwargs)
        years = notified_years(board)
        self.filters["year"].extra["choices"] = [(y.slug, y.label) for y in years]

    def filter_stage(self, queryset, name, value):
        return queryset.filter(stage_condition(value))

    def filter_year(self, queryset, name, value):
        year = FinancialYear.parse(value)
        return queryset.filter(notified_on__gte=year.start, notified_on__lte=year.end)


SORTS = {
    "aware": ("Date became aware, newest first", ["-aware_on", "reference"]),
    "aware_oldest": ("Date became aware, oldest first", ["aware_on", "reference"]),
    "reference": ("Case reference", ["reference"]),
}


class IncidentFilter(GdsFilterSet):
    """Serious incidents: stage, the year the local authority became aware, clocks at
    risk (worked out from the dates, so the list is filtered by the ids it finds), and
    the order of the list."""

    stage = django_filters.ChoiceFilter(
        label="Stage", choices=[], method="filter_stage", empty_label="Any stage"
    )
    year = django_filters.ChoiceFilter(
        label="Year the local authority became aware",
        choices=[],
        method="filter_year",
        empty_label="Any year",
    )
    clock = django_filters.ChoiceFilter(
        label="Clocks",
        choices=[
            ("overdue", "A clock past its deadline"),
            ("due_soon", "A clock near its deadline"),
        ],
        method="filter_clock",
        empty_label="Any",
    )
    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=[(key, label) for key, (label, _order) in SORTS.items()],
        method="sort_by",
        empty_label="Date became aware, newest first",
    )

    class Meta:
        model = SeriousIncident
        fields: list[str] = []

    def __init__(self, data, *, board, settings, today, **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.board, self.settings, self.today = board, settings, today
        self.filters["stage"].extra["choices"] = [(stage, stage) for stage in INCIDENT_STAGES]
        months = self.Meta.model.objects.filter(board=board).dates("aware_on", "month")
        years = sorted({FinancialYear.containing(month) for month in months}, reverse=True)
        self.filters["year"].extra["choices"] = [(y.slug, y.label) for y in years]

    def filter_stage(self, queryset, name, value):
        return queryset.filter(incident_stage_condition(value))

    def filter_year(self, queryset, name, value):
        year = FinancialYear.parse(value)
        return queryset.filter(aware_on__gte=year.start, aware_on__lte=year.end)

    def filter_clock(self, queryset, name, value):
        rows = incident_rows(queryset, self.settings, self.today)
        ids = [row.incident.pk for row in rows if any(c.status == value for c in row.clocks)]
        return queryset.filter(pk__in=ids)

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*SORTS[value][1])

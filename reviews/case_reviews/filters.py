"""The register's filters: stage and the year the board was notified. A review's stage is
worked out from its decision and milestones (clocks.stage_of); each stage here is the same
rule as a query, so the register pages the filtered reviews in the database."""

import django_filters
from django.db.models import Exists, OuterRef, Q

from core.filters import GdsFilterSet
from core.periods import FinancialYear

from .clocks import STAGES
from .models import CaseReview, Milestone
from .models.progress import MilestoneKind

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

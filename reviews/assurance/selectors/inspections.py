"""Reads for inspections: the filtered list, one inspection with its judgements and its
recommendations' actions, and a financial year's summary whose counts and percentages are
worked out from the records (core.numbers.percentage, half-up)."""

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Prefetch, Q, QuerySet

from board.models import Action, ActionStatus, Board
from core.numbers import percentage
from core.periods import FinancialYear

from ..models import Inspection, InspectionGrade, InspectionJudgement, InspectionRecommendation


def inspections(
    *, board: Board, inspectorate: str = "", year: FinancialYear | None = None
) -> QuerySet[Inspection]:
    """The board's inspections, newest first. `year` keeps those that started or were
    published in that financial year."""
    found = Inspection.objects.filter(board=board).select_related("inspected_agency")
    if inspectorate:
        found = found.filter(inspectorate=inspectorate)
    if year is not None:
        span = (year.start, year.end)
        found = found.filter(Q(start_date__range=span) | Q(published_on__range=span))
    # Meta.ordering does not apply to a grouped query: order explicitly for paging.
    return found.annotate(recommendation_count=Count("recommendations", distinct=True)).order_by(
        "-start_date", "title", "pk"
    )


def inspection_years(*, board: Board) -> list[FinancialYear]:
    dates = Inspection.objects.filter(board=board).values_list("start_date", "published_on")
    return sorted({FinancialYear.containing(day) for pair in dates for day in pair if day})


def inspection_with_details(*, board: Board) -> QuerySet[Inspection]:
    judgements = InspectionJudgement.objects.filter(board=board)
    recommendations = InspectionRecommendation.objects.filter(board=board)
    return (
        Inspection.objects.filter(board=board)
        .select_related("inspected_agency")
        .prefetch_related(
            Prefetch("judgements", judgements), Prefetch("recommendations", recommendations)
        )
    )


def actions_for_recommendations(
    *, board: Board, recommendations: list[InspectionRecommendation]
) -> dict[object, list[Action]]:
    """The tracker's actions of each recommendation, keyed by the recommendation's id: one
    query however many recommendations there are."""
    if not recommendations:
        return {}
    actions = Action.objects.filter(
        board=board,
        source_content_type=ContentType.objects.get_for_model(InspectionRecommendation),
        source_object_id__in=[recommendation.pk for recommendation in recommendations],
    ).select_related("owner_agency")
    grouped: dict[object, list[Action]] = {}
    for action in actions:
        grouped.setdefault(action.source_object_id, []).append(action)
    return grouped


def recommendation_action_count(inspection: Inspection) -> int:
    """How many actions in the tracker came from the inspection's recommendations."""
    return Action.objects.filter(
        board=inspection.board_id,
        source_content_type=ContentType.objects.get_for_model(InspectionRecommendation),
        source_object_id__in=inspection.recommendations.values("pk"),
    ).count()


@dataclass(frozen=True)
class RecommendationRow:
    recommendation: InspectionRecommendation
    actions: list[Action]


@dataclass(frozen=True)
class InspectionRow:
    """One published inspection in a year's summary."""

    inspection: Inspection
    judgements: list[InspectionJudgement]
    recommendations: list[RecommendationRow]


@dataclass(frozen=True)
class YearSummary:
    year: FinancialYear
    rows: list[InspectionRow]
    grade_counts: list[tuple[str, int]]  # every grade of the scale, best first
    recommendations: int
    actions_total: int
    actions_complete: int

    @property
    def judgements(self) -> int:
        return sum(count for _name, count in self.grade_counts)

    @property
    def actions_percent_complete(self) -> Decimal | None:
        return percentage(self.actions_complete, self.actions_total)


def year_summary(*, board: Board, year: FinancialYear) -> YearSummary:
    """The inspections whose reports were published in `year`: their judgements, a count
    per grade, their recommendations and how many of those recommendations' actions are
    complete. Four queries, however many inspections."""
    published = list(
        inspection_with_details(board=board)
        .filter(published_on__range=(year.start, year.end))
        .order_by("published_on", "title")
    )
    recommendations = [rec for i in published for rec in i.recommendations.all()]
    grouped = actions_for_recommendations(board=board, recommendations=recommendations)
    rows = [
        InspectionRow(
            inspection,
            list(inspection.judgements.all()),
            [
                RecommendationRow(rec, grouped.get(rec.pk, []))
                for rec in inspection.recommendations.all()
            ],
        )
        for inspection in published
    ]
    grades = [judgement.grade for row in rows for judgement in row.judgements]
    actions = [action for found in grouped.values() for action in found]
    return YearSummary(
        year=year,
        rows=rows,
        grade_counts=[(grade.label, grades.count(grade.value)) for grade in InspectionGrade],
        recommendations=len(recommendations),
        actions_total=len(actions),
        actions_complete=sum(action.status == ActionStatus.COMPLETE for action in actions),
    )

"""Reads for audits. Percentages are computed from the counts (core.numbers.percentage,
one decimal: 96 of 135 is 71.1%).

Other apps (the annual report) use `audits_for_year`."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from board.models import Action, Board
from core.numbers import percentage
from core.periods import FinancialYear

from ..models import Audit, AuditRating, AuditRecommendation, RatingLevel


@dataclass(frozen=True)
class RatingRow:
    name: str
    count: int
    percent: Decimal | None


def audits(*, board: Board) -> QuerySet[Audit]:
    ratings = AuditRating.objects.select_related("level")
    return Audit.objects.filter(board=board).prefetch_related(Prefetch("ratings", ratings))


def audit_with_details(*, board: Board) -> QuerySet[Audit]:
    return (
        audits(board=board)
        .select_related("follows_up")
        .prefetch_related("findings", "recommendations__finding", "reaudits")
    )


def rating_scale(*, board: Board) -> QuerySet[RatingLevel]:
    """Every level of the board's scale, retired ones too, with how many audits used it."""
    uses = (
        AuditRating.objects.filter(level=OuterRef("pk"), count__gt=0)
        .values("level")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return RatingLevel.objects.filter(board=board).annotate(
        audits_using=Coalesce(Subquery(uses), 0)
    )


def rating_rows(audit: Audit) -> list[RatingRow]:
    """Each rating's count and its share of the sample, in the scale's order."""
    return [
        RatingRow(rating.level.name, rating.count, percentage(rating.count, audit.sample_size, 1))
        for rating in audit.ratings.all()
    ]


def actions_for_recommendations(
    *, board: Board, recommendations: list[AuditRecommendation]
) -> dict[object, list[Action]]:
    """The tracker's actions of each recommendation, keyed by the recommendation's id."""
    if not recommendations:
        return {}
    actions = Action.objects.filter(
        board=board,
        source_content_type=ContentType.objects.get_for_model(AuditRecommendation),
        source_object_id__in=[recommendation.pk for recommendation in recommendations],
    ).select_related("owner_agency")
    grouped: dict[object, list[Action]] = {}
    for action in actions:
        grouped.setdefault(action.source_object_id, []).append(action)
    return grouped


@dataclass(frozen=True)
class RecommendationProgress:
    recommendation: AuditRecommendation
    actions: list[Action]

    @property
    def actions_complete(self) -> int:
        return sum(action.is_complete for action in self.actions)


@dataclass(frozen=True)
class AuditOfYear:
    """One audit as the annual report shows it: its count and share per rating level,
    its findings, and how far the tracker's actions from its recommendations have got."""

    audit: Audit
    ratings: list[RatingRow]
    findings: list[str]
    recommendations: list[RecommendationProgress] = field(default_factory=list)

    @property
    def rated(self) -> int:
        return sum(row.count for row in self.ratings)

    @property
    def actions_total(self) -> int:
        return sum(len(progress.actions) for progress in self.recommendations)

    @property
    def actions_complete(self) -> int:
        return sum(progress.actions_complete for progress in self.recommendations)


def audits_for_year(*, board: Board, year: FinancialYear) -> list[AuditOfYear]:
    """The audits whose period ends in `year`, oldest first, in one batch of queries (the
    audits, their ratings, findings and recommendations, and the recommendations' actions)."""
    found = list(
        audit_with_details(board=board)
        .filter(period_end__range=(year.start, year.end))
        .order_by("period_end", "title", "pk")
    )
    recommendations = [r for audit in found for r in audit.recommendations.all()]
    actions = actions_for_recommendations(board=board, recommendations=recommendations)
    return [
        AuditOfYear(
            audit=audit,
            ratings=rating_rows(audit),
            findings=[finding.text for finding in audit.findings.all()],
            recommendations=[
                RecommendationProgress(recommendation, actions.get(recommendation.pk, []))
                for recommendation in audit.recommendations.all()
            ],
        )
        for audit in found
    ]

"""Reads for audits. Percentages are computed from the counts (board.numbers.percentage,
one decimal: 96 of 135 is 71.1%)."""

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from board.models import Action, Board
from board.numbers import percentage

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

"""Records past retention, scoped to one board. Each list is a queryset that pages in the
database: only the case number or review reference and dates are read."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Case, DateField, F, OuterRef, QuerySet, Subquery, When
from django.db.models.functions import Coalesce

from board.models import Board
from reviews.child_deaths.models import CdopCase

from ..models import CaseReview, Decision, Milestone, MilestoneKind, RetentionSettings
from ..retention import latest_start_past_retention, retention_ends_on


def retention_settings(*, board: Board) -> RetentionSettings:
    """The board's saved settings, or the defaults (unsaved) until the manager saves some."""
    found = RetentionSettings.objects.filter(board=board).first()
    return found or RetentionSettings(board=board)


@dataclass(frozen=True)
class PastRetention:
    """One row of the report: what the record is called, when its retention started and
    why, and the day it passed retention."""

    pk: object
    reference: str
    started_on: date
    started_by: str
    ended_on: date


def cdop_cases_past_retention(*, board: Board, years: int, today: date) -> QuerySet:
    """Closed cases whose retention ended on or before `today`, longest past first."""
    return (
        CdopCase.objects.filter(
            board=board,
            closed_on__lte=latest_start_past_retention(today, years),
        )
        .order_by("closed_on", "number")
        .values("pk", "number", "closed_on")
    )


def cdop_rows(values: list[dict], years: int) -> list[PastRetention]:
    return [
        PastRetention(
            pk=row["pk"],
            reference=row["number"],
            started_on=row["closed_on"],
            started_by="Closed",
            ended_on=retention_ends_on(row["closed_on"], years),
        )
        for row in values
    ]


def _actual_date(kind: MilestoneKind) -> Subquery:
    milestones = Milestone.objects.filter(
        review=OuterRef("pk"), kind=kind, actual_on__isnull=False
    ).order_by("-actual_on")
    return Subquery(milestones.values("actual_on")[:1], output_field=DateField())


def case_reviews_with_retention_start(*, board: Board) -> QuerySet:
    """Every review with the date its retention starts: its publication, else the board's
    sign-off, else (for a decision not to initiate) the decision; None while still open."""
    not_initiated = Case(
        When(decision=Decision.NOT_INITIATE, then=F("decision_on")), output_field=DateField()
    )
    return CaseReview.objects.filter(board=board).annotate(
        published_on=_actual_date(MilestoneKind.PUBLICATION),
        signed_off_on=_actual_date(MilestoneKind.BOARD_SIGN_OFF),
        retention_from=Coalesce("published_on", "signed_off_on", not_initiated),
    )


def case_reviews_past_retention(*, board: Board, years: int, today: date) -> QuerySet:
    return (
        case_reviews_with_retention_start(board=board)
        .filter(retention_from__lte=latest_start_past_retention(today, years))
        .order_by("retention_from", "reference")
        .values("pk", "reference", "retention_from", "published_on", "signed_off_on")
    )


def case_review_rows(values: list[dict], years: int) -> list[PastRetention]:
    def started_by(row: dict) -> str:
        if row["published_on"]:
            return "Published"
        if row["signed_off_on"]:
            return "Signed off by the board"
        return "Decided not to initiate a review"

    return [
        PastRetention(
            pk=row["pk"],
            reference=row["reference"],
            started_on=row["retention_from"],
            started_by=started_by(row),
            ended_on=retention_ends_on(row["retention_from"], years),
        )
        for row in values
    ]

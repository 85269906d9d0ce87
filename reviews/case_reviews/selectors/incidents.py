"""Reads for serious incidents and national reviews, always scoped to one board. A list
of incidents costs a fixed number of queries (the rapid review and practice review joined,
their summaries and milestones prefetched)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from board.models import Board

from ..clocks import PRACTICE_REVIEW_CLOCKS, Clock, incident_clocks
from ..models import (
    AgencySummary,
    Milestone,
    MilestoneKind,
    NationalRecommendation,
    NationalReview,
    RapidReviewDecision,
    ScrSettings,
    SeriousIncident,
)

AWAITING_NOTIFICATION = "Awaiting notification to the Panel"
IN_RAPID_REVIEW = "In rapid review"
REVIEW_RUNNING = "Practice review in progress"
REVIEW_PUBLISHED = "Practice review published"
NO_REVIEW = "No local review"
NATIONAL = "Referred for a national review"
INCIDENT_STAGES = [
    AWAITING_NOTIFICATION,
    IN_RAPID_REVIEW,
    REVIEW_RUNNING,
    REVIEW_PUBLISHED,
    NO_REVIEW,
    NATIONAL,
]


def serious_incidents(*, board: Board) -> QuerySet[SeriousIncident]:
    return (
        SeriousIncident.objects.filter(board=board)
        .select_related("rapid_review", "practice_review")
        .prefetch_related(
            Prefetch("practice_review__milestones", queryset=Milestone.objects.order_by()),
            "agencies_involved",
            Prefetch(
                "rapid_review__agency_summaries",
                queryset=AgencySummary.objects.select_related("agency"),
            ),
        )
        .order_by("-aware_on", "reference")
    )


def incidents_for_clocks(*, board: Board) -> QuerySet[SeriousIncident]:
    """Just what the clocks read (three queries however many incidents)."""
    return (
        SeriousIncident.objects.filter(board=board)
        .select_related("rapid_review", "practice_review")
        .prefetch_related(
            Prefetch("practice_review__milestones", queryset=Milestone.objects.order_by())
        )
        .order_by("aware_on", "reference")
    )


def _published(review) -> bool:
    return any(m.kind == MilestoneKind.PUBLICATION and m.actual_on for m in review.milestones.all())


def incident_stage(incident: SeriousIncident) -> str:
    rapid = getattr(incident, "rapid_review", None)
    if not incident.notified_on:
        return AWAITING_NOTIFICATION
    decision = rapid.decision if rapid else ""
    if decision == RapidReviewDecision.NOT_HOLD:
        return NO_REVIEW
    if decision == RapidReviewDecision.NATIONAL:
        return NATIONAL
    if decision == RapidReviewDecision.HOLD and incident.practice_review_id:
        return REVIEW_PUBLISHED if _published(incident.practice_review) else REVIEW_RUNNING
    return IN_RAPID_REVIEW


def stage_condition(stage: str) -> Q:
    """The stage as a query, so the list pages the filtered incidents in the database."""
    published = Milestone.objects.filter(
        review=OuterRef("practice_review"), kind=MilestoneKind.PUBLICATION, actual_on__isnull=False
    )
    notified = Q(notified_on__isnull=False)
    return {
        AWAITING_NOTIFICATION: Q(notified_on__isnull=True),
        IN_RAPID_REVIEW: notified & (Q(rapid_review__decision="") | Q(rapid_review__isnull=True)),
        NO_REVIEW: notified & Q(rapid_review__decision=RapidReviewDecision.NOT_HOLD),
        NATIONAL: notified & Q(rapid_review__decision=RapidReviewDecision.NATIONAL),
        REVIEW_RUNNING: notified
        & Q(rapid_review__decision=RapidReviewDecision.HOLD, practice_review__isnull=False)
        & ~Q(Exists(published)),
        REVIEW_PUBLISHED: notified
        & Q(rapid_review__decision=RapidReviewDecision.HOLD)
        & Q(Exists(published)),
    }[stage]


@dataclass
class IncidentRow:
    incident: SeriousIncident
    stage: str
    clocks: list[Clock]

    @property
    def at_risk(self) -> list[Clock]:
        return [clock for clock in self.clocks if clock.is_at_risk]

    @property
    def running(self) -> list[Clock]:
        return [clock for clock in self.clocks if clock.stopped_on is None]

    def _of(self, keys) -> list[Clock]:
        return [clock for clock in self.clocks if clock.key in keys]

    @property
    def notification_clocks(self) -> list[Clock]:
        return self._of(("incident_notification", "partners_told"))

    @property
    def rapid_review_clocks(self) -> list[Clock]:
        return self._of(("rapid_review", "panel_response"))

    @property
    def review_clocks(self) -> list[Clock]:
        return self._of(PRACTICE_REVIEW_CLOCKS)


def incident_rows(
    incidents, settings: ScrSettings, today: date, *, with_review: bool = True
) -> list[IncidentRow]:
    return [
        IncidentRow(
            i, incident_stage(i), incident_clocks(i, settings, today, with_review=with_review)
        )
        for i in incidents
    ]


def national_reviews(*, board: Board) -> QuerySet[NationalReview]:
    return NationalReview.objects.filter(board=board).prefetch_related(
        Prefetch("recommendations", queryset=NationalRecommendation.objects.order_by("number"))
    )

"""What goes in a pack: the board's records of the six months, read through the apps'
selectors, in a fixed number of queries. None of them is a restricted kind
(board.record_visibility: CDOP cases and confidential review documents are; audits,
Section 11 returns, inspections and the tracker's actions are not), so the pack holds
no record that needs its read logged, and no child's details: none of these records
carries any.

The six months: an audit whose period covered part of them, a Section 11 return
submitted or moderated in them (or due in a cycle that closed in them), an inspection
that ran or was published in them, each indicator's latest figure for a period ending
in them. The tracker's actions are those open on the day the pack is made, whenever
they were raised: an inspector asks what is still outstanding."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q

from board.models import Action, Board
from board.selectors.actions import actions
from datasets.models import Indicator, Observation
from datasets.selectors import LatestFigure, latest_figures
from reviews.assurance.models import (
    Audit,
    AuditFinding,
    AuditRating,
    Inspection,
    InspectionRecommendation,
    Section11Cycle,
    Section11Rating,
    Section11Return,
)
from reviews.assurance.selectors import audits as audit_reads
from reviews.assurance.selectors import inspections as inspection_reads
from reviews.assurance.selectors import section11 as section11_reads

# Every kind of record a pack reads: none may be a restricted kind (a test checks it
# against board.record_visibility, so restricting one of them later fails loudly).
PACKED_KINDS = (
    Indicator, Observation, Audit, AuditFinding, AuditRating, Section11Cycle,
    Section11Return, Section11Rating, Action, Inspection, InspectionRecommendation,
)  # fmt: skip


@dataclass(frozen=True)
class AuditPart:
    audit: object
    ratings: list  # audit_reads.RatingRow
    findings: list[str]


@dataclass(frozen=True)
class ReturnPart:
    section11_return: object
    rag: dict[str, int]  # "red" -> 2


@dataclass(frozen=True)
class RecommendationPart:
    inspection: object
    recommendation: object
    actions: list[Action]


@dataclass
class PackContents:
    board: Board
    since: date
    until: date
    figures: list[LatestFigure] = field(default_factory=list)
    audits: list[AuditPart] = field(default_factory=list)
    returns: list[ReturnPart] = field(default_factory=list)
    open_actions: list[Action] = field(default_factory=list)
    inspections: list = field(default_factory=list)
    recommendations: list[RecommendationPart] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "figures": len(self.figures), "audits": len(self.audits),
            "section11_returns": len(self.returns), "open_actions": len(self.open_actions),
            "inspections": len(self.inspections),
            "recommendations": len(self.recommendations),
        }  # fmt: skip


def gather(board: Board, *, since: date, until: date) -> PackContents:
    contents = PackContents(board, since, until)
    contents.figures = latest_figures(board, since=since, until=until)
    contents.audits = _audits(board, since, until)
    contents.returns = _returns(board, since, until)
    contents.open_actions = list(actions(board).open())
    contents.inspections, contents.recommendations = _inspections(board, since, until)
    return contents


def _audits(board: Board, since: date, until: date) -> list[AuditPart]:
    found = audit_reads.audit_with_details(board=board).filter(
        period_end__gte=since, period_start__lte=until
    )
    return [
        AuditPart(audit, audit_reads.rating_rows(audit), [f.text for f in audit.findings.all()])
        for audit in found
    ]


def _returns(board: Board, since: date, until: date) -> list[ReturnPart]:
    window = (
        Q(submitted_on__range=(since, until))
        | Q(moderated_on__range=(since, until))
        | Q(cycle__due_on__range=(since, until))
    )
    found = (
        section11_reads.returns(board=board)
        .filter(window)
        .prefetch_related("ratings")
        .order_by("-cycle__due_on", "agency__name")
    )
    return [ReturnPart(r, dict(Counter(rating.rag for rating in r.ratings.all()))) for r in found]


def _inspections(board: Board, since: date, until: date):
    window = (
        Q(start_date__range=(since, until))
        | Q(end_date__range=(since, until))
        | Q(published_on__range=(since, until))
    )
    found = list(inspection_reads.inspection_with_details(board=board).filter(window))
    recommendations = [(i, r) for i in found for r in i.recommendations.all()]
    by_recommendation = inspection_reads.actions_for_recommendations(
        board=board, recommendations=[r for _, r in recommendations]
    )
    return found, [
        RecommendationPart(i, r, by_recommendation.get(r.pk, [])) for i, r in recommendations
    ]

"""Reads for the case review register, always scoped to one board.

Other apps (the annual report) use `case_review_year_summary`."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, QuerySet

from board.models import Action, Agency, Board, Role
from core.numbers import percentage
from core.periods import FinancialYear

from ..clocks import STAGES, Clock, clocks_for, stage_of
from ..models import (
    Appointment,
    CaseReview,
    Dissemination,
    Lesson,
    Milestone,
    MilestoneKind,
    PanelMember,
    Recommendation,
    ReviewDocument,
    ScrSettings,
    Theme,
)

# Who manages case reviews, and who reads their records (the review pages, the action
# plans and the API all ask these; every board role sees only the register summary).
SCR_MANAGERS = frozenset({Role.SCR_MEMBER, Role.BOARD_MANAGER})
SCR_READERS = SCR_MANAGERS | {Role.INDEPENDENT_CHAIR}


def case_reviews(*, board: Board) -> QuerySet[CaseReview]:
    """The register: milestones prefetched for the stage and clocks (constant queries)."""
    return (
        CaseReview.objects.filter(board=board)
        .prefetch_related(Prefetch("milestones", queryset=Milestone.objects.order_by()))
        .order_by("-notified_on", "reference")
    )


def case_review_with_details(*, board: Board) -> QuerySet[CaseReview]:
    return (
        case_reviews(board=board)
        .select_related("cdop_case")
        .prefetch_related(
            "agencies_involved",
            Prefetch(
                "appointments", queryset=Appointment.objects.select_related("employing_agency")
            ),
            Prefetch("panel_members", queryset=PanelMember.objects.select_related("agency")),
            Prefetch("lessons", queryset=Lesson.objects.prefetch_related("themes")),
            Prefetch("documents", queryset=ReviewDocument.objects.select_related("agency")),
            Prefetch("recommendations", queryset=Recommendation.objects.order_by("number")),
            "disseminations",
        )
    )


@dataclass
class RegisterRow:
    review: CaseReview
    stage: str
    clocks: list[Clock]

    @property
    def at_risk(self) -> list[Clock]:
        return [clock for clock in self.clocks if clock.is_at_risk]


def register_rows(reviews, settings: ScrSettings, today: date) -> list[RegisterRow]:
    return [RegisterRow(r, stage_of(r), clocks_for(r, settings, today)) for r in reviews]


def reviews_by_stage(rows: list[RegisterRow]) -> list[tuple[str, int]]:
    counts = Counter(row.stage for row in rows)
    return [(stage, counts[stage]) for stage in STAGES]


def published_reviews(*, board: Board) -> QuerySet[CaseReview]:
    """Reviews with a published executive summary (open to every board role)."""
    return (
        case_reviews(board=board)
        .filter(documents__kind="executive_summary", documents__is_published=True)
        .distinct()
    )


def scr_actions(*, board: Board) -> QuerySet[Action]:
    """Every action raised from a case review recommendation."""
    return (
        Action.objects.filter(
            board=board,
            source_content_type=ContentType.objects.get_for_model(Recommendation),
        )
        .select_related("owner_agency", "owner_person", "signed_off_by")
        .order_by("due_date", "created_at")
    )


def attach_recommendations(actions: list[Action]) -> list[Action]:
    """Set `action.recommendation` (with its review) on each action, in one query."""
    ids = {action.source_object_id for action in actions}
    found = Recommendation.objects.filter(pk__in=ids).select_related("review")
    by_id = {rec.pk: rec for rec in found}
    for action in actions:
        action.recommendation = by_id.get(action.source_object_id)
    return actions


def actions_for_review(*, review: CaseReview) -> dict:
    """Recommendation id -> its actions, for one review's page."""
    actions = scr_actions(board=review.board).filter(
        source_object_id__in=review.recommendations.values("pk")
    )
    grouped: dict = defaultdict(list)
    for action in actions:
        grouped[action.source_object_id].append(action)
    return grouped


def composite_plan(*, board: Board, agency: Agency) -> list[Action]:
    """One agency's actions across all reviews (the composite action plan)."""
    actions = list(scr_actions(board=board).filter(owner_agency=agency))
    attach_recommendations(actions)
    return sorted(actions, key=lambda a: (a.recommendation.review.reference, a.due_date))


@dataclass
class AgencyCompletion:
    agency: Agency
    total: int = 0
    complete: int = 0
    signed_off: int = 0
    overdue: int = 0

    @property
    def percent_complete(self):
        return percentage(self.complete, self.total)


def completion_by_agency(*, board: Board, today: date) -> list[AgencyCompletion]:
    rows: dict = {}
    for action in scr_actions(board=board).filter(owner_agency__isnull=False):
        row = rows.setdefault(action.owner_agency_id, AgencyCompletion(action.owner_agency))
        row.total += 1
        row.complete += action.is_complete
        row.signed_off += action.is_signed_off
        row.overdue += action.is_overdue_on(today)
    return sorted(rows.values(), key=lambda row: row.agency.name)


def review_year(review: CaseReview) -> FinancialYear:
    return FinancialYear.containing(review.decision_on or review.notified_on)


@dataclass
class ThemeCounts:
    years: list[FinancialYear]
    rows: list[tuple[Theme, list[int], int]] = field(default_factory=list)


def theme_counts(*, board: Board) -> ThemeCounts:
    """How many reviews found each theme, by the financial year of the review's decision
    (or notification), across every review of the board."""
    lessons = Lesson.objects.filter(board=board).select_related("review")
    lessons = lessons.prefetch_related("themes")
    seen: dict = defaultdict(set)  # (theme id, year) -> review ids
    years = set()
    for lesson in lessons:
        year = review_year(lesson.review)
        years.add(year)
        for theme in lesson.themes.all():
            seen[(theme.pk, year)].add(lesson.review_id)
    ordered = sorted(years)
    result = ThemeCounts(years=ordered)
    for theme in Theme.objects.filter(board=board).order_by("name"):
        counts = [len(seen.get((theme.pk, year), ())) for year in ordered]
        total = len(set().union(*(seen.get((theme.pk, y), set()) for y in ordered)))
        if total or theme.is_active:
            result.rows.append((theme, counts, total))
    return result


def disseminations(*, board: Board) -> QuerySet[Dissemination]:
    return Dissemination.objects.filter(board=board).prefetch_related("reviews")


@dataclass
class YearSummary:
    """The annual report's serious case reviews section."""

    year: FinancialYear
    initiated: list[CaseReview]
    not_initiated: int
    completed: list[CaseReview]
    published: list[tuple[CaseReview, date, str]]
    actions_total: int
    actions_complete: int
    themes: list[tuple[str, int]]

    @property
    def actions_percent_complete(self):
        return percentage(self.actions_complete, self.actions_total)


def _in(day: date | None, year: FinancialYear) -> bool:
    return day is not None and year.start <= day <= year.end


def case_review_year_summary(*, board: Board, year: FinancialYear) -> YearSummary:
    """Reviews initiated, completed (board sign-off) and published in the year; the
    completion of all review actions due in or before it; the themes of its reviews."""
    reviews = list(case_reviews(board=board).order_by("reference"))
    decided = [r for r in reviews if _in(r.decision_on, year)]
    actual = {(r.pk, m.kind): m for r in reviews for m in r.milestones.all() if m.actual_on}
    signed_off = {pk: m.actual_on for (pk, kind), m in actual.items() if kind == "board_sign_off"}
    completed = [r for r in reviews if _in(signed_off.get(r.pk), year)]
    published = []
    for review in reviews:
        milestone = actual.get((review.pk, MilestoneKind.PUBLICATION))
        if milestone and _in(milestone.actual_on, year):
            published.append((review, milestone.actual_on, milestone.web_address))
    actions = list(scr_actions(board=board).filter(due_date__lte=year.end))
    ids = {r.pk for r in decided + completed}
    by_theme: dict = defaultdict(set)
    lessons = Lesson.objects.filter(board=board, review_id__in=ids).prefetch_related("themes")
    for lesson in lessons:
        for theme in lesson.themes.all():
            by_theme[theme.name].add(lesson.review_id)
    themes = {name: len(found) for name, found in by_theme.items()}
    return YearSummary(
        year=year,
        initiated=[r for r in decided if r.is_initiated],
        not_initiated=sum(not r.is_initiated for r in decided),
        completed=completed,
        published=published,
        actions_total=len(actions),
        actions_complete=sum(a.is_complete for a in actions),
        themes=sorted(themes.items(), key=lambda item: (-item[1], item[0])),
    )

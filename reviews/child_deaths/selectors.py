"""Reads for the Child Death Overview Panel, always scoped to one board.

Case records are for CDOP members only: views that show them check the role and log each
view (board.audit.log_access). Other apps use the annual statistics instead
(reviews.cdop_statistics.cdop_annual_statistics)."""

import statistics
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from board.models import Agency, Board, Role
from core.numbers import round_half_up
from core.periods import FinancialYear

from .models import AgencyForm, CdopCase, CdopRecommendation, Locality, RiskFactor

# Who reads and works the case records: the case pages and the API both ask this.
CDOP_ROLES = frozenset({Role.CDOP_MEMBER})


def cdop_cases(*, board: Board) -> QuerySet[CdopCase]:
    """The board's cases, with what the case list shows, in a constant number of queries."""
    return (
        CdopCase.objects.current()
        .filter(board=board)
        .annotate(
            forms_requested=Count("agency_forms", distinct=True),
            forms_outstanding=Count(
                "agency_forms",
                # A closed case waits for nothing, whatever never came.
                filter=Q(agency_forms__received_on__isnull=True, closed_on__isnull=True),
                distinct=True,
            ),
        )
        .order_by("-notified_on", "-number")
    )


def cdop_case_with_details(*, board: Board) -> QuerySet[CdopCase]:
    """For one case's page: its forms, risk factors and recommendations prefetched."""
    return CdopCase.objects.filter(board=board).prefetch_related(
        Prefetch("agency_forms", queryset=AgencyForm.objects.select_related("agency")),
        "risk_factors",
        Prefetch("recommendations", queryset=CdopRecommendation.objects.order_by("created_at")),
    )


def cdop_cases_reviewed_in(*, board: Board, year: FinancialYear) -> QuerySet[CdopCase]:
    return (
        CdopCase.objects.current()
        .filter(board=board, panel_review_on__gte=year.start, panel_review_on__lte=year.end)
        .select_related("locality")
    )


def cdop_cases_notified_in(*, board: Board, year: FinancialYear) -> QuerySet[CdopCase]:
    return CdopCase.objects.current().filter(
        board=board, notified_on__gte=year.start, notified_on__lte=year.end
    )


def cdop_cases_for_export(*, board: Board, year: FinancialYear) -> QuerySet[CdopCase]:
    """The year's cases: notified or reviewed by the panel in the year."""
    in_year = Q(notified_on__gte=year.start, notified_on__lte=year.end) | Q(
        panel_review_on__gte=year.start, panel_review_on__lte=year.end
    )
    return (
        CdopCase.objects.current()
        .filter(in_year, board=board)
        .select_related("locality")
        .prefetch_related("risk_factors", "recommendations")
        .order_by("number")
    )


def outstanding_agency_forms(*, board: Board) -> QuerySet[AgencyForm]:
    return (
        # A closed or removed case waits for nothing: its missing forms are not work.
        AgencyForm.objects.filter(
            board=board, received_on__isnull=True, case__closed_on=None, case__removed_on=None
        )
        .select_related("agency", "case")
        .order_by("requested_on")
    )


def agencies_for_forms(*, board: Board) -> QuerySet[Agency]:
    return Agency.objects.filter(board=board).order_by("name")


def risk_factor_choices(*, board: Board, chosen=()) -> QuerySet[RiskFactor]:
    """The factors a case can be given: the board's current list, plus any retired factor
    the case already has."""
    return RiskFactor.objects.filter(Q(is_active=True) | Q(pk__in=list(chosen)), board=board)


def localities(*, board: Board) -> QuerySet[Locality]:
    """The board's current list of areas of residence, in the board's order."""
    return Locality.objects.filter(board=board, is_active=True)


def locality_choices(*, board: Board, chosen=None) -> QuerySet[Locality]:
    """The areas a case can be given: the current list, plus a retired one it already has."""
    return Locality.objects.filter(Q(is_active=True) | Q(pk=chosen), board=board)


def available_years(*, board: Board, today: date | None = None) -> list[FinancialYear]:
    """Financial years from the first notification to the current one, newest first."""
    current = FinancialYear.containing(today or timezone.localdate())
    first = CdopCase.objects.current().filter(board=board).order_by("notified_on").first()
    start = FinancialYear.containing(first.notified_on) if first else current
    years = []
    year = current
    while year >= start:
        years.append(year)
        year = year.previous()
    return years


def review_deadline(date_of_death: date, months: int) -> date:
    """The last day on which a review counts as 'within N months of the death'."""
    return date_of_death + relativedelta(months=months)


def reviewed_within(case: CdopCase, months: int) -> bool:
    return bool(case.panel_review_on) and case.panel_review_on <= review_deadline(
        case.date_of_death, months
    )


@dataclass(frozen=True)
class ReviewTimeliness:
    reviewed: int
    within_target: int
    median_days: int | None


def review_timeliness(cases: list[CdopCase], months: int) -> ReviewTimeliness:
    days = [(case.panel_review_on - case.date_of_death).days for case in cases]
    return ReviewTimeliness(
        reviewed=len(cases),
        within_target=sum(reviewed_within(case, months) for case in cases),
        median_days=int(round_half_up(statistics.median(days))) if days else None,
    )

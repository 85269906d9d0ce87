"""Reads of the datasets app, always through the board."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import QuerySet

from board.models import Board
from core.periods import FinancialYear

from . import formatting, periods
from .models import ImportBatch, Indicator, Observation, Snapshot
from .services.compute import Calculator, Rule


def indicators_for(board: Board) -> QuerySet[Indicator]:
    return (
        Indicator.objects.filter(board=board)
        .select_related("numerator", "denominator", "source_agency")
        .prefetch_related("breakdown_sets")
    )


def snapshot_years(board: Board) -> list[FinancialYear]:
    years = Snapshot.objects.filter(board=board).values_list("year", flat=True)
    return [FinancialYear(y) for y in sorted(years, reverse=True)]


def snapshot_for(board: Board, year: FinancialYear | None) -> Snapshot | None:
    """The year's snapshot, or the latest year's when none is asked for."""
    snapshots = Snapshot.objects.filter(board=board)
    if year is not None:
        snapshots = snapshots.filter(year=year.start_year)
    return snapshots.order_by("-year").first()


def import_batches(board: Board) -> QuerySet[ImportBatch]:
    batches = ImportBatch.objects.filter(board=board).select_related("uploaded_by")
    return batches.defer("rows", "problems")  # a list of files, not their contents


@dataclass(frozen=True)
class LatestFigure:
    """An indicator's latest figure among the periods that end on or after a day."""

    indicator: Indicator
    period: str  # "Q2 2026/27"
    period_start: date
    value: Decimal
    display: str  # as the dashboard writes it: "41.2%"


def latest_figures(board: Board, *, since: date, until: date) -> list[LatestFigure]:
    """Each indicator's latest value (a ratio computed from its parts, as the dashboard
    does) for a period ending on or after `since` and starting by `until`, in the
    dashboard's order; indicators with no such figure are left out. Two queries."""
    indicators = list(Indicator.objects.filter(board=board).order_by("order", "name"))
    by_id = {i.id: i for i in indicators}
    totals: dict = defaultdict(dict)
    rows = Observation.objects.filter(
        board=board, category__isnull=True, period_start__gt=since - timedelta(days=366),
        period_start__lte=until,
    ).values_list("indicator_id", "period_start", "value")  # fmt: skip
    for indicator_id, start, value in rows:
        totals[indicator_id][start] = value
    calc, found = Calculator(totals), []
    for indicator in indicators:
        kind = indicator.period_type
        parts = (indicator.id, indicator.numerator_id, indicator.denominator_id)
        starts = sorted({s for part in parts for s in totals.get(part, {})}, reverse=True)
        rule = Rule.of(indicator, by_id)
        for start in starts:
            ends = periods.shift(start, kind, 1) - timedelta(days=1)
            value = calc.period_value(rule, start) if ends >= since else None
            if value is not None:
                shown = formatting.figure(value, indicator.unit, indicator.decimals)
                found.append(LatestFigure(indicator, periods.label(start, kind), start, value,
                                          shown))  # fmt: skip
                break
    return found

"""The data-quality checks: missing periods, breakdowns that do not add up, outliers
against the indicator's own history, and values changed after approval."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from statistics import mean, pstdev

from board.models import Board
from core.numbers import number
from core.periods import FinancialYear

from .. import periods
from ..models import Indicator, Observation

OUTLIER_SIGMAS = 3
OUTLIER_MIN_HISTORY = 4


@dataclass
class Finding:
    indicator: Indicator
    period: str
    detail: str


def _label(indicator: Indicator, start: date) -> str:
    return periods.label(start, indicator.period_type)


def quality_report(*, board: Board, year: FinancialYear, today: date | None = None) -> dict:
    indicators = {
        i.id: i for i in Indicator.objects.filter(board=board).prefetch_related("breakdown_sets")
    }
    totals: dict = defaultdict(dict)
    parts: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(Decimal)))
    changed = []
    rows = Observation.objects.filter(board=board, period_start__lte=year.end).select_related(
        "category"
    )
    for obs in rows.only(
        "indicator_id",
        "period_start",
        "category__category_set_id",
        "category__label",
        "value",
        "approved_value",
        "approved_at",
        "category_id",
    ):
        if obs.category_id is None:
            totals[obs.indicator_id][obs.period_start] = obs.value
        else:
            parts[obs.indicator_id][obs.period_start][obs.category.category_set_id] += obs.value
        if year.start <= obs.period_start and obs.changed_after_approval:
            changed.append((obs, indicators[obs.indicator_id]))
    return {
        "missing": _missing(indicators, totals, year, today or date.today()),
        "not_adding_up": _not_adding_up(indicators, totals, parts, year),
        "outliers": _outliers(indicators, totals, year),
        "changed_after_approval": [
            Finding(
                indicator,
                _label(indicator, obs.period_start)
                + (f" ({obs.category.label})" if obs.category else ""),
                f"approved {number(obs.approved_value, indicator.decimals)}, "
                f"now {number(obs.value, indicator.decimals)}",
            )
            for obs, indicator in changed
        ],
    }


def _missing(indicators, totals, year, today) -> list[Finding]:
    found = []
    for indicator in indicators.values():
        if indicator.is_computed:
            continue
        series = totals.get(indicator.id, {})
        for start in periods.periods_in_year(year, indicator.period_type):
            ended = periods.shift(start, indicator.period_type, 1) <= today
            if ended and indicator.is_valid_on(start) and start not in series:
                found.append(Finding(indicator, _label(indicator, start), "No total recorded"))
    return found


def _not_adding_up(indicators, totals, parts, year) -> list[Finding]:
    found = []
    for indicator_id, by_period in parts.items():
        indicator = indicators[indicator_id]
        if not indicator.breakdowns_add_up:
            continue
        names = {s.id: s.name for s in indicator.breakdown_sets.all()}
        for start, by_set in sorted(by_period.items()):
            total = totals.get(indicator_id, {}).get(start)
            if start < year.start:
                continue
            for set_id, subtotal in by_set.items():
                if total is None or subtotal != total:
                    found.append(
                        Finding(
                            indicator,
                            _label(indicator, start),
                            f"{names.get(set_id, 'Breakdown')} adds up to "
                            f"{number(subtotal, indicator.decimals)}, total is "
                            f"{number(total, indicator.decimals)}",
                        )
                    )
    return found


def _outliers(indicators, totals, year) -> list[Finding]:
    """A value more than three standard deviations from the mean of the indicator's
    earlier values (at least four of them)."""
    found = []
    for indicator_id, series in totals.items():
        indicator = indicators[indicator_id]
        history: list[Decimal] = []
        for start in sorted(series):
            value = series[start]
            if start >= year.start and len(history) >= OUTLIER_MIN_HISTORY:
                centre, spread = mean(history), pstdev(history)
                if spread and abs(value - centre) > OUTLIER_SIGMAS * spread:
                    found.append(
                        Finding(
                            indicator,
                            _label(indicator, start),
                            f"{number(value, indicator.decimals)} against an average "
                            f"of {number(centre, indicator.decimals)}",
                        )
                    )
            history.append(value)
    return found

"""Builds the JSON a dashboard snapshot holds for one board and financial year. Read once
from the database (a few queries for the whole board), then computed in memory."""

import uuid
from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db.models import CharField, Q
from django.db.models.functions import Cast

from board.models import Board
from core.numbers import percent, percentage
from core.periods import FinancialYear

from .. import formatting, periods
from ..benchmark_lines import lines_for, stretches_years
from ..models import (
    Benchmark,
    Comparator,
    Indicator,
    Missing,
    Observation,
    PeriodType,
    RollUp,
)
from .compute import Calculator, Rule, assessment, direction, rag

TREND_PERIODS = 8


def _s(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


class BoardData:
    """A board's catalogue and its observations near some financial years, held in memory:
    read once however many of its years are built from it."""

    def __init__(self, board: Board, years: list[FinancialYear]) -> None:
        self.indicators = list(
            Indicator.objects.filter(board=board)
            .select_related("source_agency")
            .prefetch_related("breakdown_sets__categories")
            .order_by("order", "name")  # themes appear in the order of their first indicator
        )
        self.by_id = {i.id: i for i in self.indicators}
        # Each indicator's breakdowns as plain lists: `.all()` on a prefetched relation
        # still builds a queryset, which cost more than the rest of an entry.
        self.breakdown_sets = {
            i.id: [(s, list(s.categories.all())) for s in i.breakdown_sets.all()]
            for i in self.indicators
        }
        yearly = [i.id for i in self.indicators if i.period_type == PeriodType.YEAR]
        first = min(years, key=lambda y: y.start_year)
        last = max(years, key=lambda y: y.start_year)
        recent = FinancialYear(first.start_year - 2).start
        oldest = FinancialYear(first.start_year - TREND_PERIODS).start
        window = Q(period_start__gte=recent) | Q(indicator_id__in=yearly, period_start__gte=oldest)
        # Breakdowns are shown for the year's latest period only: older parts stay unread.
        parts = Q(category__isnull=True) | Q(period_start__gte=first.start)
        rows = Observation.objects.filter(window, parts, board=board, period_start__lte=last.end)
        self.totals: dict = defaultdict(dict)
        self.parts: dict = defaultdict(lambda: defaultdict(dict))
        self.meta: dict = {}
        # Ids read as text and looked up: psycopg2 would build a UUID for every id of
        # every row, a third of a refresh's time.
        ids = {str(i.id): i.id for i in self.indicators}
        ids |= {
            str(c.id): c.id for sets in self.breakdown_sets.values() for _, cs in sets for c in cs
        }
        rows = rows.annotate(
            indicator_text=Cast("indicator_id", CharField()),
            category_text=Cast("category_id", CharField()),
        )
        for ind, start, cat, value, qualifier, high, status in rows.values_list(
            "indicator_text",
            "period_start",
            "category_text",
            "value",
            "qualifier",
            "value_high",
            "status",
        ):
            ind = ids.get(ind) or uuid.UUID(ind)
            if cat is None:
                self.totals[ind][start] = value
                self.meta[(ind, start)] = (qualifier, high, status)
            else:
                self.parts[ind][start][ids.get(cat) or uuid.UUID(cat)] = value
        self.benchmarks: dict = defaultdict(dict)
        for ind, comparator, period_type, start, value, missing in Benchmark.objects.filter(
            board=board, period_start__gte=oldest, period_start__lte=last.end
        ).values_list(
            "indicator_id", "comparator", "period_type", "period_start", "value", "missing"
        ):
            self.benchmarks[ind][(comparator, period_type, start)] = (value, missing)
        self.calc = Calculator(self.totals)


def build_snapshot(board: Board, year: FinancialYear) -> dict:
    return build_snapshots(board, [year])[year.start_year]


def build_snapshots(board: Board, years: list[FinancialYear]) -> dict[int, dict]:
    """The snapshots of several of the board's years from one read of its data: the same
    as building each alone (every figure a year shows lies inside the window read for
    it, and the window read here covers them all), at a fraction of the queries."""
    data = BoardData(board, years)
    return {year.start_year: _snapshot(data, year) for year in years}


def _snapshot(data: BoardData, year: FinancialYear) -> dict:
    themes: dict[str, list] = {}
    entries = {}
    for indicator in data.indicators:
        if not _valid_in(indicator, year):
            continue
        entry = indicator_entry(data, indicator, year)
        entries[str(indicator.id)] = entry
        themes.setdefault(indicator.theme, []).append(str(indicator.id))
    return {
        "year": year.slug,
        "year_label": year.label,
        "themes": [{"name": name, "indicators": ids} for name, ids in themes.items()],
        "indicators": entries,
    }


def _valid_in(indicator: Indicator, year: FinancialYear) -> bool:
    return (indicator.valid_from is None or indicator.valid_from <= year.end) and (
        indicator.valid_to is None or indicator.valid_to >= year.start
    )


def indicator_entry(data: BoardData, indicator: Indicator, year: FinancialYear) -> dict:
    rule = Rule.of(indicator, data.by_id)
    calc = data.calc
    kind = indicator.period_type
    in_year = periods.periods_in_year(year, kind)
    present = [p for p in in_year if calc.period_value(rule, p) is not None]
    latest = present[-1] if present else None
    anchor = latest or in_year[-1]

    def fig(value, qualifier="exact", high=None):
        return formatting.figure(value, indicator.unit, indicator.decimals, qualifier, high)

    def compare(before_value, current):
        move = direction(current, before_value)
        return {
            "value": _s(before_value),
            "display": fig(before_value),
            "change": formatting.change(
                None if move is None else current - before_value,
                indicator.unit,
                indicator.decimals,
            ),
            "direction": move,
            "assessment": assessment(move, indicator.polarity),
        }

    latest_value = calc.period_value(rule, latest) if latest else None
    qualifier, high, status = data.meta.get((indicator.id, latest), ("exact", None, None))
    ytd = calc.year_value(rule, year, upto=latest) if latest else None
    last_year_ytd = (
        calc.year_value(rule, year.previous(), upto=periods.same_period_last_year(latest))
        if latest
        else None
    )
    complete = len(present) == len(in_year)
    trend_starts = [periods.shift(anchor, kind, n) for n in range(1 - TREND_PERIODS, 1)]
    headline = ytd if (rule.rollup != RollUp.SUM or complete) else None
    entry = {
        "id": str(indicator.id),
        "code": indicator.code,
        "name": indicator.name,
        "theme": indicator.theme,
        "definition": indicator.definition,
        "notes": indicator.notes,
        "unit": indicator.unit,
        "unit_label": indicator.get_unit_display(),
        "decimals": indicator.decimals,
        "polarity": indicator.polarity,
        "polarity_label": indicator.get_polarity_display(),
        "period_type": kind,
        "rollup": indicator.rollup,
        "rollup_label": indicator.get_rollup_display(),
        "source_agency": indicator.source_agency.name if indicator.source_agency else "",
        "target": _s(indicator.target),
        "target_display": fig(indicator.target) if indicator.target is not None else "",
        "latest": None,
        "trend": [
            {
                "start": p.isoformat(),
                "label": periods.label(p, kind),
                "value": _s(calc.period_value(rule, p)),
            }
            for p in trend_starts
        ],
        # The comparators' lines over the trend's periods, drawn on its chart.
        "trend_benchmarks": lines_for(
            data.benchmarks.get(indicator.id, {}),
            kind,
            trend_starts,
            stretch=stretches_years(indicator),
        ),  # fmt: skip
        "table": _year_table(data, indicator, rule, year, in_year),
        "ytd": {"value": _s(ytd), "display": fig(ytd), "complete": complete},
        "ytd_last_year": compare(last_year_ytd, ytd) if latest else None,
        "rag": rag(headline, indicator.target, indicator.amber_margin, indicator.polarity),
        "benchmarks": _benchmarks(data, indicator, year, latest, fig),
        "breakdowns": _breakdowns(data, indicator, latest, fig) if latest else [],
    }
    if latest:
        entry["latest"] = {
            "start": latest.isoformat(),
            "label": periods.label(latest, kind),
            "value": _s(latest_value),
            "display": fig(latest_value, qualifier, high),
            "status": status or "computed",
        }
        previous = periods.shift(latest, kind, -1)
        entry["previous"] = compare(calc.period_value(rule, previous), latest_value)
        entry["previous"]["label"] = periods.label(previous, kind)
        same = periods.same_period_last_year(latest)
        entry["last_year"] = compare(calc.period_value(rule, same), latest_value)
        entry["last_year"]["label"] = periods.label(same, kind)
    return entry


def _year_table(data, indicator, rule, year, in_year) -> list[dict]:
    rows = []
    for start in in_year:
        value = data.calc.period_value(rule, start)
        qualifier, high, status = data.meta.get((indicator.id, start), ("exact", None, None))
        ytd = data.calc.year_value(rule, year, upto=start) if value is not None else None
        rows.append(
            {
                "label": periods.label(start, indicator.period_type),
                "value": _s(value),
                "display": formatting.figure(
                    value, indicator.unit, indicator.decimals, qualifier, high
                ),
                "ytd": formatting.figure(ytd, indicator.unit, indicator.decimals),
                "status": (status or "computed") if value is not None else "",
            }
        )
    return rows


def _benchmarks(data, indicator, year, latest: date | None, fig) -> list[dict]:
    found = data.benchmarks.get(indicator.id, {})
    result = []
    for comparator in Comparator:
        candidates = []
        if latest:
            candidates.append((comparator.value, indicator.period_type, latest))
        candidates.append((comparator.value, PeriodType.YEAR, year.start))
        candidates.append((comparator.value, PeriodType.YEAR, year.previous().start))
        for key in candidates:
            if key in found:
                label = periods.label(key[2], key[1])
                value, missing = found[key]
                result.append(
                    {
                        "comparator": comparator.label,
                        "period": label,
                        "value": _s(value),
                        # A suppressed figure says so; it is never shown as 0.
                        "display": Missing(missing).label if missing else fig(value),
                    }
                )
                break
    return result


def _breakdowns(data, indicator, latest: date, fig) -> list[dict]:
    values = data.parts.get(indicator.id, {}).get(latest, {})
    total = data.totals.get(indicator.id, {}).get(latest)
    result = []
    for category_set, categories in data.breakdown_sets[indicator.id]:
        rows = []
        found = False
        subtotal = Decimal(0)
        for category in categories:
            value = values.get(category.id)
            found = found or value is not None
            subtotal += value or 0
            share = percentage(value, total) if value is not None and total else None
            rows.append(
                {
                    "label": category.label,
                    "value": _s(value),
                    "display": fig(value),
                    "share": percent(share),
                }
            )
        if not found:
            continue
        adds_up = total is None or subtotal == total
        result.append(
            {
                "name": category_set.name,
                "rows": rows,
                "subtotal": fig(subtotal),
                "total": fig(total),
                "adds_up": adds_up,
                "must_add_up": indicator.breakdowns_add_up,
            }
        )
    return result

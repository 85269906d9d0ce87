"""The arithmetic of the dataset section, in three queries whatever the number of
indicators: the board's indicators, the observations of two years, the benchmarks."""

from collections import defaultdict
from datetime import date

from core.periods import FinancialYear
from datasets import periods
from datasets.charts import describe, form_for, line_chart, suffix_for
from datasets.models import Benchmark, Indicator, Observation
from datasets.services.compute import Calculator, Rule


def gather_indicators(report, section, codes: list[str]) -> dict:
    by_id = {i.id: i for i in Indicator.objects.filter(board=report.board)}
    chosen = sorted(
        (i for i in by_id.values() if i.code in codes), key=lambda i: codes.index(i.code)
    )
    year, last = report.year, report.year.previous()
    observations = Observation.objects.filter(
        board=report.board, period_start__gte=last.start, period_start__lte=year.end
    ).select_related("category__category_set")
    totals: dict = defaultdict(dict)
    by_category: dict = defaultdict(lambda: defaultdict(dict))
    for obs in observations:
        if obs.category_id is None:
            totals[obs.indicator_id][obs.period_start] = obs.value
        else:
            by_category[obs.indicator_id][obs.category][obs.period_start] = obs.value
    benchmarks = defaultdict(list)
    for bench in Benchmark.objects.filter(
        board=report.board,
        indicator__in=chosen,
        value__isnull=False,  # a suppressed or unpublished comparator is left out of print
        period_start__gte=year.start,
        period_start__lte=year.end,
    ).order_by("comparator", "period_start"):
        benchmarks[bench.indicator_id].append(
            {"comparator": bench.get_comparator_display(), "value": bench.value}
        )
    calc = Calculator(totals)
    wanted = (section.config or {}).get("chart", True) not in (False, "no", "false")
    rows = []
    for number, indicator in enumerate(chosen, 1):
        rule = Rule.of(indicator, by_id)
        row = _indicator_row(indicator, rule, calc, year)
        row["benchmarks"] = benchmarks.get(indicator.id, [])
        row["breakdowns"] = _breakdowns(by_category.get(indicator.id, {}), rule, year)
        if wanted and row["form"] == "line":
            chart_id = f"chart-{section.id.hex[:8]}-{number}"
            points = [(p["label"], p["value"]) for p in row["periods"]]
            row["chart"] = _chart(chart_id, indicator, points, year)
        rows.append(row)
    unknown = [code for code in codes if code not in {i.code for i in chosen}]
    return {"indicators": rows, "unknown_codes": unknown, "year": year.label, "last": last.label}


def _indicator_row(indicator, rule, calc: Calculator, year: FinancialYear) -> dict:
    starts = periods.periods_in_year(year, indicator.period_type)
    points = [
        (periods.label(start, indicator.period_type), calc.period_value(rule, start))
        for start in starts
    ]
    known = [{"label": label, "value": value} for label, value in points if value is not None]
    return {
        "code": indicator.code,
        "name": indicator.name,
        "unit": indicator.get_unit_display(),
        "suffix": suffix_for(indicator.unit),
        # How it is printed: "none" is one sentence, "figure" the one value and its
        # period, "line" a chart and a table.
        "form": form_for(points),
        "figure": known[0] if known else None,
        "periods": [{"label": label, "value": value} for label, value in points],
        "missing_periods": [label for label, value in points if value is None],
        "year_value": calc.year_value(rule, year),
        "last_year_value": calc.year_value(rule, year.previous()),
    }


def _breakdowns(categories: dict, rule, year: FinancialYear) -> list[dict]:
    rows = []
    if rule.rollup == "ratio":
        return rows  # a ratio's breakdown needs its parts' breakdowns: not shown
    for category in sorted(categories, key=lambda c: (c.category_set.name, c.order, c.label)):
        series: dict[date, object] = categories[category]
        value = Calculator({rule.id: series}).year_value(rule, year)
        rows.append({"set": category.category_set.name, "label": category.label, "value": value})
    return rows


def _chart(chart_id: str, indicator, points, year) -> dict:
    """The datasets app's line chart: the dashboards' own, so a figure looks the same."""
    title = f"{indicator.name} by period, {year.label}"
    svg = line_chart(points, chart_id=chart_id, title=title, unit=indicator.unit,
                     target=indicator.target)  # fmt: skip
    return {"svg": str(svg), "alt": describe(points, suffix_for(indicator.unit))}

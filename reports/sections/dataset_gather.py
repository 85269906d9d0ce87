"""The arithmetic of the dataset section, in three queries whatever the number of
indicators: the board's indicators, the observations of two years, the benchmarks."""

from collections import defaultdict
from datetime import date

from core.periods import FinancialYear
from datasets import periods
from datasets.benchmark_lines import lines_for, stretches_years, year_value
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
    benchmarks, found = defaultdict(list), defaultdict(dict)
    for bench in Benchmark.objects.filter(
        board=report.board,
        indicator__in=chosen,
        period_start__gte=year.start,
        period_start__lte=year.end,
    ).order_by("comparator", "period_start"):
        key = (bench.comparator, bench.period_type, bench.period_start)
        found[bench.indicator_id][key] = (bench.value, bench.missing)
        if bench.value is not None:  # a suppressed comparator is no headline figure
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
        row["benchmark_lines"] = _benchmark_lines(found.get(indicator.id, {}), indicator, year)
        for i, period in enumerate(row["periods"]):  # the table's row of each period
            period["benchmarks"] = [line["cells"][i] for line in row["benchmark_lines"]]
        row["breakdowns"] = _breakdowns(by_category.get(indicator.id, {}), rule, year)
        if wanted and row["form"] == "line":
            chart_id = f"chart-{section.id.hex[:8]}-{number}"
            points = [(p["label"], p["value"]) for p in row["periods"]]
            row["chart"] = _chart(chart_id, indicator, points, year, row["benchmark_lines"])
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


def _benchmark_lines(found: dict, indicator, year: FinancialYear) -> list[dict]:
    """Each comparator's line over the year's periods, with its figure for the year, for
    the chart and the table beside it (a suppressed figure is a gap with its reason)."""
    starts = periods.periods_in_year(year, indicator.period_type)
    lines = lines_for(found, indicator.period_type, starts, stretch=stretches_years(indicator))
    for line in lines:
        line["cells"] = [
            {"value": v, "missing": m} for v, m in zip(line["values"], line["missing"], strict=True)
        ]
        value, missing = year_value(found, line["key"], year)
        line["year"] = {"value": value, "missing": missing}
    return lines


def _chart(chart_id: str, indicator, points, year, benchmark_lines=()) -> dict:
    """The datasets app's line chart: the dashboards' own, so a figure looks the same."""
    title = f"{indicator.name} by period, {year.label}"
    svg = line_chart(points, chart_id=chart_id, title=title, unit=indicator.unit,
                     target=indicator.target, benchmarks=benchmark_lines)  # fmt: skip
    return {"svg": str(svg), "alt": describe(points, suffix_for(indicator.unit))}

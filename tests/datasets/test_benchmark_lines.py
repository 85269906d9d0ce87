"""Benchmark lines: England, the region and the statistical neighbours drawn on the
dashboard's and the report's line charts as distinct, labelled lines (dash pattern and
marker shape, so greyscale tells them apart), with a key and their values in the table
beside the chart; a suppressed or unpublished benchmark is a gap, never 0."""

import re
from datetime import date
from decimal import Decimal

from django.urls import reverse

from datasets import charts
from datasets.benchmark_lines import lines_for
from datasets.models import Benchmark
from datasets.services.snapshots import snapshot_refresh
from reports.rendering import gather_section, render_section_html
from tests.reports.factories import dataset, report_for, set_section

from .factories import catalogue, load
from .test_charts import lightness

POINTS = [("Q1 2014/15", "380"), ("Q2 2014/15", "392"), ("Q3 2014/15", "401")]
LINES = [
    {"key": "england", "label": "England", "values": ["410", "420", "430"],
     "missing": ["", "", ""]},
    {"key": "region", "label": "Region", "values": ["300", None, "320"],
     "missing": ["", "Suppressed (a small number)", ""]},
    {"key": "statistical_neighbours", "label": "Statistical neighbours",
     "values": ["350", "355", None], "missing": ["", "", ""]},
]  # fmt: skip
Q1, Q2 = date(2014, 4, 1), date(2014, 7, 1)


def polylines(svg: str) -> list[tuple[str, str]]:
    """(points, dash pattern) of each polyline drawn."""
    found = re.findall(r'<polyline points="([^"]+)"[^>]*?(?:stroke-dasharray="([^"]+)")?/>', svg)
    return found


def test_each_benchmark_is_its_own_dashed_line_with_markers_and_named_in_the_key():
    svg = str(charts.line_chart(POINTS, chart_id="b", title="Plans", benchmarks=LINES))
    dashes = [dash for _, dash in polylines(svg)]
    for key in ("england", "region", "statistical_neighbours"):
        assert charts.BENCHMARK_STYLES[key][1] in dashes
    texts = re.findall(r"<text [^>]*>([^<]+)</text>", svg)
    assert {"This board", "England", "Region", "Statistical neighbours"} <= set(texts)
    assert "<rect" in svg and "<polygon" in svg  # square, triangle and diamond markers
    assert "style=" not in svg and "<script" not in svg
    # The text alternative names each benchmark's values, and why one is missing.
    assert "England: Q1 2014/15: 410; Q2 2014/15: 420; Q3 2014/15: 430" in svg
    assert "Region: Q1 2014/15: 300; Q2 2014/15: suppressed; Q3 2014/15: 320" in svg
    # The axis covers the benchmarks too.
    ticks = re.findall(r'text-anchor="end"[^>]*>([\d,.]+)</text>', svg)
    assert float(ticks[-1].replace(",", "")) >= 430


def test_a_suppressed_benchmark_is_a_gap_never_zero():
    svg = str(charts.line_chart(POINTS, chart_id="b", title="Plans", benchmarks=LINES))
    region_dash = charts.BENCHMARK_STYLES["region"][1]
    region_runs = [points for points, dash in polylines(svg) if dash == region_dash]
    # Two runs of one point each (Q1, Q3) for the line, and the key's sample.
    plotted = [r for r in region_runs if len(r.split()) == 1]
    assert len(plotted) == 2
    # A line at 0 would sit on the axis's foot: nothing is drawn there.
    foot = re.search(r'<text x="50\.0" y="([\d.]+)" text-anchor="end"[^>]*>0</text>', svg)
    if foot:
        assert f",{float(foot.group(1)) - 4:.1f}" not in " ".join(region_runs)


def test_without_benchmarks_the_chart_is_unchanged():
    plain = str(charts.line_chart(POINTS, chart_id="b", title="Plans", target="390"))
    assert plain == str(charts.line_chart(POINTS, chart_id="b", title="Plans", target="390",
                                          benchmarks=()))  # fmt: skip
    assert "This board" not in plain


def test_the_benchmark_styles_differ_from_each_other_and_from_the_values_and_target():
    dashes = [dash for _, dash, _ in charts.BENCHMARK_STYLES.values()]
    series = [dash for _, dash in charts.SERIES_STYLES]
    assert len(set(dashes + series)) == len(dashes) + len(series)
    assert len({marker for _, _, marker in charts.BENCHMARK_STYLES.values()}) == 3
    for colour, _, _ in charts.BENCHMARK_STYLES.values():
        assert abs(lightness(colour) - lightness(charts.LIGHT)) >= 30


def test_lines_for_keeps_the_reason_and_stretches_a_year_only_for_levels():
    found = {
        ("england", "year", date(2014, 4, 1)): (Decimal("41.2"), ""),
        ("region", "quarter", Q2): (None, "suppressed"),
    }
    lines = lines_for(found, "quarter", [Q1, Q2], stretch=True)
    assert [line["label"] for line in lines] == ["England", "Region"]
    assert lines[0]["values"] == ["41.2", "41.2"]
    assert lines[1]["values"] == [None, None]
    assert lines[1]["missing"] == ["", "Suppressed (a small number)"]
    flows = lines_for(found, "quarter", [Q1, Q2], stretch=False)
    assert [line["label"] for line in flows] == ["Region"]  # a year's total is not a quarter's


def test_the_dashboards_chart_and_table_show_the_benchmarks(board, lay_member, client_for):
    indicators = catalogue(board)
    plans = indicators["cp_plans"]
    load(
        board, [["cp_plans", "2014-15 Q1", "total", 380], ["cp_plans", "2014-15 Q2", "total", 392]]
    )
    Benchmark.objects.create(
        board=board,
        indicator=plans,
        comparator="england",
        period_type="year",
        period_start=Q1,
        value=Decimal("410"),
    )
    Benchmark.objects.create(
        board=board,
        indicator=plans,
        comparator="region",
        period_type="quarter",
        period_start=Q2,
        missing="suppressed",
    )
    snapshot_refresh(board=board, year=2014)
    page = (
        client_for(lay_member)
        .get(
            reverse("datasets:indicator-detail", kwargs={"board_slug": board.slug, "pk": plans.pk})
        )
        .content.decode()
    )
    chart = page[page.index('id="trend-cp_plans"') : page.index("</svg>")]
    assert charts.BENCHMARK_STYLES["england"][1] in chart and ">England</text>" in chart
    assert "Region: " in chart and "suppressed" in chart
    table = page[page.index("the figures in the chart") : page.index("</table>")]
    assert ">England</th>" in table and ">Region</th>" in table
    assert "410" in table and "Suppressed (a small number)" in table
    assert not re.search(r">0</td>", table)


def test_the_reports_chart_and_table_show_the_benchmarks(board):
    indicator = dataset(board, code="plans", name="Children on a plan", values=(100, 110, 120, 130))
    england = [
        (date(2014, 4, 1), "95", ""), (date(2014, 7, 1), None, "suppressed"),
        (date(2014, 10, 1), "99", ""), (date(2015, 1, 1), "101", ""),
    ]  # fmt: skip
    for quarter, value, missing in england:
        Benchmark.objects.create(board=board, indicator=indicator, comparator="england",
                                 period_type="quarter", period_start=quarter, value=value,
                                 missing=missing)  # fmt: skip
    report = report_for(board)
    section = set_section(report, "dataset", config={"indicators": "plans", "chart": True})
    html = render_section_html(report, gather_section(report, section))
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert ">England</text>" in svg and charts.BENCHMARK_STYLES["england"][1] in svg
    table = html[html.index("<table") : html.index("</table>")]
    assert '<th scope="row">England</th>' in table
    assert "Suppressed (a small number)" in table and ">95<" in table
    assert '<th scope="row">This board</th>' in table

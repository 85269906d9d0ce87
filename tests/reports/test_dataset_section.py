"""The dataset section prints what the records hold: one sentence for an indicator with no
figure, the figure itself for one value, a chart with round ticks and a table for more."""

import re

from reports.rendering import gather_section, render_section_html

from .factories import dataset, report_for, set_section


def shown(board, codes: str) -> str:
    report = report_for(board)  # the short review: "Key figures" is its dataset section
    section = set_section(report, "dataset", config={"indicators": codes, "chart": True})
    return render_section_html(report, gather_section(report, section))


def indicator_html(html: str, name: str) -> str:
    start = html.index(f"<h3>{name}</h3>")
    return html[start : html.find('<div class="indicator', start)]


def test_an_indicator_with_no_figure_for_the_year_is_one_sentence(board):
    dataset(board, code="lac", name="Looked after children", values=(), last_year=())
    html = indicator_html(shown(board, "lac"), "Looked after children")
    assert "No figure was recorded for 2014/15." in html
    assert "<svg" not in html and "<table" not in html and "Not recorded" not in html


def test_no_figure_this_year_still_names_last_years(board):
    dataset(board, code="lac", name="Looked after children", values=(), last_year=(5, 6, 7, 8))
    html = indicator_html(shown(board, "lac"), "Looked after children")
    assert "No figure was recorded for 2014/15 (2013/14: 26)." in html


def test_a_single_yearly_value_is_printed_as_the_figure_not_a_chart(board):
    dataset(board, code="child_population", name="Child population", period_type="year",
            values=(92_000,), last_year=(90_500,))  # fmt: skip
    html = indicator_html(shown(board, "child_population"), "Child population")
    assert '<span class="key-figure__value">92,000</span>' in html
    assert '<span class="key-figure__period">2014/15</span>' in html
    assert "2013/14: 90,500." in html
    assert "<svg" not in html and "<table" not in html


def test_one_quarter_of_four_is_the_figure_and_names_the_missing_quarters(board):
    dataset(board, code="pf", name="Private fostering", values=(None, 7, None, None),
            unit="percentage")  # fmt: skip
    html = indicator_html(shown(board, "pf"), "Private fostering")
    assert '<span class="key-figure__value">7%</span>' in html
    assert '<span class="key-figure__period">Q2 2014/15</span>' in html
    assert "No figure was recorded for Q1 2014/15, Q3 2014/15 or Q4 2014/15." in html
    assert "<svg" not in html


def test_several_values_are_a_line_with_round_ticks_and_the_table(board):
    dataset(board, values=(100, 110, 120, 130))
    html = shown(board, "referrals")
    assert html.count("<svg") == 1 and "<table" in html
    ticks = re.findall(r'text-anchor="end"[^>]*>([\d,.]+)</text>', html)
    assert ticks == ["0", "20", "40", "60", "80", "100", "120", "140"]


def test_the_forms_side_by_side_in_one_section(board):
    dataset(board, code="none", name="Nothing yet", values=(), last_year=())
    dataset(board, code="one", name="One value", period_type="year", values=(5,))
    dataset(board, code="many", name="Many values")
    html = shown(board, "none, one, many")
    assert html.count("<svg") == 1
    assert html.count('class="indicator indicator--none"') == 1
    assert html.count('class="indicator indicator--figure"') == 1
    assert html.count('class="indicator indicator--line"') == 1

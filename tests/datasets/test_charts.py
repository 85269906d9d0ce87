"""Charts: SVG with a text alternative, no inline style or script, text escaped."""

import re

import pytest

from datasets import charts

POINTS = [("Q1 2014/15", "392"), ("Q2 2014/15", None), ("Q3 2014/15", "361.0000")]


@pytest.mark.parametrize(
    "draw",
    [
        lambda: charts.sparkline(POINTS, chart_id="s", title="Plans <b>"),
        lambda: charts.line_chart(POINTS, chart_id="s", title="Plans <b>", target="380"),
        lambda: charts.bar_chart(POINTS, chart_id="s", title="Plans <b>"),
    ],
)
def test_each_chart_has_a_title_and_description_and_obeys_the_csp(draw):
    svg = str(draw())
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert 'aria-labelledby="s-title s-desc"' in svg
    assert '<title id="s-title">Plans &lt;b&gt;</title>' in svg
    assert "Q1 2014/15: 392; Q2 2014/15: no data; Q3 2014/15: 361" in svg
    assert not re.search(r"style=|<script|on\w+=", svg)


def test_a_missing_period_is_a_gap_in_the_line():
    svg = str(charts.line_chart(POINTS, chart_id="g", title="t"))
    assert svg.count("<polyline") == 2  # two runs of one point each, not joined across


def test_the_target_is_drawn_and_named():
    svg = str(charts.line_chart(POINTS, chart_id="t", title="t", target="80", suffix="%"))
    assert "Target 80%" in svg and 'stroke-dasharray="6 4"' in svg

"""Charts: SVG with a text alternative, no inline style or script, text escaped; the form
follows the data, axes have round ticks, labels never run together, and the marks can be
told apart in greyscale."""

import re
from decimal import Decimal

import pytest

from datasets import charts

POINTS = [("Q1 2014/15", "392"), ("Q2 2014/15", None), ("Q3 2014/15", "361.0000")]
MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]


def months(count: int) -> list[tuple[str, int]]:
    """`count` monthly points from April 2012, labelled as the dataset labels them."""
    return [(f"{MONTHS[n % 12]} {2012 + (n + 3) // 12}", 100 + n * 7) for n in range(count)]


def ticks_drawn(svg: str) -> list[str]:
    """The y-axis labels: the texts anchored at the end, left of the plot."""
    return re.findall(r'<text x="50\.0" y="[\d.]+" text-anchor="end"[^>]*>([^<]+)</text>', svg)


def x_labels(svg: str) -> list[tuple[float, str]]:
    return [
        (float(x), text)
        for x, text in re.findall(r'<text x="([\d.]+)" y="250\.0" [^>]*>([^<]+)</text>', svg)
    ]


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


def test_the_target_is_drawn_dashed_and_named():
    svg = str(charts.line_chart(POINTS, chart_id="t", title="t", target="80", unit="percentage"))
    assert "Target 80%" in svg and 'stroke-dasharray="6 4"' in svg


@pytest.mark.parametrize(
    ("points", "form"),
    [
        ([("2014/15", None)], "none"),
        ([("Q1 2014/15", None), ("Q2 2014/15", None)], "none"),
        ([("2014/15", "92000")], "figure"),
        ([("Q1 2014/15", None), ("Q2 2014/15", "392")], "figure"),
        ([("Q1 2014/15", "0"), ("Q2 2014/15", "392")], "line"),  # zero is a value
    ],
)
def test_the_form_follows_the_data(points, form):
    assert charts.form_for(points) == form


ROUND_STEPS = {Decimal(f) * Decimal(10) ** e for f in (1, 2, 5) for e in range(-3, 7)}


@pytest.mark.parametrize(
    "top", [1, 3, 7, 10, 12, 48, 99, 100, 101, 349, 999, 1001, 4_321, 28_549, 92_000, 100_000]
)
@pytest.mark.parametrize("unit", ["count", "percentage", "rate", "days"])
def test_ticks_are_round_steps_from_zero_that_cover_the_values(top, unit):
    ticks = charts.axis_ticks(0, top, unit=unit)
    steps = {b - a for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1 and steps <= ROUND_STEPS, ticks
    assert ticks[0] == 0 and ticks[-1] >= top and ticks[-2] < top
    assert 2 <= len(ticks) <= charts.MOST_INTERVALS + 1


@pytest.mark.parametrize("top", ["0.08", "0.8", "2.5", "12.5", "33.3"])
def test_a_small_percentage_has_round_fractional_ticks(top):
    ticks = charts.axis_ticks(0, Decimal(top), unit="percentage")
    steps = {b - a for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1 and steps <= ROUND_STEPS and ticks[-1] >= Decimal(top), ticks


@pytest.mark.parametrize("top", [0, 1, 2, 3, 4, 5, 6, 7])
def test_a_small_count_has_whole_ticks_not_fractions(top):
    ticks = charts.axis_ticks(0, top, unit="count")
    assert all(tick == tick.to_integral_value() for tick in ticks), ticks
    svg = str(charts.line_chart([("Q1", top), ("Q2", top)], chart_id="c", title="t"))
    assert not any("." in label for label in ticks_drawn(svg))


def test_a_count_axis_starts_at_zero_and_a_narrow_percentage_may_not():
    assert charts.axis_ticks(900, 1000, unit="count")[0] == 0
    assert charts.axis_ticks(82, 91, unit="percentage") == [82, 84, 86, 88, 90, 92]


def test_a_chart_of_counts_labels_its_axis_with_round_numbers():
    svg = str(charts.line_chart([("2013/14", 90_000), ("2014/15", 92_000)], chart_id="y",
                                title="t"))  # fmt: skip
    assert ticks_drawn(svg) == ["0", "20,000", "40,000", "60,000", "80,000", "100,000"]


@pytest.mark.parametrize("count", [4, 12, 40])
def test_period_labels_never_run_into_each_other(count):
    svg = str(charts.line_chart(months(count), chart_id="m", title="t"))
    labels = x_labels(svg)
    assert labels[-1][1] == months(count)[-1][0]  # the latest period is always named
    for (x1, a), (x2, b) in zip(labels, labels[1:], strict=False):
        half_widths = (len(a) + len(b)) / 2 * 11 * charts.CHAR_WIDTH
        assert x2 - x1 > half_widths, (a, b)


def test_forty_periods_are_thinned_and_four_are_all_named():
    assert len(x_labels(str(charts.line_chart(months(4), chart_id="m", title="t")))) == 4
    assert 4 <= len(x_labels(str(charts.line_chart(months(40), chart_id="m", title="t")))) < 20


def lightness(colour: str) -> float:
    """CIE L* (0 black to 100 white): how light a colour prints in greyscale."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 116 * luminance ** (1 / 3) - 16 if luminance > 0.008856 else 903.3 * luminance


def test_the_marks_differ_in_greyscale_and_not_by_colour_alone():
    shades = [lightness(colour) for colour, _ in charts.SERIES_STYLES]
    shades.append(lightness(charts.LIGHT))  # and each stands out from the background
    for i, a in enumerate(shades):
        for b in shades[i + 1 :]:
            assert abs(a - b) >= 30, shades
    assert len({dash for _, dash in charts.SERIES_STYLES}) == len(charts.SERIES_STYLES)

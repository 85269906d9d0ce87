"""Charts as SVG, built on the server: the one chart module of the service, used by the
dashboards and by the PDF annual report (WeasyPrint renders inline SVG).

Choice: hand-built SVG rather than a plotting library. The charts are few and simple
(a sparkline, a line chart, horizontal bars); hand-built markup is small (a few KB per
chart), needs no dependency, is identical in the browser and in the PDF, and lets every
chart carry its own text alternative. The markup obeys the site's Content-Security-Policy:
no scripts and no style attributes, only SVG presentation attributes (fill=, stroke=).

Every chart has a <title> and a <desc> that states the values, referenced by
aria-labelledby, and the values are also marked by shape and text, not colour alone.
Values may be Decimal, str or None (a gap). All text is escaped.

The form follows the data (`form_for`): nothing recorded is a sentence, one value is a
figure (the number and its period), only two or more values make a line. The report is
printed in black and white as often as in colour, so the marks of a chart differ in
lightness as well as hue, and the target is also dashed and labelled in words.
"""

import math
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe

INK = "#0b0c0c"  # CIE lightness about 3
BLUE = "#1d70b8"  # about 46
GREY = "#b1b4b6"  # about 73: grid lines only
LIGHT = "#f3f2f1"  # about 96: the plot's background
# The bundled typeface (static/css/fonts.css), as the pages and the PDF use it; Arimo is
# metric-compatible with Arial.
FONT = 'font-family="LSCB Arimo, Arial, sans-serif"'
# The marks a reader must tell apart, each with its colour and dash pattern: the values
# (solid blue) and the target (dashed ink). tests/datasets/test_charts.py checks that
# their lightness differs in greyscale, from each other and from the background.
VALUES_STYLE = (BLUE, "")
TARGET_STYLE = (INK, "6 4")
SERIES_STYLES = (VALUES_STYLE, TARGET_STYLE)
# Benchmarks (datasets/benchmark_lines.py), each its own dash pattern and marker shape, so
# that in greyscale they are told apart by pattern and shape (all print dark on the light
# plot), from each other and from the values and the target; the key names each.
BENCHMARK_STYLES = {
    "england": ("#0b0c0c", "12 4 2 4", "square"),
    "region": ("#4c2c92", "2 3", "triangle"),
    "statistical_neighbours": ("#942514", "8 3", "diamond"),
}

UNIT_SUFFIX = {"percentage": "%", "days": " days", "rate": " per 10,000"}
# Units that are amounts of something: their axis starts at zero, so a line's height is
# its size. A count is also whole, so its axis never has a tick between two numbers.
FROM_ZERO_UNITS = {"count", "days", "pounds"}
WHOLE_UNITS = {"count"}
MOST_INTERVALS = 8
CHAR_WIDTH = 0.6  # of the font size: a generous average for Arial, so labels never touch


def suffix_for(unit: str) -> str:
    return UNIT_SUFFIX.get(unit, "")


def _num(value) -> float | None:
    if value is None or value == "":
        return None
    return float(Decimal(str(value)))


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def form_for(points) -> str:
    """How a series is best shown: "none" (nothing recorded: say so in a sentence),
    "figure" (one value: the number and its period) or "line" (two values or more)."""
    known = sum(_num(value) is not None for _, value in points)
    return "none" if known == 0 else "figure" if known == 1 else "line"


def axis_ticks(low: float, high: float, *, unit: str = "count") -> list[Decimal]:
    """Round tick values covering low..high: steps of 1, 2 or 5 times a power of ten, at
    most MOST_INTERVALS of them; from zero for amounts, whole steps for counts."""
    low_d, high_d = Decimal(str(low)), Decimal(str(high))
    if unit in FROM_ZERO_UNITS or low_d >= 0 and low_d < high_d / 2:
        low_d, high_d = min(low_d, Decimal(0)), max(high_d, Decimal(0))
    if high_d == low_d:
        high_d = low_d + 1
    exponent = math.floor(math.log10(float(high_d - low_d) / MOST_INTERVALS))
    if unit in WHOLE_UNITS:
        exponent = max(exponent, 0)
    while True:
        for factor in (1, 2, 5):
            step = Decimal(factor).scaleb(exponent)
            first = (low_d / step).to_integral_value(rounding=ROUND_FLOOR)
            last = (high_d / step).to_integral_value(rounding=ROUND_CEILING)
            if last - first <= MOST_INTERVALS:
                return [(first + n) * step for n in range(int(last - first) + 1)]
        exponent += 1


def _tick_label(tick: Decimal, step: Decimal) -> str:
    places = max(-step.normalize().as_tuple().exponent, 0)
    return f"{tick:,.{places}f}"


def thinned(count: int, slot: float, widest: float) -> list[int]:
    """Which of `count` evenly spaced labels to write so that none runs into the next:
    every k-th, counted back from the last (the latest period is always named)."""
    every = max(math.ceil((widest + 6) / slot), 1) if slot > 0 else 1
    return [i for i in range(count) if (count - 1 - i) % every == 0]


def _text_width(text: str, size: int) -> float:
    return len(text) * size * CHAR_WIDTH


def _open(chart_id: str, width: int, height: int, title: str, desc: str) -> list[str]:
    cid = escape(chart_id)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="lscb-chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{cid}-title {cid}-desc" id="{cid}">',
        f'<title id="{cid}-title">{escape(title)}</title>',
        f'<desc id="{cid}-desc">{escape(desc)}</desc>',
    ]


def _text(x: float, y: float, text: str, *, size: int, anchor: str = "middle",
          colour: str = INK) -> str:  # fmt: skip
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" {FONT} '
        f'fill="{colour}">{escape(text)}</text>'
    )


def describe(points: list[tuple[str, object]], suffix: str = "") -> str:
    """The values in words: 'Q1 2014/15: 348; Q2 2014/15: no data'."""
    parts = []
    for label, value in points:
        number = _num(value)
        parts.append(f"{label}: {'no data' if number is None else _fmt(number) + suffix}")
    return "; ".join(parts)


def sparkline(
    points, *, chart_id: str, title: str, width: int = 128, height: int = 36, unit: str = ""
) -> SafeString:
    """A small trend line; the latest value is marked with a dot."""
    values = [_num(v) for _, v in points]
    known = [v for v in values if v is not None]
    out = _open(chart_id, width, height, title, describe(points, suffix_for(unit)))
    if known:
        low, high = min(known), max(known)
        span = (high - low) or 1.0
        step = (width - 8) / max(len(values) - 1, 1)
        coords = [
            None if v is None else (4 + i * step, height - 4 - (v - low) / span * (height - 8))
            for i, v in enumerate(values)
        ]
        out.append(_polyline(coords, VALUES_STYLE, 2))
        last = next((c for c in reversed(coords) if c is not None), None)
        if last:
            out.append(f'<circle cx="{last[0]:.1f}" cy="{last[1]:.1f}" r="3" fill="{INK}"/>')
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped


def _polyline(coords, style: tuple[str, str], width: int) -> str:
    """One polyline per unbroken run, so a missing period is a gap, not a guess."""
    colour, dash = style
    runs, run = [], []
    for point in coords + [None]:
        if point is None:
            if run:
                runs.append(run)
            run = []
        else:
            run.append(f"{point[0]:.1f},{point[1]:.1f}")
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    return "".join(
        f'<polyline points="{" ".join(r)}" fill="none" stroke="{colour}" '
        f'stroke-width="{width}"{dashes}/>'
        for r in runs
    )


def line_chart(
    points,
    *,
    chart_id: str,
    title: str,
    unit: str = "count",
    target=None,
    width: int = 640,
    height: int = 280,
    benchmarks=(),
) -> SafeString:
    """A line chart with round ticks, period labels that never run together, a value on
    the points there is room for (the table beside it has them all), a dashed, labelled
    target line and the benchmarks' lines (`benchmark_lines.lines_for`), with a key."""
    left, right, top, bottom = 56, 16, 16, 48
    suffix = suffix_for(unit)
    values = [_num(v) for _, v in points]
    target_value = _num(target)
    known = [v for v in values if v is not None] + ([target_value] if target_value else [])
    lines = [(line, [_num(v) for v in line["values"]]) for line in benchmarks]
    known += [v for _, line_values in lines for v in line_values if v is not None]
    chart_height = height
    if lines:  # the key takes rows of its own under the axis
        height += 18 * (len(_key_rows(lines, target_value, suffix, width - left)) - 1)
    ticks = axis_ticks(min(known, default=0), max(known, default=0), unit=unit)
    axis_low, axis_high = float(ticks[0]), float(ticks[-1])
    plot_w, plot_h = width - left - right, chart_height - top - bottom

    def y(v: float) -> float:
        return top + plot_h - (v - axis_low) / (axis_high - axis_low) * plot_h

    desc = describe(points, suffix) + (
        f". Target: {_fmt(target_value)}{suffix}" if target_value is not None else ""
    )
    desc += "".join(f". {_describe_line(points, line, suffix)}" for line, _ in lines)
    out = _open(chart_id, width, height, title, desc)
    out.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="{LIGHT}"/>')
    step = ticks[1] - ticks[0]
    for tick in ticks:
        ty = y(float(tick))
        out.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{ty:.1f}" y2="{ty:.1f}" '
            f'stroke="{GREY}" stroke-width="1"/>'
            + _text(left - 6, ty + 4, _tick_label(tick, step), size=12, anchor="end")
        )
    slot = plot_w / max(len(points), 1)
    xs = [left + slot * (i + 0.5) for i in range(len(points))]
    widest = max((_text_width(str(label), 11) for label, _ in points), default=0)
    for i in thinned(len(points), slot, widest):
        out.append(_text(xs[i], chart_height - bottom + 18, str(points[i][0]), size=11))
    coords = [None if v is None else (x, y(v)) for x, v in zip(xs, values, strict=True)]
    if target_value is not None:
        ty = y(target_value)
        out.append(_polyline([(left, ty), (left + plot_w, ty)], TARGET_STYLE, 2))
        if not lines:
            # Named in a key under the axis, where no point's value can be written over it.
            key_y = height - 12
            out.append(_polyline([(left, key_y), (left + 28, key_y)], TARGET_STYLE, 2))
            label = f"Target {_fmt(target_value)}{suffix}"
            out.append(_text(left + 34, key_y + 4, label, size=12, anchor="start"))
    for line, line_values in lines:
        colour, dash, marker = BENCHMARK_STYLES.get(line["key"], (INK, "4 2", "square"))
        line_coords = [
            None if v is None else (x, y(v)) for x, v in zip(xs, line_values, strict=True)
        ]
        out.append(_polyline(line_coords, (colour, dash), 2))
        out.extend(_marker(marker, p, colour) for p in line_coords if p is not None)
    if lines:
        out.extend(_key(_key_rows(lines, target_value, suffix, width - left), left,
                        chart_height - 12))  # fmt: skip
    out.append(_polyline(coords, VALUES_STYLE, 3))
    widest = max((_text_width(_fmt(v), 12) for v in values if v is not None), default=0)
    labelled = set(thinned(len(points), slot, widest))
    for i, (point, value) in enumerate(zip(coords, values, strict=True)):
        if point is None:
            continue
        out.append(
            f'<circle cx="{point[0]:.1f}" cy="{point[1]:.1f}" r="4" fill="{BLUE}" '
            f'stroke="#ffffff" stroke-width="1"/>'
        )
        if i in labelled:
            above = point[1] - 9
            label_y = above if above >= top else point[1] + 18  # not cut off at the top
            out.append(_text(point[0], label_y, _fmt(value), size=12))
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped


def _describe_line(points, line: dict, suffix: str) -> str:
    """A benchmark in words: 'England: Q1 2014/15: 41.2; Q2 2014/15: suppressed'."""
    parts = []
    for (label, _), value, reason in zip(points, line["values"], line["missing"], strict=True):
        number = _num(value)
        shown = reason.split(" (")[0].lower() if reason else "no data"
        parts.append(f"{label}: {shown if number is None else _fmt(number) + suffix}")
    return f"{line['label']}: " + "; ".join(parts)


def _marker(shape: str, point: tuple[float, float], colour: str) -> str:
    x, y = point
    edge = 'stroke="#ffffff" stroke-width="1"'
    if shape == "square":
        return (
            f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}" {edge}/>'
        )
    corners = (
        [(x, y - 5), (x + 5, y + 4), (x - 5, y + 4)]
        if shape == "triangle"
        else [(x, y - 5), (x + 5, y), (x, y + 5), (x - 5, y)]
    )
    spots = " ".join(f"{a:.1f},{b:.1f}" for a, b in corners)
    return f'<polygon points="{spots}" fill="{colour}" {edge}/>'


def _key_rows(lines, target_value, suffix: str, room: float) -> list[list[tuple]]:
    """The key's entries (label, style, marker), packed into rows that fit `room`."""
    entries = [("This board", VALUES_STYLE, "circle")]
    if target_value is not None:
        entries.append((f"Target {_fmt(target_value)}{suffix}", TARGET_STYLE, ""))
    for line, _ in lines:
        colour, dash, marker = BENCHMARK_STYLES.get(line["key"], (INK, "4 2", "square"))
        entries.append((line["label"], (colour, dash), marker))
    rows, row, used = [], [], 0.0
    for entry in entries:
        wide = 34 + _text_width(entry[0], 12) + 16
        if row and used + wide > room:
            rows.append(row)
            row, used = [], 0.0
        row.append(entry)
        used += wide
    return rows + [row]


def _key(rows, left: float, first_y: float) -> list[str]:
    out = []
    for number, row in enumerate(rows):
        key_y, x = first_y + 18 * number, left
        for label, style, marker in row:
            out.append(_polyline([(x, key_y), (x + 28, key_y)], style, 2))
            if marker == "circle":
                out.append(f'<circle cx="{x + 14:.1f}" cy="{key_y:.1f}" r="4" fill="{BLUE}"/>')
            elif marker:
                out.append(_marker(marker, (x + 14, key_y), style[0]))
            out.append(_text(x + 34, key_y + 4, label, size=12, anchor="start"))
            x += 34 + _text_width(label, 12) + 16
    return out


def bar_chart(rows, *, chart_id: str, title: str, unit: str = "", width: int = 640) -> SafeString:
    """Horizontal bars, one per category, each labelled with its value."""
    label_w, bar_h, gap = 220, 22, 8
    suffix = suffix_for(unit)
    values = [_num(v) for _, v in rows]
    axis_max = max([v for v in values if v is not None] or [0]) or 1.0
    height = len(rows) * (bar_h + gap) + gap
    plot_w = width - label_w - 70
    out = _open(chart_id, width, height, title, describe(rows, suffix))
    for i, ((label, _), value) in enumerate(zip(rows, values, strict=True)):
        y = gap + i * (bar_h + gap)
        out.append(_text(label_w - 8, y + 16, str(label), size=13, anchor="end"))
        length = 0 if value is None else value / axis_max * plot_w
        shown = "no data" if value is None else _fmt(value) + suffix
        out.append(
            f'<rect x="{label_w}" y="{y}" width="{length:.1f}" height="{bar_h}" fill="{BLUE}"/>'
            + _text(label_w + length + 6, y + 16, shown, size=13, anchor="start")
        )
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped

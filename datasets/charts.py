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
"""

from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe

INK = "#0b0c0c"
BLUE = "#1d70b8"
GREY = "#b1b4b6"
LIGHT = "#f3f2f1"
GREEN = "#00703c"
FONT = 'font-family="Arial, sans-serif"'


def _num(value) -> float | None:
    if value is None or value == "":
        return None
    return float(Decimal(str(value)))


def _nice_max(top: float) -> tuple[float, float]:
    """A round top for the axis and its step (1, 2 or 5 times a power of ten)."""
    if top <= 0:
        return 1.0, 0.25
    raw = top / 4
    power = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 10**-2
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * power
        if step * 4 >= top:
            return step * 4, step
    return top, top / 4


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def _open(chart_id: str, width: int, height: int, title: str, desc: str) -> list[str]:
    cid = escape(chart_id)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="lscb-chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{cid}-title {cid}-desc" id="{cid}">',
        f'<title id="{cid}-title">{escape(title)}</title>',
        f'<desc id="{cid}-desc">{escape(desc)}</desc>',
    ]


def describe(points: list[tuple[str, object]], suffix: str = "") -> str:
    """The values in words: 'Q1 2014/15: 348; Q2 2014/15: no data'."""
    parts = []
    for label, value in points:
        number = _num(value)
        parts.append(f"{label}: {'no data' if number is None else _fmt(number) + suffix}")
    return "; ".join(parts)


def sparkline(
    points, *, chart_id: str, title: str, width: int = 128, height: int = 36, suffix: str = ""
) -> SafeString:
    """A small trend line; the latest value is marked with a dot."""
    values = [_num(v) for _, v in points]
    known = [v for v in values if v is not None]
    out = _open(chart_id, width, height, title, describe(points, suffix))
    if known:
        low, high = min(known), max(known)
        span = (high - low) or 1.0
        step = (width - 8) / max(len(values) - 1, 1)
        coords = [
            None if v is None else (4 + i * step, height - 4 - (v - low) / span * (height - 8))
            for i, v in enumerate(values)
        ]
        out.append(_polyline(coords, BLUE, 2))
        last = next((c for c in reversed(coords) if c is not None), None)
        if last:
            out.append(f'<circle cx="{last[0]:.1f}" cy="{last[1]:.1f}" r="3" fill="{INK}"/>')
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped


def _polyline(coords, colour: str, width: int, dashed: bool = False) -> str:
    """One polyline per unbroken run, so a missing period is a gap, not a guess."""
    runs, run = [], []
    for point in coords + [None]:
        if point is None:
            if run:
                runs.append(run)
            run = []
        else:
            run.append(f"{point[0]:.1f},{point[1]:.1f}")
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    return "".join(
        f'<polyline points="{" ".join(r)}" fill="none" stroke="{colour}" '
        f'stroke-width="{width}"{dash}/>'
        for r in runs
    )


def line_chart(
    points,
    *,
    chart_id: str,
    title: str,
    suffix: str = "",
    target=None,
    width: int = 640,
    height: int = 280,
) -> SafeString:
    """A line chart with labelled axes and a value on each point; a dashed target line."""
    left, right, top, bottom = 56, 16, 16, 48
    values = [_num(v) for _, v in points]
    target_value = _num(target)
    known = [v for v in values if v is not None] + ([target_value] if target_value else [])
    axis_max, step = _nice_max(max(known) if known else 0)
    plot_w, plot_h = width - left - right, height - top - bottom

    def y(v: float) -> float:
        return top + plot_h - v / axis_max * plot_h

    desc = describe(points, suffix) + (
        f". Target: {_fmt(target_value)}{suffix}" if target_value is not None else ""
    )
    out = _open(chart_id, width, height, title, desc)
    out.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="{LIGHT}"/>')
    tick = 0.0
    while tick <= axis_max + 1e-9:
        out.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'stroke="{GREY}" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" font-size="12" '
            f'{FONT} fill="{INK}">{escape(_fmt(tick))}</text>'
        )
        tick += step
    slot = plot_w / max(len(points), 1)
    coords = []
    for i, ((label, _), value) in enumerate(zip(points, values, strict=True)):
        x = left + slot * (i + 0.5)
        out.append(
            f'<text x="{x:.1f}" y="{height - bottom + 18}" text-anchor="middle" font-size="11" '
            f'{FONT} fill="{INK}">{escape(str(label))}</text>'
        )
        coords.append(None if value is None else (x, y(value)))
    if target_value is not None:
        ty = y(target_value)
        out.append(_polyline([(left, ty), (left + plot_w, ty)], GREEN, 2, dashed=True))
        out.append(
            f'<text x="{left + plot_w - 4}" y="{ty - 6:.1f}" text-anchor="end" font-size="12" '
            f'{FONT} fill="{GREEN}">Target {escape(_fmt(target_value))}{escape(suffix)}</text>'
        )
    out.append(_polyline(coords, BLUE, 3))
    for point, value in zip(coords, values, strict=True):
        if point is None:
            continue
        out.append(
            f'<circle cx="{point[0]:.1f}" cy="{point[1]:.1f}" r="4" fill="{BLUE}" '
            f'stroke="#ffffff" stroke-width="1"/>'
            f'<text x="{point[0]:.1f}" y="{point[1] - 9:.1f}" text-anchor="middle" '
            f'font-size="12" {FONT} fill="{INK}">{escape(_fmt(value))}</text>'
        )
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped


def bar_chart(rows, *, chart_id: str, title: str, suffix: str = "", width: int = 640) -> SafeString:
    """Horizontal bars, one per category, each labelled with its value."""
    label_w, bar_h, gap = 220, 22, 8
    values = [_num(v) for _, v in rows]
    axis_max = max([v for v in values if v is not None] or [0]) or 1.0
    height = len(rows) * (bar_h + gap) + gap
    plot_w = width - label_w - 70
    out = _open(chart_id, width, height, title, describe(rows, suffix))
    for i, ((label, _), value) in enumerate(zip(rows, values, strict=True)):
        y = gap + i * (bar_h + gap)
        out.append(
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" font-size="13" {FONT} '
            f'fill="{INK}">{escape(str(label))}</text>'
        )
        length = 0 if value is None else value / axis_max * plot_w
        out.append(
            f'<rect x="{label_w}" y="{y}" width="{length:.1f}" height="{bar_h}" fill="{BLUE}"/>'
            f'<text x="{label_w + length + 6:.1f}" y="{y + 16}" font-size="13" {FONT} '
            f'fill="{INK}">{"no data" if value is None else escape(_fmt(value) + suffix)}</text>'
        )
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped


UNIT_SUFFIX = {"percentage": "%", "days": " days", "rate": " per 10,000"}


def suffix_for(unit: str) -> str:
    return UNIT_SUFFIX.get(unit, "")

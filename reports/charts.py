"""Charts as inline SVG for the report, when datasets.charts is not there to draw them.
Deterministic output (same data, same bytes), presentation attributes only (no style=""),
and a text alternative: role="img" with <title> and <desc> naming every value."""

from decimal import Decimal

from django.utils.html import escape

WIDTH, HEIGHT = 560, 240
LEFT, BOTTOM, TOP = 48, 40, 16
COLOURS = ["#1d70b8", "#f47738", "#00703c", "#4c2c92"]


def bar_chart(*, chart_id: str, title: str, labels: list[str], series: list[tuple]) -> dict:
    """Grouped bars: `series` is [(name, [value or None per label]), ...]. Returns the SVG
    and its text alternative."""
    values = [v for _, vals in series for v in vals if v is not None]
    top = max(values, default=Decimal(0)) or Decimal(1)
    alt = describe(title, labels, series)
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    group_w = plot_w / max(len(labels), 1)
    bar_w = group_w * 0.8 / max(len(series), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(alt)}</desc>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - 8}" y2="{TOP + plot_h}" '
        'stroke="#0b0c0c"/>',
        f'<text x="{LEFT - 4}" y="{TOP + 8}" text-anchor="end" font-size="10">{_fmt(top)}</text>',
    ]
    for i, label in enumerate(labels):
        x0 = LEFT + i * group_w + group_w * 0.1
        for s, (_, vals) in enumerate(series):
            value = vals[i]
            if value is None:
                continue
            h = float(Decimal(value) / top) * plot_h
            parts.append(
                f'<rect x="{x0 + s * bar_w:.1f}" y="{TOP + plot_h - h:.1f}" width="{bar_w:.1f}" '
                f'height="{h:.1f}" fill="{COLOURS[s % len(COLOURS)]}"/>'
            )
        parts.append(
            f'<text x="{LEFT + (i + 0.5) * group_w:.1f}" y="{HEIGHT - BOTTOM + 14}" '
            f'text-anchor="middle" font-size="10">{escape(label)}</text>'
        )
    for s, (name, _) in enumerate(series):
        x = LEFT + s * 150
        parts.append(
            f'<rect x="{x}" y="{HEIGHT - 14}" width="10" height="10" '
            f'fill="{COLOURS[s % len(COLOURS)]}"/><text x="{x + 14}" y="{HEIGHT - 5}" '
            f'font-size="10">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return {"svg": "".join(parts), "alt": alt}


def describe(title: str, labels: list[str], series: list[tuple]) -> str:
    """The chart in words, so a screen reader user gets every value."""
    described = []
    for name, vals in series:
        pairs = ", ".join(
            f"{label} {_fmt(v) if v is not None else 'no value'}"
            for label, v in zip(labels, vals, strict=True)
        )
        described.append(f"{name}: {pairs}")
    return f"Bar chart, {title}. " + "; ".join(described) + "."


def _fmt(value) -> str:
    value = Decimal(value)
    return f"{value:,.0f}" if value == value.to_integral() else f"{value:,.1f}"

"""The performance dashboard and the page of each indicator, read from snapshots."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from board.access import board_view
from board.models import ALL_ROLES, Role
from core.links import board_url
from core.years import year_from_query

from .. import charts
from ..models import Indicator
from ..selectors import snapshot_for, snapshot_years

PLACEHOLDER = "00000000-0000-0000-0000-000000000000"
QUALITY_ROLES = (Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR, Role.SCRUTINEER)
ARROWS = {"up": "▲ Up", "down": "▼ Down", "same": "► No change"}


def _with_charts(entry: dict, detail_url: str = "") -> dict:
    entry = dict(entry, url=detail_url.replace(PLACEHOLDER, entry["id"]))
    points = [(p["label"], p["value"]) for p in entry["trend"]]
    entry["sparkline"] = charts.sparkline(
        points,
        chart_id=f"spark-{entry['code']}",
        title=f"{entry['name']}: last {len(points)} periods",
        unit=entry["unit"],
    )
    for key in ("previous", "last_year", "ytd_last_year"):
        if entry.get(key):
            entry[key] = dict(entry[key], arrow=ARROWS.get(entry[key]["direction"], ""))
    return entry


@board_view(*ALL_ROLES)
def dashboard(request: HttpRequest) -> HttpResponse:
    snapshot = snapshot_for(request.board, year_from_query(request, None))
    themes = []
    if snapshot and snapshot.data:
        entries = snapshot.data["indicators"]
        # One reverse() for the page rather than one per indicator.
        detail = board_url(
            request,
            "datasets:indicator-detail",
            pk=PLACEHOLDER,
            query={"year": snapshot.data["year"]},
        )
        themes = [
            {
                "name": t["name"],
                "entries": [_with_charts(entries[i], detail) for i in t["indicators"]],
            }
            for t in snapshot.data["themes"]
        ]
    context = {
        "snapshot": snapshot,
        "themes": themes,
        "years": snapshot_years(request.board),
        "can_see_quality": request.board_access.has_any(QUALITY_ROLES),
    }
    return render(request, "datasets/dashboard.html", context)


@board_view(*ALL_ROLES)
def indicator_detail(request: HttpRequest, pk) -> HttpResponse:
    indicator = get_object_or_404(Indicator, board=request.board, pk=pk)
    snapshot = snapshot_for(request.board, year_from_query(request, None))
    entry = (snapshot.data.get("indicators", {}) if snapshot else {}).get(str(indicator.pk))
    context = {"indicator": indicator, "snapshot": snapshot, "entry": None}
    if entry:
        entry = _with_charts(entry)
        trend = [(p["label"], p["value"]) for p in entry["trend"]]
        # One value is already the page's "Latest" figure: a one-point line adds nothing.
        entry["chart"] = None
        if charts.form_for(trend) == "line":
            entry["chart"] = charts.line_chart(
                trend,
                chart_id=f"trend-{entry['code']}",
                title=f"{entry['name']}, last periods",
                unit=entry["unit"],
                target=entry["target"],
                benchmarks=entry.get("trend_benchmarks", []),  # older snapshots have none
            )
        entry["trend_rows"] = _trend_rows(entry)
        for number, breakdown in enumerate(entry["breakdowns"]):
            breakdown["chart"] = charts.bar_chart(
                [(r["label"], r["value"]) for r in breakdown["rows"]],
                chart_id=f"breakdown-{entry['code']}-{number}",
                title=f"{entry['name']} by {breakdown['name'].lower()}, {entry['latest']['label']}",
                unit=entry["unit"],
            )
        context["entry"] = entry
    return render(request, "datasets/indicator_detail.html", context)


def _trend_rows(entry: dict) -> list[dict]:
    """The trend's table: each period's value and each benchmark's, or why it has none
    (a suppressed figure says so, never 0)."""
    lines = entry.get("trend_benchmarks", [])
    return [
        {
            "label": point["label"],
            "value": point["value"],
            "benchmarks": [
                {"value": line["values"][i], "missing": line["missing"][i]} for line in lines
            ],
        }
        for i, point in enumerate(entry["trend"])
    ]

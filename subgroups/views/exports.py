"""The completeness grid as a download: each sub-group's return status per quarter, and
the reporting and on-time rates, for the year the page shows."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from board.access import board_view
from board.models import Role
from core.exports import Table, table_download
from core.numbers import NO_VALUE
from core.years import latest_year, year_error, year_from_query

from .. import selectors
from ..models import QuarterlyReturn


def _rate(value):
    return NO_VALUE if value is None else value


@board_view(Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR)
def completeness_export(request: HttpRequest) -> HttpResponse:
    if error := year_error(request):
        return HttpResponse(error, status=400, content_type="text/plain; charset=utf-8")
    today = timezone.localdate()
    started = QuarterlyReturn.objects.filter(board=request.board).dates("period_start", "month")
    year = year_from_query(request, latest_year(started))  # as the completeness page
    grid = selectors.completeness(request.board, year, today)
    quarters = [f"Q{quarter.number}" for quarter in grid.quarters]
    statuses = Table(
        ["Sub-group", *quarters],
        ([subgroup.name, *(cell.status_label for cell in cells)] for subgroup, cells in grid.rows),
        title="returns",
        widths={"A": 40},
    )
    every = [*grid.by_quarter, grid.for_year]
    rates = Table(
        ["", *quarters, "Year"],
        [
            ["Returns due", *(r.expected for r in every)],
            ["Reporting rate (%)", *(_rate(r.reporting_rate) for r in every)],
            ["On time (%)", *(_rate(r.on_time_rate) for r in every)],
        ],
        title="rates",
        widths={"A": 25},
    )
    stem = f"returns-completeness-{request.board.slug}-{year.slug}"
    return table_download(request, stem, statuses, rates)

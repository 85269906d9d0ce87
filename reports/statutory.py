"""The yearly report on the statutory calendar (board/statutory.py): published at least
once in every 12 months (a timescale kept by board, board/timescales.py). Each
publication starts a clock that the next publication stops; the latest one runs.

The send-on clock of a published report (to the Panel and the What Works centre within
7 days) is a second kind registered here the same way, by the work that records when it
was sent: a function yielding a StatutoryClock for each published report, and a
`statutory.register("report-send-on", ...)` line in `register()`."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from board import statutory, timescales
from board.clock_status import status_of
from board.models import Board, Role
from board.statutory import StatutoryClock
from board.timescales import MONTHS
from core.links import board_url

from .models import AnnualReport

ROLES = (Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR, Role.BOARD_MEMBER)
KEY = "reports.publication"
SOURCE = "Children Act 2004, section 16G; Working Together 2023, chapter 2"


def yearly_report_clocks(board: Board, today: date):
    """Two queries: the timescales and the published reports."""
    values = timescales.values_for(board)
    months, warn = values[KEY], values["board.warning_days"]
    rule = f"Published within {timescales.get(KEY).describe(months)} of the last"
    published = list(
        AnnualReport.objects.filter(board=board, published_at__isnull=False)
        .only("pk", "start_year", "published_at")
        .order_by("published_at")
    )
    days = [timezone.localdate(report.published_at) for report in published]
    following = [*days[1:], None][: len(days)]
    for report, start, stopped in zip(published, days, following, strict=True):
        due = start + relativedelta(months=months)
        yield StatutoryClock(
            uid=f"yearly-report-{report.pk}",
            kind="yearly-report",
            kind_label="Yearly report",
            subject=f"The report after {report.year}",
            start=start,
            due=due,
            stopped_on=stopped,
            status=status_of(due, stopped, today, warn),
            rule=rule,
            source=SOURCE,
            href=board_url(board, "reports:index"),
        )


def register() -> None:
    timescales.register(
        KEY, "Yearly report published (after the last publication)", default=12,
        unit=MONTHS, source=SOURCE, minimum=1, maximum=12, order=90,
    )  # fmt: skip
    statutory.register(
        "yearly-report", "Yearly report", yearly_report_clocks, roles=ROLES,
        holders=[Role.BOARD_MANAGER], order=90,
    )  # fmt: skip

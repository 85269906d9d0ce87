"""The yearly report on the statutory calendar (board/statutory.py): published at least
once in every 12 months (a timescale kept by board, board/timescales.py). Each
publication starts a clock that the next publication stops; the latest one runs.

The send-on clock of a published partnership report (to the Panel and the What Works
centre within 7 days, reports/yearly/clock.py) is a second kind: one clock per recipient,
stopped on the day it was sent."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from board import statutory, timescales
from board.clock_status import status_of
from board.models import Board, Role
from board.statutory import StatutoryClock
from board.timescales import DAYS, MONTHS
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


SEND_ON_SOURCE = "Working Together 2023, chapter 4"
SEND_ON_RECIPIENT = {"panel": "the Panel", "foundations": "Foundations"}


def send_on_clocks(board: Board, today: date):
    from .yearly.clock import board_clocks

    for report, clock in board_clocks(board, today):
        yield StatutoryClock(
            uid=f"yearly-send-on-{report.pk}-{clock.recipient}",
            kind="yearly-report-send-on",
            kind_label="Yearly report send-on",
            subject=f"{report.year}: to {SEND_ON_RECIPIENT[clock.recipient]}",
            start=timezone.localdate(report.published_at),
            due=clock.due,
            stopped_on=clock.sent_on,
            status=clock.status,
            rule=f"Sent within {(clock.due - timezone.localdate(report.published_at)).days} "
            "days of publication",
            source=SEND_ON_SOURCE,
            href=board_url(board, "reports:report", year=report.year.slug),
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
    timescales.register(
        "reports.send_on", "Yearly report sent to the Panel and Foundations (after publication)",
        unit=DAYS, source=SEND_ON_SOURCE, check=True, minimum=1, maximum=60,
        stored_in=("reports.YearlyReportSettings", "send_on_days"), order=91,
    )  # fmt: skip
    statutory.register(
        "yearly-report-send-on", "Yearly report send-on", send_on_clocks,
        roles=[Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR], holders=[Role.BOARD_MANAGER],
        order=91,
    )  # fmt: skip

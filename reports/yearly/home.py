"""The send-on clock on the board's home page (board.waiting) and in the calendar
(board.calendar_sources), registered in ReportsConfig.ready. Titles name the step only."""

from datetime import date

from board.access import BoardAccess
from board.calendar_sources import CalendarEvent
from board.models import Board
from board.waiting import Waiting
from core.links import board_url

from .clock import DUE, OVERDUE, open_clocks

SHORT = {"panel": "the Panel", "foundations": "Foundations"}


def send_on_waiting(board: Board, access: BoardAccess, today: date) -> list[Waiting]:
    clocks = open_clocks(board, today)
    lines = []
    for status, singular, plural in (
        (OVERDUE, "yearly report send-on overdue", "yearly report send-ons overdue"),
        (DUE, "yearly report send-on due", "yearly report send-ons due"),
    ):
        found = [(report, clock) for report, clock in clocks if clock.status == status]
        href = board_url(board, "reports:index", query={"state": "published"})
        if len({report.pk for report, _ in found}) == 1:
            href = board_url(board, "reports:report", year=found[0][0].year.slug)
        lines.append(Waiting(len(found), singular, plural, href))
    return lines


def send_on_events(board: Board, access: BoardAccess, start: date, end: date):
    from django.utils import timezone

    for report, clock in open_clocks(board, timezone.localdate()):
        if start <= clock.due <= end:
            yield CalendarEvent(
                uid=f"yearly-send-on-{report.pk}-{clock.recipient}",
                day=clock.due,
                title=f"Yearly report: send to {SHORT[clock.recipient]}",
                href=board_url(board, "reports:report", year=report.year.slug),
            )

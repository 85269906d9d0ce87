"""The send-on clock on the board's home page (board.waiting), registered in
ReportsConfig.ready (the calendar has it from the statutory registry, reports/statutory.py)."""

from datetime import date

from board.access import BoardAccess
from board.clock_status import OVERDUE
from board.models import Board
from board.waiting import Waiting
from core.links import board_url

from .clock import open_clocks


def send_on_waiting(board: Board, access: BoardAccess, today: date) -> list[Waiting]:
    clocks = open_clocks(board, today)
    lines = []
    for overdue, singular, plural in (
        (True, "yearly report send-on overdue", "yearly report send-ons overdue"),
        (False, "yearly report send-on due", "yearly report send-ons due"),
    ):
        found = [(r, clock) for r, clock in clocks if (clock.status == OVERDUE) == overdue]
        href = board_url(board, "reports:index", query={"state": "published"})
        if len({report.pk for report, _ in found}) == 1:
            href = board_url(board, "reports:report", year=found[0][0].year.slug)
        lines.append(Waiting(len(found), singular, plural, href))
    return lines

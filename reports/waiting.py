"""The annual report on the board's home page (board/waiting.py): the sections a person
is to write, and, for the independent chair, the report waiting for the board's approval."""

from datetime import date

from board.access import BoardAccess
from board.models import Board
from board.waiting import Waiting
from core.links import board_url

from .models import AnnualReport, ReportState
from .selectors import sections_assigned


def sections_waiting(board: Board, access: BoardAccess, today: date) -> list[Waiting]:
    """Sections assigned to the person in reports still open, in one query. The link is
    that report's sections filtered to theirs, or, across several reports, the reports
    with one of theirs."""
    years = list(sections_assigned(access=access).values_list("report__start_year", flat=True))
    if len(set(years)) == 1:
        year = AnnualReport(start_year=years[0]).year
        href = board_url(board, "reports:report", year=year.slug, query={"mine": "1"})
    else:
        href = board_url(board, "reports:index", query={"mine": "1"})
    singular, plural = "report section assigned to you", "report sections assigned to you"
    return [Waiting(len(years), singular, plural, href)]


def approval_waiting(board: Board, access: BoardAccess, today: date) -> list[Waiting]:
    """Reports in review: the independent chair records the board's approval."""
    count = AnnualReport.objects.filter(board=board, state=ReportState.IN_REVIEW).count()
    href = board_url(board, "reports:index", query={"state": ReportState.IN_REVIEW})
    return [Waiting(count, "report awaiting your approval", "reports awaiting your approval", href)]

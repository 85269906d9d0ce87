"""Statutory clocks on the board's home page (board/waiting.py), for those who read the
case reviews: clocks past their deadline and clocks near it, each linking to the
dashboard's list of them."""

from datetime import date

from board.access import BoardAccess
from board.models import Board
from board.waiting import Waiting
from core.links import board_url

from .clocks import DUE_SOON, OVERDUE
from .selectors import reviews as selectors
from .services.reviews import scr_settings


def clocks_waiting(board: Board, access: BoardAccess, today: date) -> list[Waiting]:
    """Every review's clocks from its dates (the settings, the reviews and their
    milestones: three queries however many reviews)."""
    settings = scr_settings(board=board)
    rows = selectors.register_rows(selectors.case_reviews(board=board), settings, today)
    statuses = [clock.status for row in rows for clock in row.at_risk]

    def line(status: str, singular: str, plural: str) -> Waiting:
        href = board_url(board, "case_reviews:scr-dashboard", query={"clock": status})
        return Waiting(statuses.count(status), singular, plural, f"{href}#clocks-at-risk")

    return [
        line(OVERDUE, "statutory clock past its deadline", "statutory clocks past their deadline"),
        line(DUE_SOON, "statutory clock near its deadline", "statutory clocks near their deadline"),
    ]

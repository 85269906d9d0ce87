"""Quarterly returns on the board's home page (board/waiting.py): what a chair has to
write or put right, and what the manager has to approve."""

from datetime import date

from board.access import BoardAccess
from board.models import Board
from board.waiting import Waiting
from core.links import board_url

from . import selectors
from .selectors import DUE, OVERDUE, SENT_BACK


def chair_returns_waiting(board: Board, access: BoardAccess, today: date) -> list[Waiting]:
    """The chair's returns, by where they stand, each linking to My returns filtered to
    them. my_returns runs the same three queries however many returns there are."""
    standings = [
        selectors.standing(due, today) for due in selectors.my_returns(board, access.user, today)
    ]

    def line(key: str, singular: str, plural: str) -> Waiting:
        href = board_url(board, "subgroups:my-returns", query={"show": key})
        return Waiting(standings.count(key), singular, plural, href)

    return [
        line(OVERDUE, "return overdue", "returns overdue"),
        line(SENT_BACK, "return sent back to you", "returns sent back to you"),
        line(DUE, "return due", "returns due"),
    ]


def manager_returns_waiting(board: Board, access: BoardAccess, today: date) -> list[Waiting]:
    count = selectors.returns_awaiting_approval(board).count()
    href = board_url(board, "subgroups:completeness", query={"awaiting": "1"})
    return [Waiting(count, "return awaiting your approval", "returns awaiting your approval", href)]

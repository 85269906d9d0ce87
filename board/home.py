"""The board's own lines on the home page (board/waiting.py): the actions a person owns."""

from datetime import date

from core.links import board_url

from .access import BoardAccess
from .models import Board
from .selectors.actions import DUE_SOON_DAYS, own_action_counts
from .waiting import Waiting


def own_actions_waiting(board: Board, access: BoardAccess, today: date) -> list[Waiting]:
    """Open actions owned by the person (through the board's record of them), overdue and
    due in the next fortnight, each linking to the tracker filtered to exactly those."""
    counts = own_action_counts(board, access.user, today)

    def tracker(**query) -> str:
        return board_url(board, "action-list", query={"mine": "1", **query})

    return [
        Waiting(counts["overdue"], "action overdue", "actions overdue", tracker(overdue="1")),
        Waiting(
            counts["due_soon"],
            f"action due in the next {DUE_SOON_DAYS} days",
            f"actions due in the next {DUE_SOON_DAYS} days",
            tracker(due_soon="1"),
        ),
    ]

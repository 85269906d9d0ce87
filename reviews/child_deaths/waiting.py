"""Child deaths on the board's home page (board/waiting.py), for the CDOP panel only: the
registration names its role, so no other role's home even counts these records."""

from datetime import date

from board.access import BoardAccess
from board.models import Board
from board.waiting import Waiting
from core.links import board_url

from .models import AgencyForm


def agency_forms_waiting(board: Board, access: BoardAccess, today: date) -> list[Waiting]:
    waiting = AgencyForm.objects.filter(
        board=board, received_on=None, case__closed_on=None, case__removed_on=None
    )
    count = waiting.count()
    href = board_url(board, "child_deaths:cdop-case-list", query={"forms": "outstanding"})
    return [Waiting(count, "agency form outstanding", "agency forms outstanding", href)]

"""Search and the downloads of lists: each export is open to whoever may open its list
(the action tracker, budget, attendance and members for every board role; the returns
completeness grid for the manager and the chair; the CDOP register for CDOP members)."""

from board.models import ALL_ROLES, Role

from . import board_page

ENTRIES = {
    "action-export": board_page(ALL_ROLES),
    "budget-export": board_page(ALL_ROLES),
    "attendance-export": board_page(ALL_ROLES),
    "member-export": board_page(ALL_ROLES),
    "membership-gaps-export": board_page(ALL_ROLES),
    "subgroups:completeness-export": board_page([Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR]),
    "child_deaths:cdop-case-export": board_page([Role.CDOP_MEMBER]),
}
ENTRIES["board-search"] = board_page(ALL_ROLES)

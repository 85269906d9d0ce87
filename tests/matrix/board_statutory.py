"""The statutory calendar: every role that reads at least one kind of clock opens it (the
page then shows only those kinds, tests/board/test_statutory.py); lay members and viewers
read none. The timescales are the board manager's."""

from board.models import Role

from . import Rule, board_page

READERS = [
    Role.BOARD_MANAGER,
    Role.INDEPENDENT_CHAIR,
    Role.SUBGROUP_CHAIR,
    Role.BOARD_MEMBER,
    Role.CDOP_MEMBER,
    Role.SCR_MEMBER,
]


def _timescale(context) -> dict:
    return {"board_slug": context.board.slug, "key": "assurance.jtai_notice"}


ENTRIES = {
    "statutory-calendar": board_page(READERS),
    "statutory-export": board_page(READERS),
    "timescales": board_page([Role.BOARD_MANAGER]),
    "timescale-edit": Rule("board", roles=frozenset({Role.BOARD_MANAGER}), kwargs=_timescale),
}

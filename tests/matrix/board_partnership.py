"""The partnership's pages: every board role reads the arrangements, the scrutiny plan
and the findings; the independent scrutineer and the board manager write scrutiny; only
the board manager changes the board's arrangement."""

from board.models import ALL_ROLES, Role

from . import Rule, board_kwargs
from .board import with_object

MANAGER = [Role.BOARD_MANAGER]
SCRUTINY = [Role.SCRUTINEER, Role.BOARD_MANAGER]


def read(kwargs=board_kwargs, **options) -> Rule:
    return Rule("board", roles=frozenset(ALL_ROLES), kwargs=kwargs, **options)


def write(roles, kwargs=board_kwargs, **options) -> Rule:
    return Rule("board", roles=frozenset(roles), kwargs=kwargs, **options)


ENTRIES = {
    "partnership-arrangements": read(),
    "scrutiny-plan": read(),
    "scrutiny-finding-list": read(),
    "board-arrangement": write(MANAGER),
    "board-arrangement-confirm": write(
        MANAGER, data={"arrangement": "partnership", "since": "2019-09-29"}
    ),
    "scrutiny-area-create": write(SCRUTINY),
    "scrutiny-area-edit": write(SCRUTINY, kwargs=with_object("ScrutinyAreaFactory")),
    "scrutiny-area-delete": write(SCRUTINY, kwargs=with_object("ScrutinyAreaFactory")),
    "scrutiny-finding-create": write(SCRUTINY),
    "scrutiny-finding-edit": write(SCRUTINY, kwargs=with_object("ScrutinyFindingFactory")),
    "scrutiny-finding-challenge": write(SCRUTINY, kwargs=with_object("ScrutinyFindingFactory")),
}

"""The subgroups app: everyone on the board reads the sub-groups; the manager changes them
and their templates, approves, returns and unlocks; only the sub-group's own chair or
deputy (here the `subgroup_chair` persona, seated as its chair) fills in its return."""

from board.models import ALL_ROLES, Role

from . import Rule, board_kwargs, board_page

MANAGER = [Role.BOARD_MANAGER]
READERS = [
    Role.BOARD_MANAGER,
    Role.INDEPENDENT_CHAIR,
    Role.SUBGROUP_CHAIR,
    Role.BOARD_MEMBER,
    Role.SCRUTINEER,
]
QUARTER = "2014-15-q1"


def _subgroup(context):
    from tests.subgroups.factories import add_referrals, subgroup_with_chair

    subgroup = subgroup_with_chair(context.board, context.users["subgroup_chair"], name="Matrix")
    add_referrals(subgroup)
    return subgroup


def _group(context) -> dict:
    return {"board_slug": context.board.slug, "subgroup_id": _subgroup(context).pk}


def _seat(context) -> dict:
    subgroup = _subgroup(context)
    return {**_group(context), "seat_id": subgroup.memberships.first().pk}


def _question(context) -> dict:
    subgroup = _subgroup(context)
    return {**_group(context), "question_id": subgroup.questions.first().pk}


def _row(context) -> dict:
    subgroup = _subgroup(context)
    return {**_group(context), "row_id": subgroup.indicators.first().pk}


def _return(context) -> dict:
    return {**_group(context), "quarter": QUARTER}


def page(roles=ALL_ROLES, kwargs=board_kwargs, **options) -> Rule:
    return Rule("board", roles=frozenset(roles), kwargs=kwargs, **options)


ENTRIES = {
    "subgroups:subgroup-list": board_page(),
    "subgroups:subgroup-create": board_page(MANAGER),
    "subgroups:settings": board_page(MANAGER),
    "subgroups:my-returns": board_page([Role.SUBGROUP_CHAIR]),
    "subgroups:completeness": board_page([Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR]),
    "subgroups:subgroup-detail": page(kwargs=_group),
    "subgroups:subgroup-edit": page(MANAGER, kwargs=_group),
    "subgroups:seat-add": page(MANAGER, kwargs=_group),
    "subgroups:seat-end": page(MANAGER, kwargs=_seat),
    "subgroups:question-add": page(MANAGER, kwargs=_group),
    "subgroups:question-edit": page(MANAGER, kwargs=_question),
    "subgroups:question-delete": page(MANAGER, kwargs=_question),
    "subgroups:indicator-add": page(MANAGER, kwargs=_group),
    "subgroups:indicator-remove": page(MANAGER, kwargs=_row),
    "subgroups:return-detail": page(READERS, kwargs=_return),
    "subgroups:return-edit": page([Role.SUBGROUP_CHAIR], kwargs=_return),
    "subgroups:return-approve": page(MANAGER, kwargs=_return),
    "subgroups:return-send-back": page(MANAGER, kwargs=_return),
    "subgroups:return-unlock": page(MANAGER, kwargs=_return),
    "subgroups:return-download": page([Role.BOARD_MANAGER, Role.SUBGROUP_CHAIR], kwargs=_return),
    "subgroups:return-upload": page([Role.SUBGROUP_CHAIR], kwargs=_return),
}

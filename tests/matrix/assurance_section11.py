"""Section 11 self-assessments: every board role reads the cycles, the grid, the returns
and the standards; the board manager and the sub-group chair write returns, moderation
and actions; only the board manager changes cycles and standards."""

from datetime import date

from board.models import ALL_ROLES, Role

from . import Rule, board_page

WRITE = [Role.SUBGROUP_CHAIR, Role.BOARD_MANAGER]
MANAGE = [Role.BOARD_MANAGER]


def _cycle(context):
    from board.models import Agency
    from reviews.assurance.services.section11 import section11_cycle_create

    agency = Agency.objects.create(board=context.board, name="Testshire Police", sector="police")
    return section11_cycle_create(
        board=context.board,
        title="Section 11 2014-16",
        kind="biennial",
        opens_on=date(2014, 10, 1),
        due_on=date(2015, 3, 31),
        agencies=[agency],
    )


def with_cycle(context) -> dict:
    return {"board_slug": context.board.slug, "cycle_id": _cycle(context).pk}


def with_return(context) -> dict:
    from reviews.assurance.services.section11 import section11_return_create, section11_standards

    cycle = _cycle(context)
    standards = section11_standards(board=context.board)
    section11_return = section11_return_create(
        cycle=cycle,
        agency=cycle.agencies.get(),
        ratings={standard: ("green", "Evidence") for standard in standards},
        submitted_on=date(2015, 3, 1),
    )
    return {"board_slug": context.board.slug, "return_id": section11_return.pk}


def with_standard(context) -> dict:
    from reviews.assurance.services.section11 import section11_standards

    standard = section11_standards(board=context.board)[0]
    return {"board_slug": context.board.slug, "standard_id": standard.pk}


def page(roles, kwargs) -> Rule:
    return Rule("board", roles=frozenset(roles), kwargs=kwargs)


ENTRIES = {
    "assurance:section11-cycle-list": board_page(ALL_ROLES),
    "assurance:section11-cycle-create": board_page(MANAGE),
    "assurance:section11-cycle-detail": page(ALL_ROLES, with_cycle),
    "assurance:section11-cycle-edit": page(MANAGE, with_cycle),
    "assurance:section11-return-create": page(WRITE, with_cycle),
    "assurance:section11-return-detail": page(ALL_ROLES, with_return),
    "assurance:section11-return-edit": page(WRITE, with_return),
    "assurance:section11-return-moderate": page(WRITE, with_return),
    "assurance:section11-action-add": page(WRITE, with_return),
    "assurance:section11-standard-list": board_page(ALL_ROLES),
    "assurance:section11-standard-add": board_page(MANAGE),
    "assurance:section11-standard-edit": page(MANAGE, with_standard),
    "assurance:section11-standard-retire": page(MANAGE, with_standard),
}

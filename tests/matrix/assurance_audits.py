"""Audits: every board role reads the list and each audit; the quality assurance
sub-group chair (sub-group chair role) and the board manager record them."""

from datetime import date

from board.models import ALL_ROLES, Role

from . import Rule, board_page

WRITE = [Role.SUBGROUP_CHAIR, Role.BOARD_MANAGER]


def with_audit(context) -> dict:
    from reviews.assurance.services.audits import audit_create, rating_levels

    levels = rating_levels(board=context.board)
    audit = audit_create(
        board=context.board,
        title="MASH decisions",
        audit_type="multi_agency",
        commissioned_by="Quality assurance sub-group",
        period_start=date(2014, 4, 1),
        period_end=date(2015, 3, 31),
        sample_size=135,
        counts={levels[0]: 20, levels[1]: 76},
    )
    return {"board_slug": context.board.slug, "audit_id": audit.pk}


def with_level(context) -> dict:
    from reviews.assurance.services.audits import rating_levels

    level = rating_levels(board=context.board)[0]
    return {"board_slug": context.board.slug, "level_id": level.pk}


def page(roles) -> Rule:
    return Rule("board", roles=frozenset(roles), kwargs=with_audit)


ENTRIES = {
    "assurance:audit-list": board_page(ALL_ROLES),
    "assurance:audit-create": board_page(WRITE),
    "assurance:audit-detail": page(ALL_ROLES),
    "assurance:audit-edit": page(WRITE),
    "assurance:audit-finding-add": page(WRITE),
    "assurance:audit-recommendation-add": page(WRITE),
    "assurance:audit-rating-scale": board_page([Role.BOARD_MANAGER]),
    "assurance:audit-rating-add": board_page([Role.BOARD_MANAGER]),
    "assurance:audit-rating-edit": Rule(
        "board", roles=frozenset([Role.BOARD_MANAGER]), kwargs=with_level
    ),
}

"""Audits: every board role reads the list and each audit; the quality assurance
sub-group chair (sub-group chair role) and the board manager record them."""

from datetime import date

from board.models import ALL_ROLES, Role

from . import Rule, board_page

WRITE = [Role.SUBGROUP_CHAIR, Role.BOARD_MANAGER]


def with_audit(context) -> dict:
    from reviews.services.audits import audit_create, rating_levels

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
    from reviews.services.audits import rating_levels

    level = rating_levels(board=context.board)[0]
    return {"board_slug": context.board.slug, "level_id": level.pk}


def page(roles) -> Rule:
    return Rule("board", roles=frozenset(roles), kwargs=with_audit)


ENTRIES = {
    "reviews:audit-list": board_page(ALL_ROLES),
    "reviews:audit-create": board_page(WRITE),
    "reviews:audit-detail": page(ALL_ROLES),
    "reviews:audit-edit": page(WRITE),
    "reviews:audit-finding-add": page(WRITE),
    "reviews:audit-recommendation-add": page(WRITE),
    "reviews:audit-rating-scale": board_page([Role.BOARD_MANAGER]),
    "reviews:audit-rating-add": board_page([Role.BOARD_MANAGER]),
    "reviews:audit-rating-edit": Rule(
        "board", roles=frozenset([Role.BOARD_MANAGER]), kwargs=with_level
    ),
}

"""Importing a historic register and removing a wrong case: CDOP members only."""

from board.models import Role

from . import Rule, board_page
from .child_deaths import case_page, with_case

CDOP = [Role.CDOP_MEMBER]


def with_held_register(context) -> dict:
    from reviews.child_deaths.models import RegisterImport

    held, _ = RegisterImport.objects.get_or_create(
        board=context.board, filename="matrix.csv", defaults={"sha256": "0" * 64}
    )
    return {"board_slug": context.board.slug, "pk": held.pk}


ENTRIES = {
    "child_deaths:cdop-register-import": board_page(CDOP),
    "child_deaths:cdop-register-preview": Rule(
        "board", roles=frozenset(CDOP), kwargs=with_held_register
    ),
    "child_deaths:cdop-case-remove": case_page(with_case),
}

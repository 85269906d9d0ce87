"""The Child Death Overview Panel: cases for CDOP members only; the statistics for every
board role; the settings for CDOP members and the board manager."""

from board.models import ALL_ROLES, Role
from tests.reviews.child_deaths.factories import case_for

from . import Rule, board_page

CDOP = [Role.CDOP_MEMBER]


def case_page(kwargs) -> Rule:
    """A CDOP member's page whose URL names a case (board_page fixes the kwargs)."""
    return Rule("board", roles=frozenset(CDOP), kwargs=kwargs)


def with_case(context) -> dict:
    return {"board_slug": context.board.slug, "case_id": case_for(context.board).pk}


def with_form(context) -> dict:
    from reviews.child_deaths.services.cases import agency_form_request
    from tests.factories import AgencyFactory

    case = case_for(context.board)
    agency_form = agency_form_request(
        case=case,
        agency=AgencyFactory(board=context.board),
        contact_email="contact@example.org",
        requested_on=case.notified_on,
    )
    return {"board_slug": context.board.slug, "case_id": case.pk, "form_id": agency_form.pk}


ENTRIES = {
    "child_deaths:cdop-case-list": board_page(CDOP),
    "child_deaths:cdop-case-create": board_page(CDOP),
    "child_deaths:cdop-case-detail": case_page(with_case),
    "child_deaths:cdop-case-edit": case_page(with_case),
    "child_deaths:cdop-case-analysis": case_page(with_case),
    "child_deaths:cdop-form-request": case_page(with_case),
    "child_deaths:cdop-form-update": case_page(with_form),
    "child_deaths:cdop-recommendation-create": case_page(with_case),
    "child_deaths:cdop-case-close": case_page(with_case),
    "child_deaths:cdop-statistics": board_page(ALL_ROLES),
    "child_deaths:cdop-export": case_page(
        lambda c: {"board_slug": c.board.slug, "year": "2013-14"}
    ),
    "child_deaths:cdop-settings": board_page([Role.CDOP_MEMBER, Role.BOARD_MANAGER]),
    "child_deaths:cdop-localities": board_page([Role.CDOP_MEMBER, Role.BOARD_MANAGER]),
}

"""Retention of CDOP and case review records: the report and the settings are the board
manager's alone."""

from datetime import date

from board.models import Role

from . import Rule

MANAGER = frozenset({Role.BOARD_MANAGER})


def with_records(context) -> dict:
    """A CDOP case and a case review long past retention, so the report lists both."""
    from reviews.services.cdop import cdop_case_close
    from reviews.services.scr import milestone_add
    from tests.reviews.factories import case_for
    from tests.reviews.scr_factories import initiated_review

    case = case_for(context.board)
    cdop_case_close(case=case, closed_on=case.panel_review_on)
    review = initiated_review(context.board)
    milestone_add(review=review, kind="board_sign_off", actual_on=date(2014, 9, 1))
    return {"board_slug": context.board.slug}


ENTRIES = {
    "reviews:retention-report": Rule("board", roles=MANAGER, kwargs=with_records),
    "reviews:retention-settings": Rule(
        "board", roles=MANAGER, kwargs=lambda context: {"board_slug": context.board.slug}
    ),
}

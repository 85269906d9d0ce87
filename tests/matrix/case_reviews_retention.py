"""Retention of CDOP and case review records: the report and the settings are the board
manager's alone."""

from datetime import date

from board.models import Role

from . import Rule

MANAGER = frozenset({Role.BOARD_MANAGER})


def with_records(context) -> dict:
    """A CDOP case and a case review long past retention, so the report lists both."""
    from reviews.case_reviews.services.reviews import milestone_add
    from reviews.child_deaths.services.cases import cdop_case_close
    from tests.reviews.case_reviews.factories import initiated_review
    from tests.reviews.child_deaths.factories import case_for

    case = case_for(context.board)
    cdop_case_close(case=case, closed_on=case.panel_review_on)
    review = initiated_review(context.board)
    milestone_add(review=review, kind="board_sign_off", actual_on=date(2014, 9, 1))
    return {"board_slug": context.board.slug}


ENTRIES = {
    "case_reviews:retention-report": Rule("board", roles=MANAGER, kwargs=with_records),
    "case_reviews:retention-settings": Rule(
        "board", roles=MANAGER, kwargs=lambda context: {"board_slug": context.board.slug}
    ),
}

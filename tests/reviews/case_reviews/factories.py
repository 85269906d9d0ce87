"""Case reviews made through the services, as the SCR sub-group would enter them."""

from datetime import date

from board.models import Board
from reviews.case_reviews.models import CaseReview
from reviews.case_reviews.services.reviews import case_review_create, case_review_decide
from tests.factories import AgencyFactory

REVIEW = {
    "reference": "Child M",
    "review_type": "scr",
    "incident_on": date(2014, 3, 3),
    "notified_on": date(2014, 3, 5),
    "criteria_considered": "A child has died and abuse is suspected.",
}
DECISION = {
    "decision": "initiate",
    "decision_reasons": "The criteria are met.",
    "decided_by": "Independent chair",
    "methodology": "scie",
}


def review_for(board: Board, agencies=(), **overrides) -> CaseReview:
    return case_review_create(
        board=board, agencies_involved=list(agencies), **{**REVIEW, **overrides}
    )


def initiated_review(board: Board, agencies=(), decision_on=date(2014, 3, 28), **overrides):
    review = review_for(board, agencies, **overrides)
    return case_review_decide(review=review, decision_on=decision_on, **DECISION)


def agency(board: Board, name: str = "Testshire Police"):
    return AgencyFactory(board=board, name=name)

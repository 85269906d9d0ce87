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


INCIDENT = {
    "reference": "Child N",
    "category": "serious_harm",
    "category_summary": "Non-accidental injury to an infant",
    "aware_on": date(2014, 12, 22),
}


def incident_for(board: Board, agencies=(), **overrides):
    from reviews.case_reviews.services.incidents import serious_incident_create

    return serious_incident_create(
        board=board, agencies_involved=list(agencies), **{**INCIDENT, **overrides}
    )


HOLD = {
    "decision": "hold",
    "criteria": ["serious_harm", "working_together"],
    "decision_reasons": "Agencies did not share what they knew.",
    "methodology": "silp",
}


def decided_incident(board: Board, agencies=(), decided_on=date(2015, 1, 12), **overrides):
    """An incident notified on 23 December 2014, its rapid review met on 12 January 2015
    and a local practice review held."""
    from reviews.case_reviews.services.incidents import rapid_review_decide, rapid_review_update

    incident = incident_for(board, agencies, notified_on=date(2014, 12, 23), **overrides)
    rapid_review_update(incident=incident, meeting_on=decided_on)
    rapid_review_decide(incident=incident, decided_on=decided_on, **HOLD)
    incident.refresh_from_db()
    return incident

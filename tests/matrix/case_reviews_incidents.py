"""Serious incidents and their rapid reviews: restricted as a review's record (SCR
sub-group members and the board manager write, the independent chair reads too, other
roles 403). National reviews are the Panel's published reports: every role reads them."""

from datetime import date

from board.models import ALL_ROLES
from tests.reviews.case_reviews.factories import agency, incident_for

from . import board_page
from .case_reviews import CONFIDENTIAL, MANAGE, page


def with_incident(context) -> dict:
    incident = incident_for(context.board, notified_on=date(2014, 12, 23))
    return {"board_slug": context.board.slug, "incident_id": incident.pk}


def with_summary(context) -> dict:
    from reviews.case_reviews.services.incidents import agency_summary_request

    incident = incident_for(context.board)
    summary = agency_summary_request(
        incident=incident, agency=agency(context.board), requested_on=date(2014, 12, 23)
    )
    return {
        "board_slug": context.board.slug,
        "incident_id": incident.pk,
        "summary_id": summary.pk,
    }


def with_national_review(context) -> dict:
    from reviews.case_reviews.services.national import national_review_create

    review = national_review_create(
        board=context.board, title="Myth of invisible men", published_on=date(2021, 9, 1)
    )
    return {"board_slug": context.board.slug, "review_id": review.pk}


ENTRIES = {
    "case_reviews:incident-list": board_page(CONFIDENTIAL),
    "case_reviews:incident-export": board_page(CONFIDENTIAL),
    "case_reviews:incident-create": board_page(MANAGE),
    "case_reviews:incident-detail": page(CONFIDENTIAL, with_incident),
    "case_reviews:incident-edit": page(MANAGE, with_incident),
    "case_reviews:incident-rapid-review": page(MANAGE, with_incident),
    "case_reviews:incident-decision": page(MANAGE, with_incident),
    "case_reviews:incident-summary-request": page(MANAGE, with_incident),
    "case_reviews:incident-summary-edit": page(MANAGE, with_summary),
    "case_reviews:national-review-list": board_page(ALL_ROLES),
    "case_reviews:national-review-create": board_page(MANAGE),
    "case_reviews:national-review-detail": page(ALL_ROLES, with_national_review),
    "case_reviews:national-recommendation-add": page(MANAGE, with_national_review),
}

"""The demo's review work this year, dated from the day it is loaded: a practice review
decided a few weeks ago (its completion clock running) and an incident notified last week
(the decision still to make, its clock running), and the partnership board's serious
incidents (demo_incidents.py). Recorded through the services. Safe to
run again: each review is found by its reference and its dates brought up to today."""

from datetime import date, timedelta

from django.utils import timezone

from board.models import Agency, Board

from . import demo_incidents
from .models import CaseReview
from .services.reviews import case_review_create, case_review_decide, case_review_update

AGENCIES = ["Metropolitan Police Service", "Croydon Children's Social Care"]
# (reference, days since the notification, days since the decision or None)
REVIEWS = [
    ("Child R (this year's demo)", 50, 25),
    ("Child S (this year's demo)", 7, None),
]


def load(board: Board, today: date | None = None) -> None:
    today = today or timezone.localdate()
    agencies = list(Agency.objects.filter(board=board, name__in=AGENCIES))
    for reference, notified_days, decided_days in REVIEWS:
        notified = today - timedelta(days=notified_days)
        fields = {
            "review_type": "lcspr",
            "incident_on": notified - timedelta(days=3),
            "notified_on": notified,
            "criteria_considered": "Serious harm; concerns about how agencies worked together.",
        }
        review = CaseReview.objects.filter(board=board, reference=reference).first()
        if review is None:
            review = case_review_create(
                board=board, agencies_involved=agencies, reference=reference, **fields
            )
        elif review.notified_on != notified:
            # The decision moves with the notification, so clear it before the dates move.
            review = case_review_update(review=review, decision="", decision_on=None, **fields)
        if decided_days is not None and review.decision_on != today - timedelta(decided_days):
            case_review_decide(
                review=review,
                decision="initiate",
                decision_on=today - timedelta(days=decided_days),
                decision_reasons="The criteria for a local practice review are met.",
                decided_by="Independent chair, on the rapid review's recommendation",
                methodology="silp",
            )
    # The partnership board's serious incidents, when board's demo has made that board.
    demo_incidents.load(today)

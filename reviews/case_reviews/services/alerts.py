"""Alerts before and after a review's statutory clock runs out, e-mailed to the board's
SCR sub-group members and board manager. Run daily by the task
reviews.case_reviews.tasks.send_scr_clock_alerts;
safe to run any number of times (ClockAlert's unique constraint)."""

import logging
from datetime import date

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from board.links import service_url
from board.models import Role, RoleAssignment

from ..clocks import DUE_SOON, OVERDUE, Clock, clocks_for
from ..models import CaseReview, ClockAlert
from .reviews import scr_settings

logger = logging.getLogger(__name__)

SUBJECT = {
    "before": "A case review deadline is coming up",
    "after": "A case review deadline has passed",
}
BODY = """A statutory deadline for a case review of {board} {when}.

For the safety of the family, this e-mail says nothing about the case. Please sign in to
see the review:

{link}
"""
STAGE = {DUE_SOON: "before", OVERDUE: "after"}


def _link(review: CaseReview) -> str:
    path = reverse(
        "case_reviews:scr-review-detail",
        kwargs={"board_slug": review.board.slug, "review_id": review.pk},
    )
    return service_url(path)


def _recipients(review: CaseReview) -> list[str]:
    roles = [Role.SCR_MEMBER, Role.BOARD_MANAGER]
    assignments = RoleAssignment.objects.filter(
        board_id=review.board_id, role__in=roles, user__is_active=True
    ).select_related("user")
    return sorted({a.user.email for a in assignments if a.user.email})


def clock_alert_send(*, review: CaseReview, clock: Clock, today: date) -> bool:
    stage = STAGE.get(clock.status)
    if stage is None:
        return False
    if ClockAlert.objects.filter(review=review, clock=clock.key, stage=stage).exists():
        return False
    recipients = _recipients(review)
    try:
        with transaction.atomic():
            ClockAlert.objects.create(
                board=review.board,
                review=review,
                clock=clock.key,
                stage=stage,
                sent_on=today,
                recipients=len(recipients),
            )
            when = "falls due soon" if stage == "before" else "has passed"
            if recipients:  # inside the transaction: a failed send is retried next run
                send_mail(
                    SUBJECT[stage],
                    BODY.format(board=review.board.name, when=when, link=_link(review)),
                    None,
                    recipients,
                )
    except IntegrityError:
        return False  # another run sent it a moment ago
    return True


def scr_clock_alerts_send(*, today: date | None = None) -> int:
    """Alert every board about its reviews' clocks; returns how many alerts were sent."""
    today = today or timezone.localdate()
    sent = 0
    reviews = CaseReview.objects.select_related("board").prefetch_related("milestones")
    for review in reviews.order_by("board_id"):
        with scope(board=review.board_id):
            settings_ = scr_settings(board=review.board)
            for clock in clocks_for(review, settings_, today):
                try:
                    sent += clock_alert_send(review=review, clock=clock, today=today)
                except Exception:  # one review's failure must not stop the others' alerts
                    logger.exception("Case review clock alert failed for %s", review.pk)
    return sent

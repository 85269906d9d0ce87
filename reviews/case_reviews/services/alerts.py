"""Alerts before and after a review's statutory clock runs out, notifications (with an
e-mail of a link) to the board's SCR sub-group members and board manager. Run daily by the task
reviews.case_reviews.tasks.send_scr_clock_alerts;
safe to run any number of times (ClockAlert's unique constraint)."""

import logging
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_scopes import scope

from board import notifications
from board.models import Role, User
from board.services.notifications import holders, notify
from core.links import board_url

from ..clocks import DUE_SOON, OVERDUE, Clock, clocks_for
from ..models import CaseReview, ClockAlert
from .reviews import scr_settings

logger = logging.getLogger(__name__)

KINDS = {
    "before": ("scr_clock_due_soon", "A case review deadline is coming up"),
    "after": ("scr_clock_passed", "A case review deadline has passed"),
}
STAGE = {DUE_SOON: "before", OVERDUE: "after"}


def _recipients(review: CaseReview) -> list[User]:
    return list(holders(review.board, Role.SCR_MEMBER, Role.BOARD_MANAGER))


def register_kinds() -> None:
    for key, title in KINDS.values():
        notifications.register(key, title)


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
            # Inside the transaction: the notifications and their e-mail jobs are
            # recorded with the alert, or not at all. Nothing about the case is said.
            notify(
                board=review.board, kind=KINDS[stage][0], users=recipients,
                link=board_url(review.board, "case_reviews:scr-review-detail",
                               review_id=review.pk),
            )  # fmt: skip
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

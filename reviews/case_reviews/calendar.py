"""Statutory clock deadlines for the board's calendar (board/calendar_sources.py), for
those who read the reviews: only clocks still running, titled by the clock alone (never
the review's reference or details)."""

from datetime import date

from django.utils import timezone

from board.access import BoardAccess
from board.calendar_sources import CalendarEvent
from board.models import Board
from core.links import board_url

from .selectors import reviews as selectors
from .services.reviews import scr_settings


def clock_deadlines(board: Board, access: BoardAccess, start: date, end: date):
    settings = scr_settings(board=board)
    today = timezone.localdate()
    rows = selectors.register_rows(selectors.case_reviews(board=board), settings, today)
    for row in rows:
        for clock in row.clocks:
            if clock.stopped_on is None and start <= clock.deadline <= end:
                yield CalendarEvent(
                    uid=f"review-clock-{row.review.pk}-{clock.key}",
                    day=clock.deadline,
                    title=f"Case review deadline: {clock.label}",
                    href=board_url(
                        board, "case_reviews:scr-review-detail", review_id=row.review.pk
                    ),
                )

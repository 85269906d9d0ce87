"""Case reviews on the statutory calendar (board/statutory.py) and their timescales on
the timescales page (board/timescales.py), read from and written to the board's
ScrSettings row, never copied.

`as_statutory(clock, ...)` turns one of this app's `Clock`s (clocks.py) into the
calendar's `StatutoryClock`: wiring another review clock (a serious incident's, a rapid
review's) is a function that yields `as_statutory(...)` for each, registered like
`review_clocks` below."""

from datetime import date

from board import statutory, timescales
from board.models import Board, Role
from board.statutory import StatutoryClock
from board.timescales import DAYS, MONTHS, WORKING_DAYS
from core.links import board_url

from .clocks import Clock, clocks_for
from .selectors import incidents as incident_selectors
from .selectors import reviews as selectors
from .services.reviews import scr_settings

READERS = (Role.SCR_MEMBER, Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR)
WT2013 = "Working Together 2013, chapter 4"
WT2023 = "Working Together 2023, chapter 5"
# The source of each of clocks.py's clocks, by key.
SOURCES = {
    "notification": WT2023,
    "decision": WT2013,
    "rapid_review": WT2023,
    "completion": WT2013,
    "publication": WT2023,
    "prepublication_notice": f"{WT2023} (check against current guidance)",
    "panel_response": f"{WT2023} (check against current guidance)",
}
TIMESCALES = [
    # key, label, field, unit, source, check, maximum
    ("notification", "Serious incident notification (after the incident)",
     "notification_working_days", WORKING_DAYS, WT2023, False, 60),
    ("rapid_review", "Rapid review (after the notification)",
     "rapid_review_working_days", WORKING_DAYS, WT2023, False, 60),
    ("decision", "Decision whether to hold a serious case review (after the notification)",
     "decision_months", MONTHS, WT2013, False, 12),
    ("completion", "Serious case review completed (after the decision)",
     "completion_months", MONTHS, WT2013, False, 36),
    ("publication", "Practice review published (after the decision to hold it)",
     "publication_months", MONTHS, WT2023, False, 36),
    ("prepublication_notice", "Notice to the Panel and the Secretary of State before "
     "publication", "prepublication_notice_working_days", WORKING_DAYS, WT2023, True, 60),
    ("panel_response", "The Panel's response to a rapid review (after it is sent)",
     "panel_response_days", DAYS, WT2023, True, 90),
    ("alert_days_before", "Case review alerts (days before a clock runs out)",
     "alert_days_before", DAYS, "Local setting", False, 60),
]  # fmt: skip


def as_statutory(
    clock: Clock, *, kind: str, uid: str, subject: str, href: str, source: str
) -> StatutoryClock:
    return StatutoryClock(
        uid=uid,
        kind=kind,
        kind_label=statutory.get(kind).label,
        subject=subject,
        start=clock.start,
        due=clock.deadline,
        stopped_on=clock.stopped_on,
        status=clock.status,
        rule=f"{clock.label}: {clock.limit}",
        source=source,
        href=href,
    )


def review_clocks(board: Board, today: date):
    """Every clock of every review: two queries (the reviews, their milestones) and the
    settings row, however many reviews."""
    settings = scr_settings(board=board)
    for review in selectors.case_reviews(board=board):
        href = board_url(board, "case_reviews:scr-review-detail", review_id=review.pk)
        for clock in clocks_for(review, settings, today):
            yield as_statutory(
                clock,
                kind="case-review",
                uid=f"case-review-{review.pk}-{clock.key}",
                subject=review.reference,
                href=href,
                source=SOURCES.get(clock.key, WT2023),
            )


def incident_clocks(board: Board, today: date):
    """Every serious incident's own clocks (notification, rapid review, the Panel's
    response): a practice review started from one has its clocks on the register, so
    none is counted twice. Three queries and the settings row."""
    settings = scr_settings(board=board)
    incidents = incident_selectors.incidents_for_clocks(board=board)
    for row in incident_selectors.incident_rows(incidents, settings, today, with_review=False):
        href = board_url(board, "case_reviews:incident-detail", incident_id=row.incident.pk)
        for clock in row.clocks:
            yield as_statutory(
                clock,
                kind="serious-incident",
                uid=f"serious-incident-{row.incident.pk}-{clock.key}",
                subject=row.incident.reference,
                href=href,
                source=SOURCES.get(clock.key, WT2023),
            )


def register() -> None:
    for order, (key, label, field, unit, source, check, maximum) in enumerate(TIMESCALES):
        timescales.register(
            f"case_reviews.{key}",
            label,
            unit=unit,
            source=source,
            check=check,
            maximum=maximum,
            stored_in=("case_reviews.ScrSettings", field),
            order=20 + order,
        )
    # The register alerts on its own clocks already (services/alerts.py, ClockAlert).
    statutory.register(
        "case-review", "Case review", review_clocks, roles=READERS,
        holders=[Role.SCR_MEMBER], escalate=False, order=20,
    )  # fmt: skip
    statutory.register(
        "serious-incident", "Serious incident", incident_clocks, roles=READERS,
        holders=[Role.SCR_MEMBER], escalate=False, order=19,
    )  # fmt: skip

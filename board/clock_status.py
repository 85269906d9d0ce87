"""Where a statutory clock stands, in one vocabulary for every app: running, due soon,
overdue, met or missed, with the words and the GOV.UK tag each is shown with. The case
review register's clocks (reviews/case_reviews/clocks.py) and the statutory calendar
(board/statutory.py) both read it, so a status means the same on every page."""

from datetime import date

RUNNING, DUE_SOON, OVERDUE, MET, MISSED = "running", "due_soon", "overdue", "met", "missed"
STATUSES = (RUNNING, DUE_SOON, OVERDUE, MET, MISSED)
STATUS_LABELS = {
    RUNNING: "Running",
    DUE_SOON: "Due soon",
    OVERDUE: "Overdue",
    MET: "Met",
    MISSED: "Missed",
}
STATUS_TAGS = {
    RUNNING: "govuk-tag--blue",
    DUE_SOON: "govuk-tag--yellow",
    OVERDUE: "govuk-tag--red",
    MET: "govuk-tag--green",
    MISSED: "govuk-tag--orange",
}
# Still counting: what escalation and the calendar's coming dates are about.
OPEN = (RUNNING, DUE_SOON, OVERDUE)


def status_of(deadline: date, stopped_on: date | None, today: date, warn_days: int) -> str:
    """Met or missed once stopped (on the due day is met); otherwise overdue after the
    due day, due soon within `warn_days` of it, running before that."""
    if stopped_on:
        return MET if stopped_on <= deadline else MISSED
    if today > deadline:
        return OVERDUE
    return DUE_SOON if (deadline - today).days <= warn_days else RUNNING

"""The statutory clocks of a review, computed from its dates and the board's settings
(never stored):

- decision: decide whether to hold a review within N months of the notification;
- completion: complete (board sign-off) within N months of the decision to initiate;
- notification: notify the serious incident within N working days of the incident;
- rapid review: (2018 arrangements) within N working days of the notification;
- publication: a practice review published within N months of the decision to hold it;
- pre-publication notice: the Panel and the Secretary of State told at least N working
  days before a practice review is published (planned, or actual once it is).

A serious incident (models/incidents.py) has its own clocks (incident_clocks): notified to
the Panel, and the partners told, within N working days of the local authority becoming
aware; the rapid review sent to the Panel within N working days of the notification; the
Panel's answer expected N calendar days after that; then its practice review's clocks.

Working-day clocks skip weekends and the England bank holidays (board.working_days)."""

from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

# One status vocabulary for every clock (board/clock_status.py), re-exported here for the
# register's pages and alerts, which import it from this module.
from board.clock_status import (  # noqa: F401
    DUE_SOON,
    MET,
    MISSED,
    OVERDUE,
    RUNNING,
    STATUS_LABELS,
    STATUS_TAGS,
)
from board.clock_status import status_of as _status
from board.working_days import add_working_days, working_days_before, working_days_between

from .models import CaseReview, Decision, MilestoneKind, ReviewType, ScrSettings, SeriousIncident


@dataclass(frozen=True)
class Clock:
    key: str
    label: str
    start: date
    deadline: date
    stopped_on: date | None
    limit: str  # "1 month", "15 working days"
    working_days: bool
    status: str
    elapsed: int  # days (or working days) from the start to the stop, or to today
    # Stopped because the review closed (published, or not initiated) before this clock's
    # own event: a closed review's clock never keeps counting to today.
    closed_with_review: bool = False
    # Said instead of "N days of M" where elapsed time is not the point (a notice due a
    # number of working days before another date).
    note: str = ""

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def tag(self) -> str:
        return STATUS_TAGS[self.status]

    @property
    def is_at_risk(self) -> bool:
        return self.status in (DUE_SOON, OVERDUE)

    @property
    def elapsed_label(self) -> str:
        if self.note:
            return self.note
        unit = "working day" if self.working_days else "day"
        taken = f"{self.elapsed} {unit}{'' if self.elapsed == 1 else 's'} of {self.limit}"
        if self.closed_with_review:
            return f"{taken}, stopped when the review closed on {self.stopped_on:%-d %b %Y}"
        if self.stopped_on:
            return f"took {taken}"
        return taken


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}{'' if n == 1 else 's'}"


def _clock(key, label, start, stopped_on, today, warn, *, deadline, limit, working) -> Clock:
    end = stopped_on or today
    return Clock(
        key=key,
        label=label,
        start=start,
        deadline=deadline,
        stopped_on=stopped_on,
        limit=limit,
        working_days=working,
        status=_status(deadline, stopped_on, today, warn),
        elapsed=working_days_between(start, end) if working else max((end - start).days, 0),
    )


def _month_clock(key, label, start, months, stopped_on, today, warn) -> Clock:
    deadline, limit = start + relativedelta(months=months), _plural(months, "month")
    return _clock(key, label, start, stopped_on, today, warn, deadline=deadline, limit=limit,
                  working=False)  # fmt: skip


def _working_clock(key, label, start, days, stopped_on, today, warn) -> Clock:
    deadline, limit = add_working_days(start, days), _plural(days, "working day")
    return _clock(key, label, start, stopped_on, today, warn, deadline=deadline, limit=limit,
                  working=True)  # fmt: skip


def _day_clock(key, label, start, days, stopped_on, today, warn) -> Clock:
    deadline, limit = start + timedelta(days=days), _plural(days, "day")
    return _clock(key, label, start, stopped_on, today, warn, deadline=deadline, limit=limit,
                  working=False)  # fmt: skip


def _notice_clock(review, settings, today, warn) -> Clock | None:
    """Due N working days before the publication date (the actual one, or the planned
    one until then); none while no publication date is set."""
    publication = _actual(review, MilestoneKind.PUBLICATION) or _planned(
        review, MilestoneKind.PUBLICATION
    )
    if publication is None:
        return None
    days = settings.prepublication_notice_working_days
    deadline = working_days_before(publication, days)
    given = _actual(review, MilestoneKind.PREPUBLICATION_NOTICE)
    start = review.decision_on or review.notified_on
    before = f"before publication on {publication:%-d %b %Y}"
    if given:
        # As add_working_days counts: given N working days before, add N to reach it.
        note = f"given {_plural(working_days_between(given, publication), 'working day')} {before}"
    else:
        note = f"due by {deadline:%-d %b %Y}, {_plural(days, 'working day')} {before}"
    return Clock(
        key="prepublication_notice",
        label="Notice of publication to the Panel and the Secretary of State",
        start=start,
        deadline=deadline,
        stopped_on=given,
        limit=f"{_plural(days, 'working day')} before publication",
        working_days=True,
        status=_status(deadline, given, today, warn),
        elapsed=working_days_between(start, given or today),
        note=note,
    )


def _planned(review: CaseReview, kind: str) -> date | None:
    dates = [m.planned_on for m in review.milestones.all() if m.kind == kind and m.planned_on]
    return min(dates, default=None)


def _actual(review: CaseReview, kind: str) -> date | None:
    """The actual date of a milestone (from prefetched milestones when there are)."""
    dates = [m.actual_on for m in review.milestones.all() if m.kind == kind and m.actual_on]
    return min(dates, default=None)


def closed_on(review: CaseReview) -> date | None:
    """The day the review closed: its publication, or the decision not to initiate one."""
    if review.decision == Decision.NOT_INITIATE:
        return review.decision_on
    return _actual(review, MilestoneKind.PUBLICATION)


def _stopped_at_closure(clock: Clock, closed: date | None, today: date) -> Clock:
    if clock.stopped_on or closed is None or closed > today:
        return clock
    end = max(closed, clock.start)
    elapsed = (
        working_days_between(clock.start, end) if clock.working_days else (end - clock.start).days
    )
    return replace(
        clock,
        stopped_on=end,
        status=MET if end <= clock.deadline else MISSED,
        elapsed=max(elapsed, 0),
        closed_with_review=True,
    )


def clocks_for(review: CaseReview, settings: ScrSettings, today: date) -> list[Clock]:
    closed = closed_on(review)
    return [_stopped_at_closure(c, closed, today) for c in _clocks(review, settings, today)]


def _clocks(review: CaseReview, settings: ScrSettings, today: date) -> list[Clock]:
    warn = settings.alert_days_before
    clocks = [
        _working_clock(
            "notification",
            "Serious incident notification",
            review.incident_on,
            settings.notification_working_days,
            review.notified_on,
            today,
            warn,
        ),
        _month_clock(
            "decision",
            "Decision whether to review",
            review.notified_on,
            settings.decision_months,
            review.decision_on if review.decision else None,
            today,
            warn,
        ),
    ]
    if review.review_type in ReviewType.under_2018_arrangements():
        clocks.append(
            _working_clock(
                "rapid_review",
                "Rapid review",
                review.notified_on,
                settings.rapid_review_working_days,
                _actual(review, MilestoneKind.RAPID_REVIEW),
                today,
                warn,
            )
        )
    if review.is_initiated and review.decision_on:
        clocks.append(
            _month_clock(
                "completion",
                "Completion (board sign-off)",
                review.decision_on,
                settings.completion_months,
                _actual(review, MilestoneKind.BOARD_SIGN_OFF),
                today,
                warn,
            )
        )
    if review.review_type == ReviewType.PRACTICE_REVIEW and review.is_initiated:
        if review.decision_on:
            clocks.append(
                _month_clock(
                    "publication",
                    "Publication of the practice review",
                    review.decision_on,
                    settings.publication_months,
                    _actual(review, MilestoneKind.PUBLICATION),
                    today,
                    warn,
                )
            )
        notice = _notice_clock(review, settings, today, warn)
        if notice is not None:
            clocks.append(notice)
    return clocks


# The practice review's clocks shown on its incident's page, in the chain's order.
PRACTICE_REVIEW_CLOCKS = ("completion", "publication", "prepublication_notice")


def incident_clocks(
    incident: SeriousIncident, settings: ScrSettings, today: date, *, with_review: bool = True
) -> list[Clock]:
    """The incident's clocks (the rapid review prefetched, or one query), then, once the
    partners hold one, its practice review's (with_review=False leaves them to the review
    register's own lists, so no clock is counted twice)."""
    warn = settings.alert_days_before
    days = settings.notification_working_days
    aware = incident.aware_on
    clocks = [
        _working_clock("incident_notification", "Notification to the Panel", aware, days,
                       incident.notified_on, today, warn),
        _working_clock("partners_told", "Partners told of the incident", aware, days,
                       incident.partners_told_on, today, warn),
    ]  # fmt: skip
    rapid = getattr(incident, "rapid_review", None)
    if incident.notified_on:
        sent = rapid.sent_to_panel_on if rapid else None
        clocks.append(
            _working_clock("rapid_review", "Rapid review sent to the Panel", incident.notified_on,
                           settings.rapid_review_working_days, sent, today, warn)
        )  # fmt: skip
    if rapid and rapid.sent_to_panel_on:
        clocks.append(
            _day_clock("panel_response", "The Panel's response", rapid.sent_to_panel_on,
                       settings.panel_response_days, rapid.panel_response_on, today, warn)
        )  # fmt: skip
    review = incident.practice_review if incident.practice_review_id and with_review else None
    if review is not None:
        clocks += [
            c for c in clocks_for(review, settings, today) if c.key in PRACTICE_REVIEW_CLOCKS
        ]
    return clocks


def stage_of(review: CaseReview) -> str:
    """Where the review has got to, from its decision and milestones."""
    if review.decision == "not_initiate":
        return "Not initiated"
    if not review.decision:
        return "Awaiting decision"
    done = {m.kind for m in review.milestones.all() if m.actual_on}
    for kind, label in (
        (MilestoneKind.PUBLICATION, "Published"),
        (MilestoneKind.BOARD_SIGN_OFF, "Signed off by the board"),
        (MilestoneKind.FINAL_PANEL, "Final panel held"),
        (MilestoneKind.DRAFT_REPORT, "Draft report"),
    ):
        if kind in done:
            return label
    return "In progress"


STAGES = [
    "Awaiting decision",
    "In progress",
    "Draft report",
    "Final panel held",
    "Signed off by the board",
    "Published",
    "Not initiated",
]

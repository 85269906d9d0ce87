"""The send-on clock: a published partnership yearly report goes to the Child
Safeguarding Practice Review Panel and to Foundations within the board's number of days
(calendar days, not working days: Working Together says "within 7 days") of publication.
Shown on the report's page, on the home page (waiting) and on the statutory calendar
(reports/statutory.py), in the one status vocabulary of board.clock_status: running or
due soon, overdue, then met (sent on time) or missed (sent late)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from board import timescales
from board.clock_status import STATUS_LABELS, STATUS_TAGS, status_of

from ..models import AnnualReport, ReportKind, ReportState
from .models import SendOnRecipient

SEND_ON_LABELS = {"met": "Sent", "missed": "Sent late"}


KEY = "reports.send_on"  # the timescale (board/timescales.py), kept in YearlyReportSettings


def send_on_days(board) -> int:
    return timescales.value(board, KEY)


def due_date(published: date, days: int) -> date:
    """The last day to send: published on the 1st with 7 days, sent by the 8th."""
    return published + timedelta(days=days)


@dataclass(frozen=True)
class SendOnClock:
    recipient: str
    label: str
    due: date
    sent_on: date | None
    status: str

    @property
    def status_label(self) -> str:
        return SEND_ON_LABELS.get(self.status) or STATUS_LABELS[self.status]

    @property
    def tag(self) -> str:
        return STATUS_TAGS[self.status]


def clocks_for(
    report: AnnualReport, days: int, today: date, sent=None, warn: int | None = None
) -> list[SendOnClock]:
    """One clock per recipient of a published partnership report (none otherwise).
    `sent` (recipient -> date) and `warn` (days before the due day that it is due soon)
    save the queries when the caller has read them."""
    if not report.is_partnership_yearly or report.published_at is None:
        return []
    if sent is None:
        sent = dict(report.send_ons.values_list("recipient", "sent_on"))
    due = due_date(timezone.localdate(report.published_at), days)
    if warn is None:
        warn = timescales.value(report.board, "board.warning_days")
    return [
        SendOnClock(value, label, due, on, status_of(due, on, today, warn))
        for value, label in SendOnRecipient.choices
        for on in [sent.get(value)]
    ]


def board_clocks(board, today: date) -> list[tuple[AnnualReport, SendOnClock]]:
    """Every clock of the board's published yearly reports, sent or not, in four queries
    (its two timescales, the reports and what was sent). Only those two timescales: the
    home page of a person without a CDOP role reads nothing of child deaths, not even
    their settings (tests/board/test_home.py)."""
    days, warn = timescales.value(board, KEY), timescales.value(board, "board.warning_days")
    reports = AnnualReport.objects.filter(
        board=board, kind=ReportKind.PARTNERSHIP, state=ReportState.PUBLISHED
    ).prefetch_related("send_ons")
    found = []
    for report in reports:
        sent = {s.recipient: s.sent_on for s in report.send_ons.all()}
        found += [(report, clock) for clock in clocks_for(report, days, today, sent, warn)]
    return found


def open_clocks(board, today: date) -> list[tuple[AnnualReport, SendOnClock]]:
    """The clocks still to be sent."""
    return [(report, clock) for report, clock in board_clocks(board, today) if not clock.sent_on]

"""The send-on clock: a published partnership yearly report goes to the Child
Safeguarding Practice Review Panel and to Foundations within the board's number of days
(calendar days, not working days: Working Together says "within 7 days") of publication.
Shown on the report's page, on the home page (waiting) and in the calendar."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from ..models import AnnualReport, ReportKind, ReportState
from .models import SendOnRecipient, YearlyReportSettings

SENT, SENT_LATE, DUE, OVERDUE = "sent", "sent_late", "due", "overdue"
STATUS_LABELS = {SENT: "Sent", SENT_LATE: "Sent late", DUE: "Due", OVERDUE: "Overdue"}


def send_on_days(board) -> int:
    found = YearlyReportSettings.objects.filter(board=board).first()
    return found.send_on_days if found else YearlyReportSettings().send_on_days


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
        return STATUS_LABELS[self.status]


def status_of(due: date, sent_on: date | None, today: date) -> str:
    if sent_on is not None:
        return SENT if sent_on <= due else SENT_LATE
    return OVERDUE if today > due else DUE


def clocks_for(report: AnnualReport, days: int, today: date, sent=None) -> list[SendOnClock]:
    """One clock per recipient of a published partnership report (none otherwise).
    `sent` (recipient -> date) saves the query when the caller has read them."""
    if not report.is_partnership_yearly or report.published_at is None:
        return []
    if sent is None:
        sent = dict(report.send_ons.values_list("recipient", "sent_on"))
    due = due_date(timezone.localdate(report.published_at), days)
    return [
        SendOnClock(value, label, due, sent.get(value), status_of(due, sent.get(value), today))
        for value, label in SendOnRecipient.choices
    ]


def open_clocks(board, today: date) -> list[tuple[AnnualReport, SendOnClock]]:
    """Every clock of the board's published yearly reports still to be sent (3 queries)."""
    days = send_on_days(board)
    reports = AnnualReport.objects.filter(
        board=board, kind=ReportKind.PARTNERSHIP, state=ReportState.PUBLISHED
    ).prefetch_related("send_ons")
    found = []
    for report in reports:
        sent = {s.recipient: s.sent_on for s in report.send_ons.all()}
        if len(sent) == len(SendOnRecipient.choices):
            continue
        clocks = clocks_for(report, days, today, sent=sent)
        found += [(report, clock) for clock in clocks if clock.sent_on is None]
    return found

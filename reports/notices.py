"""Who is told of the annual report's hand-overs (board.services.notifications.notify):
a section's new author; the independent chair when the report is sent for review; the
board managers when it is approved (they publish it); the chair and the authors when it
is published. Kinds registered in ReportsConfig.ready; the e-mail says only the kind's
sentence and a link."""

from board import notifications
from board.models import Role, User
from board.services.notifications import holders, notify
from core.links import board_url

from .models import AnnualReport, ReportState, Section

KINDS = {
    "report_section_assigned": "A section of the annual report has been given to you to write",
    "report_in_review": "The annual report is waiting for your review",
    "report_approved": "The annual report has been approved and can be published",
    "report_published": "The annual report has been published",
    "yearly_report_send_on": "The yearly report has been published: send it to the Child "
    "Safeguarding Practice Review Panel and to Foundations",
}
TOLD = {
    ReportState.IN_REVIEW: ("report_in_review", [Role.INDEPENDENT_CHAIR]),
    ReportState.APPROVED: ("report_approved", [Role.BOARD_MANAGER]),
    ReportState.PUBLISHED: ("report_published", [Role.INDEPENDENT_CHAIR]),
}


def register_kinds() -> None:
    for key, title in KINDS.items():
        notifications.register(key, title)


def section_assigned(section: Section, author_before) -> None:
    """Tell the section's author, when it is a report's section and its author changed."""
    if section.report_id is None or section.author_id in (None, author_before):
        return
    report = section.report
    notify(
        board=section.board, kind="report_section_assigned", users=[section.author],
        link=board_url(section.board, "reports:section-write", section_id=section.pk),
        about=f"{report.year.label}: {section.title}",
    )  # fmt: skip


def report_moved(report: AnnualReport, by: User) -> None:
    """Tell whoever acts next on the report in its new state; a return to drafting tells
    nobody (the manager did it)."""
    if report.state not in TOLD:
        return
    kind, roles = TOLD[ReportState(report.state)]
    users = list(holders(report.board, *roles))
    if report.state == ReportState.PUBLISHED:
        users += [s.author for s in report.sections.select_related("author") if s.author]
    notify(
        board=report.board, kind=kind, users=users, exclude=by,
        link=board_url(report.board, "reports:report", year=report.year.slug),
        about=report.year.label,
    )  # fmt: skip


def send_on_due(report: AnnualReport) -> None:
    """At a partnership yearly report's publication: the board managers send it on to the
    Panel and to Foundations (reports/yearly/clock.py), the one who published included."""
    notify(
        board=report.board, kind="yearly_report_send_on",
        users=list(holders(report.board, Role.BOARD_MANAGER)),
        link=board_url(report.board, "reports:report", year=report.year.slug),
        about=report.year.label, once_key=f"yearly-send-on:{report.pk}",
    )  # fmt: skip

"""The two final steps of a report, each behind a confirmation page (core.confirm): the
board's approval, recorded by the chair or the manager, and publication, by the manager.
Only the POST changes anything. While problems remain, the approval page lists them,
with who can clear each and where, instead of a button that would be refused."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from board.access import board_view
from board.models import Role
from core.confirm import confirm_page
from core.links import board_url
from core.lookups import or_404

from .. import services
from ..checks import outstanding_problems, publication_problems
from ..fixes import fixes_for
from ..models import ReportState
from ..selectors import report_for
from ..yearly.clock import send_on_days

MANAGER, CHAIR = Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR


@board_view(MANAGER, CHAIR)
def report_approve(request: HttpRequest, year: str) -> HttpResponse:
    report = or_404(report_for, board=request.board, year=year)
    back = board_url(request, "reports:report", year=year)
    if report.state != ReportState.IN_REVIEW:
        messages.error(request, f"The report is {report.get_state_display().lower()}: only "
                       "a report in review can be approved.")  # fmt: skip
        return redirect(back)
    remaining = outstanding_problems(report)
    if remaining:
        fixes = fixes_for(report, remaining)
        context = {
            "report": report, "back_url": back,
            "rows": [(problem, fixes[problem.key]) for problem in remaining],
            "checks_url": board_url(request, "reports:checks", year=year),
        }  # fmt: skip
        return render(request, "reports/approval_waiting.html", context)
    if request.method == "POST":
        return _move(request, report, ReportState.APPROVED, back)
    return confirm_page(
        request,
        title="Record the board's approval of the report?",
        name=report.title,
        text="Every consistency problem is resolved or accepted. The approval is recorded "
        "with your name and today's date, and printed in the PDF.",
        warning="Once approved, the report is locked: nobody can change its sections "
        "unless the board manager returns it to drafting.",
        button="Record the board's approval",
        back_url=back,
    )


@board_view(MANAGER)
def report_publish(request: HttpRequest, year: str) -> HttpResponse:
    report = or_404(report_for, board=request.board, year=year)
    back = board_url(request, "reports:report", year=year)
    if report.state != ReportState.APPROVED:
        messages.error(request, f"The report is {report.get_state_display().lower()}: only "
                       "a report the board has approved can be published.")  # fmt: skip
        return redirect(back)
    missing = publication_problems(report)
    if missing:
        fixes = fixes_for(report, missing)
        context = {
            "report": report, "back_url": back,
            "rows": [(problem, fixes[problem.key]) for problem in missing],
            "checks_url": board_url(request, "reports:checks", year=year),
            "waiting_title": "The report cannot be published yet",
            "waiting_text": "The lead partners' sign-off and the independent scrutineer's "
            "assessment must be recorded before a partnership's yearly report is published.",
        }  # fmt: skip
        return render(request, "reports/approval_waiting.html", context)
    if request.method == "POST":
        return _move(request, report, ReportState.PUBLISHED, back)
    text = "Everyone with a role on the board will be able to read the report and download "
    if report.is_partnership_yearly:
        days = send_on_days(report.board)
        text += (
            f"its published PDF. The send-on clock starts: send it to the Child "
            f"Safeguarding Practice Review Panel and to Foundations within {days} days."
        )
    else:
        text += "its published PDF."
    return confirm_page(
        request,
        title="Publish the report?",
        name=report.title,
        text=text,
        warning="A published report cannot be changed or returned to drafting.",
        button="Publish the report",
        back_url=back,
    )


def _move(request: HttpRequest, report, to: str, back: str) -> HttpResponse:
    try:
        report = services.report_transition(report=report, to=to, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"The report is now: {report.get_state_display().lower()}.")
    return redirect(back)

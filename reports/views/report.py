"""The year's report: list, create, its sections and authors, states, consistency checks."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from board.access import board_view
from board.models import ALL_ROLES, Role
from core.links import board_url
from core.lookups import or_404

from .. import services
from ..checks import find_problems
from ..forms import AcceptForm, ReportCreateForm
from ..models import AnnualReport, CheckAcceptance, ReportState
from ..selectors import (
    readable_reports,
    reads_drafts,
    reads_report,
    report_for,
    sections_assigned,
    versions_visible,
    writes_in,
)

MANAGER, CHAIR = Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR


@board_view(*ALL_ROLES)
def index(request: HttpRequest) -> HttpResponse:
    """The board's reports: drafts for those who read drafts or write in them, published
    ones for everyone. ?state= (a report state) and ?mine=1 (reports with a section
    assigned to you) narrow the list: the home page links here with them."""
    reports = readable_reports(access=request.board_access)
    state = request.GET.get("state", "")
    if state in ReportState.values:
        reports = reports.filter(state=state)
    mine = request.GET.get("mine") == "1"
    if mine:
        assigned = sections_assigned(access=request.board_access)
        reports = reports.filter(pk__in=assigned.values("report"))
    context = {"reports": reports, "state": state, "mine": mine}
    return render(request, "reports/index.html", context)


@board_view(MANAGER)
def report_create(request: HttpRequest) -> HttpResponse:
    form = ReportCreateForm(request.POST or None, board=request.board)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_create(
                board=request.board, year=form.cleaned_data["year"],
                template=form.cleaned_data["template"],
            )  # fmt: skip
        except ValidationError as error:
            form.add_error("year", error.messages[0])
        else:
            messages.success(request, f"Report for {report.year.label} created.")
            return redirect(board_url(request, "reports:report", year=report.year.slug))
    context = {"form": form, "page_title": "Start a year's report",
               "back_url": board_url(request, "reports:index")}  # fmt: skip
    return render(request, "reports/report_create.html", context)


@board_view(*ALL_ROLES)
def report_detail(request: HttpRequest, year: str) -> HttpResponse:
    access = request.board_access
    report = or_404(report_for, board=request.board, year=year)
    if not reads_report(access=access, report=report):
        raise PermissionDenied("The report is not published yet.")
    drafts = reads_drafts(access=access)
    sections = report.sections.select_related("author")
    mine = request.GET.get("mine") == "1"
    if mine or (not drafts and not request.board_access.is_manager):
        sections = sections.filter(author=request.user)
    context = {
        "report": report, "sections": sections, "reads_drafts": drafts,
        "is_manager": request.board_access.is_manager,
        "writes_in": writes_in(access=access, report=report),
        "versions": versions_visible(access=access, report=report)[:10],
        "next_states": services.TRANSITIONS[ReportState(report.state)],
        "mine": mine,
    }  # fmt: skip
    return render(request, "reports/report_detail.html", context)


@require_POST
@board_view(MANAGER, CHAIR)
def report_state(request: HttpRequest, year: str) -> HttpResponse:
    report = or_404(report_for, board=request.board, year=year)
    to = request.POST.get("to", "")
    if to not in ReportState.values:
        messages.error(request, "Choose what to do with the report.")
        return redirect(board_url(request, "reports:report", year=year))
    if to != ReportState.APPROVED and not request.board_access.is_manager:
        raise PermissionDenied("Only the board manager moves the report between these states.")
    try:
        report = services.report_transition(report=report, to=to, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        if to == ReportState.APPROVED:
            return redirect(board_url(request, "reports:checks", year=year))
    else:
        messages.success(request, f"The report is now: {report.get_state_display().lower()}.")
    return redirect(board_url(request, "reports:report", year=report.year.slug))


@board_view(MANAGER, CHAIR)
def checks(request: HttpRequest, year: str) -> HttpResponse:
    """Every consistency problem on one page; the manager accepts one with a reason."""
    report = or_404(report_for, board=request.board, year=year)
    form = AcceptForm(request.POST or None)
    if request.method == "POST":
        if not request.board_access.is_manager:
            raise PermissionDenied("Only the board manager accepts a problem.")
        if report.is_locked:
            raise PermissionDenied("The report is approved.")
        if form.is_valid() and _accept(request, report, form.cleaned_data):
            return redirect(board_url(request, "reports:checks", year=year))
    problems = find_problems(report)
    accepted = {a.key: a for a in report.acceptances.select_related("accepted_by")}
    rows = [(problem, accepted.get(problem.key)) for problem in problems]
    context = {
        "report": report, "rows": rows, "form": form,
        "outstanding": sum(1 for _, acceptance in rows if acceptance is None),
        "is_manager": request.board_access.is_manager,
        "back_url": board_url(request, "reports:report", year=year),
    }  # fmt: skip
    return render(request, "reports/checks.html", context)


def _accept(request: HttpRequest, report: AnnualReport, data: dict) -> bool:
    keys = {problem.key for problem in find_problems(report)}
    if data["key"] not in keys:
        messages.error(request, "That problem is no longer found: nothing to accept.")
        return True
    CheckAcceptance.objects.update_or_create(
        board=report.board, report=report, key=data["key"],
        defaults={"reason": data["reason"], "accepted_by": request.user},
    )  # fmt: skip
    messages.success(request, "Problem accepted, with your reason recorded.")
    return True

"""The year's report: list, create, its sections and authors, states, consistency checks."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from board.access import board_view
from board.models import ALL_ROLES, Role
from core.forms import apply_errors
from core.links import board_url
from core.lookups import or_404

from .. import services
from ..checks import acceptable, find_problems
from ..fixes import fixes_for
from ..forms import AcceptProblemsForm, ReportCreateForm
from ..models import AnnualReport, ReportState
from ..selectors import (
    readable_reports,
    reads_drafts,
    reads_report,
    report_for,
    sections_assigned,
    versions_visible,
    writes_in,
)
from ..yearly.page import panel as yearly_panel
from ..yearly.page import scrutinises

MANAGER, CHAIR = Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR
# The next step first, going back last.
BUTTON_ORDER = [ReportState.IN_REVIEW, ReportState.APPROVED, ReportState.PUBLISHED,
                ReportState.DRAFTING]  # fmt: skip


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
    every_section = drafts or scrutinises(access=access, report=report)
    if mine or (not every_section and not request.board_access.is_manager):
        sections = sections.filter(author=request.user)
    context = {
        "report": report, "sections": sections, "reads_drafts": drafts,
        "is_manager": request.board_access.is_manager,
        "writes_in": writes_in(access=access, report=report),
        "versions": versions_visible(access=access, report=report)[:10],
        # Approved and locked: no Write, Edit, Move or Remove (nor Add) is offered.
        "editable": request.board_access.is_manager and not report.is_locked,
        "next_states": [s for s in BUTTON_ORDER if s in services.TRANSITIONS[report.state]],
        "mine": mine,
        "yearly": yearly_panel(report, access),
    }  # fmt: skip
    return render(request, "reports/report_detail.html", context)


@require_POST
@board_view(MANAGER, CHAIR)
def report_state(request: HttpRequest, year: str) -> HttpResponse:
    """Sending for review and returning to drafting. Approval and publication are final
    steps with a confirmation page of their own (views/approval.py): asked for here, they
    are sent there, and nothing changes."""
    report = or_404(report_for, board=request.board, year=year)
    to = request.POST.get("to", "")
    if to in CONFIRMED:
        return redirect(board_url(request, CONFIRMED[to], year=year))
    if to not in ReportState.values:
        messages.error(request, "Choose what to do with the report.")
        return redirect(board_url(request, "reports:report", year=year))
    if not request.board_access.is_manager:
        raise PermissionDenied("Only the board manager moves the report between these states.")
    try:
        report = services.report_transition(report=report, to=to, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"The report is now: {report.get_state_display().lower()}.")
    return redirect(board_url(request, "reports:report", year=report.year.slug))


CONFIRMED = {ReportState.APPROVED: "reports:report-approve",
             ReportState.PUBLISHED: "reports:report-publish"}  # fmt: skip


@board_view(MANAGER, CHAIR)
def checks(request: HttpRequest, year: str) -> HttpResponse:
    """Every consistency problem on one page, each with where it is fixed and who can
    clear it; the manager accepts several at once with one reason. A fixed number of
    queries whatever the number of sections, sub-groups or records
    (tests/reports/test_checks_page.py)."""
    report = or_404(report_for, board=request.board, year=year)
    problems = find_problems(report)
    accepted = {a.key: a for a in report.acceptances.select_related("accepted_by")}
    outstanding = [p for p in problems if p.key not in accepted and acceptable(p)]
    form = AcceptProblemsForm(_posted(request), problems=outstanding)
    if request.method == "POST":
        if not request.board_access.is_manager:
            raise PermissionDenied("Only the board manager accepts a problem.")
        if form.is_valid() and _accept(request, report, form):
            return redirect(board_url(request, "reports:checks", year=year))
    fixes = fixes_for(report, problems)
    boxes = {box.data["value"]: box for box in form["problems"]}
    rows = [
        {"problem": p, "acceptance": accepted.get(p.key), "fix": fixes[p.key],
         "box": boxes.get(p.key)}
        for p in problems
    ]  # fmt: skip
    context = {
        "report": report, "rows": rows, "form": form, "outstanding": len(outstanding),
        "may_accept": request.board_access.is_manager and not report.is_locked,
        "back_url": board_url(request, "reports:report", year=year),
    }  # fmt: skip
    return render(request, "reports/checks.html", context)


def _posted(request: HttpRequest):
    """The form's data. A form (or script) of the one-at-a-time kind posts `key`, the one
    problem it accepts: read as a choice of that one problem."""
    if request.method != "POST":
        return None
    data = request.POST.copy()
    if "key" in data and "problems" not in data:
        data.setlist("problems", data.getlist("key"))
    return data


def _accept(request: HttpRequest, report: AnnualReport, form: AcceptProblemsForm) -> bool:
    chosen = form.cleaned_data["problems"]
    try:
        services.problems_accept(
            report=report, keys=chosen, reason=form.cleaned_data["reason"], by=request.user
        )
    except ValidationError as error:
        apply_errors(form, error)
        return False
    what = "Problem" if len(chosen) == 1 else f"{len(chosen)} problems"
    messages.success(request, f"{what} accepted, with your reason recorded.")
    return True

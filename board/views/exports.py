"""Downloads of the board's lists and tables a person takes to a meeting: the action
tracker (filtered as shown), the budget, attendance, members and membership gaps. Each is
written by the one exporter (core.exports) and open to whoever may open its page."""

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from core.exports import Table, table_download
from core.numbers import NO_VALUE
from core.years import latest_year, year_error, year_from_query

from .. import action_sources
from ..access import board_view
from ..selectors import budget as budget_select
from ..selectors import meetings as meeting_select
from ..selectors import membership as member_select
from .actions import filtered_actions
from .base import READ
from .meetings import meeting_years


def figure(value):
    """A figure for a cell: the number, or NO_VALUE when it was not recorded."""
    return NO_VALUE if value is None else value


def _bad_request(text: str) -> HttpResponse:
    return HttpResponse(text, status=400, content_type="text/plain; charset=utf-8")


@board_view(*READ)
def action_export(request: HttpRequest) -> HttpResponse:
    filters = filtered_actions(request)
    if not filters.is_valid():
        return _bad_request(" ".join(e for errors in filters.errors.values() for e in errors))
    rows = (
        [
            action.description,
            action.owner_agency.name if action.owner_agency else "",
            action.owner_person.full_name if action.owner_person else "",
            _source_label(action.source_type),
            action.due_date,
            action.get_status_display(),
            "Yes" if action.is_overdue else "No",
            "Yes" if action.is_signed_off else "No",
        ]
        for action in filters.qs
    )
    headers = ["Action", "Owner agency", "Owner", "Source", "Due", "Status", "Overdue"]
    table = Table([*headers, "Signed off"], rows, title="actions", widths={"A": 60})
    return table_download(request, f"actions-{request.board.slug}", table)


def _source_label(key: str) -> str:
    source = action_sources.get(key)
    return source.label if source else key


@board_view(*READ)
def budget_export(request: HttpRequest) -> HttpResponse:
    if error := year_error(request):
        return _bad_request(error)
    # The same default year as the budget page, whose links name the year anyway.
    year = year_from_query(request, latest_year(budget_select.budget_years(request.board)))
    statement = budget_select.budget_for_year(request.board, year)
    spending = [
        [heading.name, line.item, figure(line.budget), figure(line.outturn), figure(line.variance)]
        for heading in statement.headings
        for line in heading.lines
    ]
    spending.append(
        [
            "Total expenditure",
            "",
            figure(statement.expenditure_budget),
            figure(statement.expenditure_outturn),
            figure(statement.expenditure_variance),
        ]
    )
    income = [
        [
            str(line.source),
            line.get_kind_display(),
            *map(figure, (line.budget, line.actual)),
            figure(line.variance),
        ]
        for line in statement.income
    ]
    income.append(
        [
            "Total income",
            "",
            figure(statement.income_budget),
            figure(statement.income_actual),
            figure(statement.income_variance),
        ]
    )
    money = ["Budget (£)", "Outturn (£)", "Variance (£)"]
    tables = (
        Table(["Heading", "Line", *money], spending, title="expenditure", widths={"A": 30}),
        Table(
            ["Source", "Kind", "Budget (£)", "Actual (£)", "Variance (£)"],
            income,
            title="income",
            widths={"A": 30},
        ),
    )
    return table_download(request, f"budget-{request.board.slug}-{year.slug}", *tables)


@board_view(*READ)
def attendance_export(request: HttpRequest) -> HttpResponse:
    if error := year_error(request):
        return _bad_request(error)
    year = year_from_query(request, latest_year(meeting_years(request.board)))
    rates = meeting_select.attendance_rates(request.board, year)
    members = Table(
        [
            "Member",
            "Agency or role",
            "Attended",
            "Deputy sent",
            "Apologies",
            "Meetings",
            "Attendance rate (%)",
        ],
        (
            [r.name, r.detail, r.attended, r.deputies, r.apologies, r.expected, figure(r.rate)]
            for r in rates.members
        ),
        title="by member",
        widths={"A": 30, "B": 30},
    )
    agencies = Table(
        ["Agency", "Meetings represented", "Meetings expected", "Attendance rate (%)"],
        ([r.name, r.attended, r.expected, figure(r.rate)] for r in rates.agencies),
        title="by agency",
        widths={"A": 30},
    )
    return table_download(
        request, f"attendance-{request.board.slug}-{year.slug}", members, agencies
    )


@board_view(*READ)
def member_export(request: HttpRequest) -> HttpResponse:
    """The members on today's date, or every membership past and present (?show=all), as
    the list page shows them."""
    today = timezone.localdate()
    memberships = member_select.memberships(request.board)
    if request.GET.get("show") != "all":
        memberships = memberships.current_on(today)
    rows = (
        [
            m.person.full_name,
            m.get_board_role_display(),
            m.agency.name if m.agency else "",
            m.post_title,
            m.start_date,
            m.end_date or "",
            "Yes" if m.person.user_id else "No",
        ]
        for m in memberships
    )
    headers = ["Name", "Board role", "Agency", "Post", "From", "To", "Signs in"]
    table = Table(headers, rows, title="members", widths={"A": 30, "C": 30})
    return table_download(request, f"members-{request.board.slug}", table)


@board_view(*READ)
def membership_gaps_export(request: HttpRequest) -> HttpResponse:
    report = member_select.membership_gaps(request.board, timezone.localdate())
    sectors = Table(
        ["Sector", "Status", "Current members"],
        (
            [
                cover.sector.label,
                "No member" if cover.is_gap else "Covered",
                "; ".join(f"{m.person.full_name} ({m.agency.name})" for m in cover.members),
            ]
            for cover in report.sectors
        ),
        title="statutory sectors",
        widths={"A": 40, "C": 60},
    )
    agencies = Table(
        ["Statutory partner agency without a current member"],
        ([agency.name] for agency in report.agencies_without_member),
        title="agencies without a member",
        widths={"A": 50},
    )
    return table_download(request, f"membership-gaps-{request.board.slug}", sectors, agencies)

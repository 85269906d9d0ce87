"""Reads of the subgroups app. Each takes the board (and who is asking, where it matters)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from board.models import Board, Role, User
from core.numbers import percentage
from core.periods import FinancialYear, Quarter

from .models import (
    AWAITING_APPROVAL,
    QuarterlyReturn,
    ReturnStatus,
    SubGroup,
    SubGroupMembership,
)
from .services.deadlines import due_date, quarter_slug
from .services.groups import returns_settings

# Who may read quarterly returns, drafts included: the return page and the API both ask
# this, so lay members, viewers and the CDOP and SCR roles are refused a return's answers
# in both. The independent scrutineer reads them as evidence.
RETURN_READERS = frozenset(
    {
        Role.BOARD_MANAGER,
        Role.INDEPENDENT_CHAIR,
        Role.SUBGROUP_CHAIR,
        Role.BOARD_MEMBER,
        Role.SCRUTINEER,
    }
)


def subgroups(board: Board) -> QuerySet[SubGroup]:
    today = timezone.localdate()
    return (
        SubGroup.objects.filter(board=board)
        .select_related("parent")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=SubGroupMembership.objects.current_on(today)
                .chairs()
                .select_related("person"),
                to_attr="current_chairs",
            )
        )
    )


def subgroup_seats(subgroup: SubGroup) -> QuerySet[SubGroupMembership]:
    return subgroup.memberships.select_related("person__user").order_by(
        "end_date", "role", "person__full_name"
    )


def subgroups_chaired_by(board: Board, user: User, on: date) -> QuerySet[SubGroup]:
    seats = SubGroupMembership.objects.current_on(on).chairs().filter(person__user=user)
    return SubGroup.objects.filter(board=board, memberships__in=seats).distinct()


@dataclass
class DueReturn:
    subgroup: SubGroup
    quarter: Quarter
    due: date
    quarterly_return: QuarterlyReturn | None

    @property
    def quarter_slug(self) -> str:
        return quarter_slug(self.quarter)

    @property
    def status(self) -> str:
        return self.quarterly_return.status if self.quarterly_return else ReturnStatus.NOT_STARTED

    @property
    def status_label(self) -> str:
        return ReturnStatus(self.status).label

    @property
    def is_submitted(self) -> bool:
        return bool(self.quarterly_return and self.quarterly_return.is_submitted)

    def is_overdue_on(self, day: date) -> bool:
        return not self.is_submitted and day > self.due


def reporting_quarters(today: date) -> list[Quarter]:
    """Quarters whose returns are asked for: those of this and last financial year that
    have ended by today."""
    year = FinancialYear.containing(today)
    return [q for y in (year.previous(), year) for q in y.quarters if q.end < today]


def my_returns(board: Board, user: User, today: date | None = None) -> list[DueReturn]:
    """Returns due from this chair or deputy: those not yet approved for the quarters asked
    for, and any other not approved. Overdue first, then by deadline."""
    today = today or timezone.localdate()
    days = returns_settings(board).due_working_days
    groups = list(subgroups_chaired_by(board, user, today))
    stored = {
        (r.subgroup_id, r.period_start): r
        for r in QuarterlyReturn.objects.filter(board=board, subgroup__in=groups)
    }
    wanted = {(g.pk, q.start): (g, q) for g in groups for q in reporting_quarters(today)}
    for r in stored.values():
        if r.status != ReturnStatus.APPROVED:
            group = next(g for g in groups if g.pk == r.subgroup_id)
            wanted[(r.subgroup_id, r.period_start)] = (group, r.quarter)
    due = [
        DueReturn(group, quarter, due_date(quarter, days), stored.get(key))
        for key, (group, quarter) in wanted.items()
    ]
    due = [d for d in due if d.status != ReturnStatus.APPROVED]
    due.sort(key=lambda d: (not d.is_overdue_on(today), d.due, d.subgroup.name))
    return due


# Where a return due from a chair stands, for the home page and the filters of My
# returns: theirs to write (due, or overdue), sent back to them, or with the manager.
DUE, OVERDUE, SENT_BACK, WITH_MANAGER = "due", "overdue", "sent_back", "with_manager"
STANDINGS = (DUE, OVERDUE, SENT_BACK, WITH_MANAGER)


def standing(due_return: DueReturn, today: date) -> str:
    if due_return.status == ReturnStatus.RETURNED:
        return SENT_BACK
    if due_return.is_submitted:
        return WITH_MANAGER
    return OVERDUE if due_return.is_overdue_on(today) else DUE


def returns_awaiting_approval(board: Board) -> QuerySet[QuarterlyReturn]:
    """Submitted and resubmitted returns, which the board manager approves or sends back."""
    return (
        QuarterlyReturn.objects.filter(board=board, status__in=AWAITING_APPROVAL)
        .select_related("subgroup")
        .order_by("period_start", "subgroup__name")
    )


@dataclass
class Rates:
    expected: int
    submitted: int
    on_time: int

    @property
    def reporting_rate(self) -> Decimal | None:
        return percentage(self.submitted, self.expected)

    @property
    def on_time_rate(self) -> Decimal | None:
        return percentage(self.on_time, self.expected)


@dataclass
class Completeness:
    year: FinancialYear
    quarters: list[Quarter]
    rows: list[tuple[SubGroup, list[DueReturn]]]
    by_quarter: list[Rates]
    for_year: Rates


def completeness(board: Board, year: FinancialYear, today: date | None = None) -> Completeness:
    """Sub-groups x quarters: each return's status, and per quarter and for the year the
    reporting rate (submitted at some time) and on-time rate (first submitted by the
    deadline), of the returns due by today."""
    today = today or timezone.localdate()
    days = returns_settings(board).due_working_days
    groups = list(SubGroup.objects.filter(board=board).order_by("name"))
    stored = {
        (r.subgroup_id, r.period_start): r
        for r in QuarterlyReturn.objects.filter(
            board=board, period_start__gte=year.start, period_start__lte=year.end
        )
    }
    quarters = year.quarters
    rows = [
        (g, [DueReturn(g, q, due_date(q, days), stored.get((g.pk, q.start))) for q in quarters])
        for g in groups
    ]
    by_quarter = [_rates([cells[i] for _, cells in rows], today) for i in range(4)]
    everything = [cell for _, cells in rows for cell in cells]
    return Completeness(year, quarters, rows, by_quarter, _rates(everything, today))


def _rates(cells: list[DueReturn], today: date) -> Rates:
    expected = [c for c in cells if c.due < today or c.is_submitted]
    submitted = [
        c for c in expected if c.quarterly_return and c.quarterly_return.first_submitted_at
    ]
    on_time = [c for c in submitted if c.quarterly_return.first_submitted_on_time]
    return Rates(len(expected), len(submitted), len(on_time))


def approved_returns(board: Board, year: FinancialYear, subgroup: SubGroup | None = None):
    """The year's approved returns (for the annual report's sub-group sections), in
    quarter order. Each has `.template` (the questions it answered) and `.content`;
    `answers(r)` pairs them up."""
    found = QuarterlyReturn.objects.filter(
        board=board,
        status=ReturnStatus.APPROVED,
        period_start__gte=year.start,
        period_start__lte=year.end,
    ).select_related("subgroup")
    if subgroup is not None:
        found = found.filter(subgroup=subgroup)
    return found.order_by("subgroup__name", "period_start")


def answers(quarterly_return: QuarterlyReturn) -> list[tuple[str, str]]:
    """(question, answer) pairs of a submitted return, in the template's order."""
    spec = quarterly_return.template or {"questions": []}
    given = quarterly_return.content.get("questions", {})
    return [(q["text"], given.get(q["id"], "")) for q in spec["questions"]]

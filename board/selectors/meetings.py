from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Prefetch, QuerySet

from core.numbers import percentage
from core.periods import FinancialYear

from ..models import (
    Attendance,
    AttendanceStatus,
    Board,
    Meeting,
    MeetingKind,
    Membership,
    Paper,
)

ATTENDANCE_RULE = (
    "Counted over the board meetings held in the financial year (1 April to 31 March) for "
    "which attendance was recorded. A member's rate is the meetings they attended in person "
    "out of the meetings recorded for them while they were a member. An agency's rate is the "
    "meetings at which it was represented – by a member in person or by a deputy – out of "
    "the meetings at which it had at least one member. Apologies count as not attending. "
    "Rates are rounded half up to a whole per cent."
)


def meetings_in_year(board: Board, year: FinancialYear) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(board=board, date__range=(year.start, year.end))
        .annotate(paper_count=Count("papers", distinct=True))
        .annotate(attendance_count=Count("attendances", distinct=True))
        .order_by("date")
    )


def next_meeting(board: Board, today: date) -> Meeting | None:
    """The board's next meeting (today's included), with its papers: two queries."""
    upcoming = Meeting.objects.filter(board=board, date__gte=today).order_by("date", "created_at")
    papers = Prefetch("papers", queryset=Paper.objects.order_by("title"))
    return upcoming.prefetch_related(papers).first()


def meeting_detail(board: Board, pk) -> QuerySet[Meeting]:
    return Meeting.objects.filter(board=board, pk=pk).select_related("minutes_approved_at")


def meeting_attendance(meeting: Meeting) -> QuerySet[Attendance]:
    return meeting.attendances.select_related("membership__person", "membership__agency")


def members_for_meeting(meeting: Meeting) -> QuerySet[Membership]:
    """Everyone who was a member on the meeting's date, with their record if any."""
    return (
        Membership.objects.filter(board_id=meeting.board_id)
        .current_on(meeting.date)
        .select_related("person", "agency")
        .prefetch_related(
            Prefetch(
                "attendances",
                queryset=Attendance.objects.filter(meeting=meeting),
                to_attr="records",
            )
        )
        .order_by("agency__name", "person__full_name")
    )


@dataclass
class Rate:
    name: str
    attended: int = 0
    expected: int = 0
    deputies: int = 0
    apologies: int = 0
    detail: str = ""

    @property
    def rate(self) -> Decimal | None:
        return percentage(self.attended, self.expected)


@dataclass
class AttendanceRates:
    year: FinancialYear
    meeting_count: int
    members: list[Rate] = field(default_factory=list)
    agencies: list[Rate] = field(default_factory=list)
    rule: str = ATTENDANCE_RULE


def attendance_rates(board: Board, year: FinancialYear) -> AttendanceRates:
    records = Attendance.objects.filter(
        board=board,
        meeting__kind=MeetingKind.BOARD,
        meeting__date__range=(year.start, year.end),
    ).select_related("membership__person", "membership__agency")
    members: dict = {}
    agency_meetings: dict = defaultdict(dict)  # agency -> meeting id -> represented?
    agency_names: dict = {}
    meetings = set()
    for record in records:
        membership = record.membership
        meetings.add(record.meeting_id)
        rate = members.setdefault(
            membership.pk,
            Rate(
                name=membership.person.full_name,
                detail=str(membership.agency or membership.get_board_role_display()),
            ),
        )
        rate.expected += 1
        rate.attended += record.status == AttendanceStatus.PRESENT
        rate.deputies += record.status == AttendanceStatus.DEPUTY
        rate.apologies += record.status == AttendanceStatus.APOLOGIES
        if membership.agency_id:
            agency_names[membership.agency_id] = membership.agency.name
            represented = record.status in (AttendanceStatus.PRESENT, AttendanceStatus.DEPUTY)
            seen = agency_meetings[membership.agency_id]
            seen[record.meeting_id] = seen.get(record.meeting_id, False) or represented
    agencies = []
    for agency_id, seen in agency_meetings.items():
        agencies.append(
            Rate(
                name=agency_names[agency_id],
                attended=sum(seen.values()),
                expected=len(seen),
            )
        )
    return AttendanceRates(
        year=year,
        meeting_count=len(meetings),
        members=sorted(members.values(), key=lambda r: (r.name, r.detail)),
        agencies=sorted(agencies, key=lambda r: r.name),
    )

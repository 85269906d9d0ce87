"""What waits for each persona on the board's home page: `n` records of every kind, on a
fixed day, so that counts and deadlines do not depend on when the tests run."""

from datetime import date, timedelta

from django.utils import timezone

from board.models import Meeting, Person
from core.periods import Quarter
from reports.models import AnnualReport, ReportState, Section
from reviews.child_deaths.models import AgencyForm
from subgroups.models import QuarterlyReturn, ReturnStatus
from tests.board.factories import ActionFactory, MeetingFactory, PaperFactory
from tests.factories import AgencyFactory
from tests.reviews.case_reviews.factories import review_for
from tests.reviews.child_deaths.factories import notify
from tests.subgroups.factories import subgroup_with_chair

# Q2 of 2026/27 ended on 30 September: its returns fall due at the end of October (20
# working days), so on this day they are due, and every earlier quarter's are overdue.
TODAY = date(2026, 10, 5)
DUE_QUARTER = Quarter.containing(date(2026, 7, 1))
OVERDUE_QUARTER = Quarter.containing(date(2026, 4, 1))
SENT_BACK_QUARTER = Quarter.containing(date(2026, 1, 1))
WITH_MANAGER_QUARTER = Quarter.containing(date(2025, 10, 1))
APPROVED_QUARTERS = [Quarter.containing(date(2025, 4, 1)), Quarter.containing(date(2025, 7, 1))]


def pin_today(monkeypatch) -> date:
    """Every `timezone.localdate()` (pages, selectors) answers TODAY."""
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    return TODAY


def person_for(board, user) -> Person:
    person, _ = Person.objects.get_or_create(
        board=board, user=user, defaults={"full_name": user.full_name}
    )
    return person


def chaired_returns(board, subgroup_chair, n: int, start: int = 0) -> None:
    """n sub-groups chaired by the persona, each with one return due, one overdue (a
    draft), one sent back, one with the manager and two approved."""
    statuses = [
        (OVERDUE_QUARTER, ReturnStatus.DRAFT),
        (SENT_BACK_QUARTER, ReturnStatus.RETURNED),
        (WITH_MANAGER_QUARTER, ReturnStatus.SUBMITTED),
        *[(quarter, ReturnStatus.APPROVED) for quarter in APPROVED_QUARTERS],
    ]
    for i in range(start, start + n):
        subgroup = subgroup_with_chair(board, subgroup_chair, name=f"Sub-group {i:02}")
        for quarter, status in statuses:
            QuarterlyReturn.objects.create(
                board=board, subgroup=subgroup, period_start=quarter.start, status=status
            )


def owned_actions(board, owner, n: int) -> None:
    """n overdue and n due-soon actions owned by the persona; a complete overdue one and
    one due later are not waiting, nor is another person's overdue one."""
    person = person_for(board, owner)
    for _ in range(n):
        ActionFactory(board=board, owner_person=person, due_date=TODAY - timedelta(days=3))
        ActionFactory(board=board, owner_person=person, due_date=TODAY + timedelta(days=5))
    ActionFactory(
        board=board, owner_person=person, due_date=TODAY - timedelta(days=3), status="complete"
    )
    ActionFactory(board=board, owner_person=person, due_date=TODAY + timedelta(days=60))
    ActionFactory(board=board, due_date=TODAY - timedelta(days=3))


def report_work(board, author, n: int, start: int = 0) -> None:
    """n reports in review, each with one section assigned to the author; an approved
    report's assigned section is no longer waiting."""
    for i in range(start, start + n):
        report = AnnualReport.objects.create(
            board=board, start_year=2000 + i, title=f"Review {i}", state=ReportState.IN_REVIEW
        )
        Section.objects.create(
            board=board,
            report=report,
            order=1,
            section_type="narrative",
            title="Health",
            author=author,
        )
    locked = AnnualReport.objects.get_or_create(
        board=board, start_year=1990, defaults={"title": "Old", "state": ReportState.APPROVED}
    )[0]
    Section.objects.get_or_create(
        board=board,
        report=locked,
        title="Old",
        author=author,
        defaults={"section_type": "narrative"},
    )


def outstanding_forms(board, n: int) -> None:
    """n child death cases, each waiting for one agency's form (and one received)."""
    for _ in range(n):
        case = notify(board)
        agencies = [AgencyFactory(board=board), AgencyFactory(board=board)]
        AgencyForm.objects.create(
            board=board,
            case=case,
            agency=agencies[0],
            contact_email="a@example.org",
            requested_on=case.notified_on,
        )
        AgencyForm.objects.create(
            board=board,
            case=case,
            agency=agencies[1],
            contact_email="b@example.org",
            requested_on=case.notified_on,
            received_on=case.notified_on,
        )


def review_clocks(board, n: int, start: int = 0) -> None:
    """n reviews whose decision is overdue and n whose decision falls due within the
    week; the notification clocks were met."""
    for i in range(start, start + n):
        for kind, days_ago in (("late", 60), ("soon", 27)):
            notified = TODAY - timedelta(days=days_ago)
            review_for(
                board,
                reference=f"Child {kind} {i}",
                notified_on=notified,
                incident_on=notified - timedelta(days=1),
            )


def next_meeting_with_papers(board, n: int, start: int = 0) -> None:
    """The next meeting, with n papers (a meeting already held is not the next)."""
    meeting = Meeting.objects.filter(board=board, title="Board development day").first()
    if meeting is None:
        meeting = MeetingFactory(
            board=board, date=TODAY + timedelta(days=10), title="Board development day"
        )
        MeetingFactory(board=board, date=TODAY - timedelta(days=30), title="Last one")
    for i in range(start, start + n):
        PaperFactory(board=board, meeting=meeting, title=f"Paper {i:02}")


def everything_waiting(board, people, n: int, start: int = 0) -> None:
    chaired_returns(board, people["subgroup_chair"], n, start)
    owned_actions(board, people["board_member"], n)
    report_work(board, people["subgroup_chair"], n, start)
    outstanding_forms(board, n)
    review_clocks(board, n, start)
    next_meeting_with_papers(board, n, start)

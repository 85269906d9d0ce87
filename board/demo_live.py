"""The demo's current year: records dated from the day the demo is loaded, so that every
page opens on a year with work in it (a meeting held and one coming with its papers,
actions due soon and overdue, this year's plan, budget and training), beside the 2014/15
history of `demo.py`.

Safe to run again, on any day: each record is found by what does not move (a title, a
description) and its dates are brought up to the day of loading."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.periods import FinancialYear

from .files import check_upload
from .models import (
    Action,
    ActionStatus,
    Agency,
    AttendanceStatus,
    Board,
    Course,
    ExpenditureLine,
    IncomeLine,
    Meeting,
    MeetingKind,
    Membership,
    Objective,
    Priority,
    TrainingSession,
    User,
)
from .services.actions import action_create, action_edit
from .services.meetings import AttendanceEntry, attendance_record, paper_add
from .services.training import attendance_record as training_attendance_record

HELD_TITLE = "Board meeting (this year, demo)"
NEXT_TITLE = "Board meeting (next month, demo)"
PAPER_TITLE = "Quarterly performance report"
# (days from today, status, description, owner agency): one overdue, some due soon.
ACTIONS = [
    (-12, ActionStatus.AT_RISK, "Publish the revised escalation policy",
     "Croydon Children's Social Care"),
    (6, ActionStatus.ON_TRACK, "Report the missing children panel's first quarter",
     "Metropolitan Police Service"),
    (20, ActionStatus.NOT_STARTED, "Refresh the multi-agency safer sleep leaflet",
     "Croydon Public Health"),
    (75, ActionStatus.ON_TRACK, "Audit the use of the early help assessment",
     "Croydon Early Help"),
]  # fmt: skip
PRIORITY = "Children missing from home, care and education are found and kept safe"
BUDGET = [  # (heading, budget)
    ("Employee costs", "182000"),
    ("Independent chair", "24000"),
    ("Training programme", "30000"),
    ("Serious case reviews", "40000"),
]
CONTRIBUTIONS = [  # (agency, budget)
    ("Croydon Children's Social Care", "170000"),
    ("Croydon Clinical Commissioning Group", "56000"),
    ("Metropolitan Police Service", "5000"),
    ("National Probation Service", "2000"),
]
COURSE = "Level 3 safeguarding"
SESSION_PLACE = "Bernard Weatherill House, Croydon (this year)"


def load(board: Board, today: date | None = None) -> None:
    today = today or timezone.localdate()
    year = FinancialYear.containing(today)
    manager = User.objects.filter(email="manager@demo.lscb.example").first()
    _meetings(board, year, today, manager)
    _plan(board, year, today, manager)
    _budget(board, year)
    _training(board, year, today)


def within(year: FinancialYear, day: date) -> date:
    """A date kept inside the current year, so a demo loaded on 2 April still has this
    year's meeting in this year."""
    return min(max(day, year.start), year.end)


def _meeting(board: Board, title: str, day: date) -> Meeting:
    meeting, _ = Meeting.objects.update_or_create(
        board=board,
        title=title,
        defaults={"kind": MeetingKind.BOARD, "date": day, "location": "Croydon Town Hall"},
    )
    return meeting


def _meetings(board: Board, year: FinancialYear, today: date, manager: User | None) -> None:
    held = _meeting(board, HELD_TITLE, within(year, today - timedelta(days=35)))
    members = Membership.objects.filter(board=board).select_related("person")
    statuses = [AttendanceStatus.PRESENT] * 5 + [AttendanceStatus.APOLOGIES]
    entries = [
        AttendanceEntry(membership=m, status=statuses[i % len(statuses)])
        for i, m in enumerate(members.order_by("person__full_name"))
    ]
    attendance_record(meeting=held, entries=entries)
    coming = _meeting(board, NEXT_TITLE, today + timedelta(days=30))
    if manager and not coming.papers.filter(title=PAPER_TITLE).exists():
        upload = SimpleUploadedFile(
            "quarterly-performance.txt",
            b"Demo paper: the quarter's performance figures, for discussion.\n",
            content_type="text/plain",
        )
        paper_add(
            meeting=coming, title=PAPER_TITLE, upload=check_upload(upload), uploaded_by=manager
        )


def _plan(board: Board, year: FinancialYear, today: date, manager: User | None) -> None:
    priority, _ = Priority.objects.update_or_create(
        board=board, year=year.start_year, number=1, defaults={"title": PRIORITY}
    )
    objective, _ = Objective.objects.update_or_create(
        board=board, priority=priority, number=1, defaults={"title": PRIORITY}
    )
    agencies = {a.name: a for a in Agency.objects.filter(board=board)}
    for days, status, description, agency_name in ACTIONS:
        due = today + timedelta(days=days)
        action = Action.objects.filter(
            board=board, description=description, source_object_id=objective.pk
        ).first()
        if action is None:
            action_create(
                board=board,
                description=description,
                owner_agency=agencies[agency_name],
                due_date=due,
                source=objective,
                created_by=manager,
                status=status,
            )
        elif action.due_date != due or action.status != status:
            action_edit(action=action, due_date=due, status=status)


def _budget(board: Board, year: FinancialYear) -> None:
    for position, (heading, budget) in enumerate(BUDGET):
        ExpenditureLine.objects.update_or_create(
            board=board,
            year=year.start_year,
            heading=heading,
            item="",
            defaults={"budget": Decimal(budget), "position": position},
        )
    agencies = {a.name: a for a in Agency.objects.filter(board=board)}
    for position, (name, budget) in enumerate(CONTRIBUTIONS):
        IncomeLine.objects.update_or_create(
            board=board,
            year=year.start_year,
            kind="contribution",
            agency=agencies[name],
            source_name="",
            defaults={"budget": Decimal(budget), "position": position},
        )


def _training(board: Board, year: FinancialYear, today: date) -> None:
    course = Course.objects.filter(board=board, title=COURSE).first()
    if course is None:
        return
    day = within(year, today - timedelta(days=14))
    session, _ = TrainingSession.objects.update_or_create(
        board=board, course=course, place=SESSION_PLACE, defaults={"date": day}
    )
    for name, attendees in (("Croydon Schools", 9), ("Croydon Children's Social Care", 7)):
        agency = Agency.objects.filter(board=board, name=name).first()
        if agency:
            training_attendance_record(
                board=board, session=session, agency=agency, attendees=attendees
            )

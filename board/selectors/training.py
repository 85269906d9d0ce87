"""Reads for the learning and development programme, including the year summary: the
attendees per course and per agency, with every total worked out from the attendance."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from core.numbers import round_half_up
from core.periods import FinancialYear

from ..models import Agency, Board, Course, SessionAttendance, TrainingSession


def courses(board: Board) -> QuerySet[Course]:
    return Course.objects.filter(board=board)


def sessions_for_year(board: Board, year: FinancialYear) -> QuerySet[TrainingSession]:
    return (
        TrainingSession.objects.filter(board=board, date__range=(year.start, year.end))
        .select_related("course", "evaluation")
        .order_by("date", "course__title")
    )


def session_detail(board: Board, pk) -> TrainingSession:
    """Raises TrainingSession.DoesNotExist for another board's session or none (a page
    answers 404 with core.lookups.or_404)."""
    return TrainingSession.objects.filter(board=board).select_related("course").get(pk=pk)


def session_attendances(session: TrainingSession) -> QuerySet[SessionAttendance]:
    return session.attendances.filter(board=session.board_id).select_related("agency")


def training_years(board: Board) -> list[FinancialYear]:
    dates = TrainingSession.objects.filter(board=board).values_list("date", flat=True)
    return sorted({FinancialYear.containing(d) for d in dates})


def average(scores: list[Decimal]) -> Decimal | None:
    if not scores:
        return None
    return round_half_up(sum(scores) / len(scores), 1)


@dataclass
class CourseRow:
    course: Course
    cells: list[int]
    total: int = 0
    sessions: int = 0
    end_scores: list[Decimal] = field(default_factory=list)
    follow_up_scores: list[Decimal] = field(default_factory=list)

    @property
    def average_end_score(self) -> Decimal | None:
        return average(self.end_scores)

    @property
    def average_follow_up_score(self) -> Decimal | None:
        return average(self.follow_up_scores)


@dataclass
class TrainingSummary:
    year: FinancialYear
    agencies: list[Agency]
    rows: list[CourseRow]
    column_totals: list[int]
    total: int
    average_end_score: Decimal | None
    average_follow_up_score: Decimal | None


def year_summary(board: Board, year: FinancialYear) -> TrainingSummary:
    """Attendees per course (rows) and agency (columns) for the sessions held in `year`.
    Row, column and grand totals are sums of the same cells, so they always agree.
    Average scores are the mean of the sessions' scores, rounded half-up to 1 place."""
    in_year = {"date__range": (year.start, year.end)}
    attendances = list(
        SessionAttendance.objects.filter(
            board=board, **{f"session__{k}": v for k, v in in_year.items()}
        )
        .select_related("agency", "session__course")
        .order_by()
    )
    sessions = list(
        TrainingSession.objects.filter(board=board, **in_year)
        .select_related("course", "evaluation")
        .order_by()
    )
    agencies = sorted({a.agency for a in attendances}, key=lambda a: (a.name.lower(), a.pk))
    column = {agency.pk: i for i, agency in enumerate(agencies)}
    rows: dict = {}

    def row_for(course: Course) -> CourseRow:
        if course.pk not in rows:
            rows[course.pk] = CourseRow(course=course, cells=[0] * len(agencies))
        return rows[course.pk]

    end_scores, follow_up_scores = [], []
    for session in sessions:
        row = row_for(session.course)
        row.sessions += 1
        evaluation = getattr(session, "evaluation", None)
        if evaluation is not None:
            row.end_scores.append(evaluation.end_score)
            end_scores.append(evaluation.end_score)
            if evaluation.follow_up_score is not None:
                row.follow_up_scores.append(evaluation.follow_up_score)
                follow_up_scores.append(evaluation.follow_up_score)
    for attendance in attendances:
        row_for(attendance.session.course).cells[column[attendance.agency_id]] += (
            attendance.attendees
        )
    ordered = sorted(rows.values(), key=lambda r: (r.course.title.lower(), r.course.pk))
    for row in ordered:
        row.total = sum(row.cells)
    column_totals = [sum(row.cells[i] for row in ordered) for i in range(len(agencies))]
    return TrainingSummary(
        year=year,
        agencies=agencies,
        rows=ordered,
        column_totals=column_totals,
        total=sum(column_totals),
        average_end_score=average(end_scores),
        average_follow_up_score=average(follow_up_scores),
    )

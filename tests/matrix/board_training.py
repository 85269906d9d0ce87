"""The learning and development pages: every board role reads; only the board manager
writes."""

import datetime

from board.models import Course, CourseLevel, Delivery, SessionAttendance, TrainingSession

from .board import read, write


def _course(board) -> Course:
    return Course.objects.create(
        board=board, title="Working together", level=CourseLevel.LEVEL_2, delivery=Delivery.ONLINE
    )


def with_course(context) -> dict:
    return {"board_slug": context.board.slug, "pk": _course(context.board).pk}


def with_session(context) -> dict:
    session = TrainingSession.objects.create(
        board=context.board,
        course=_course(context.board),
        date=datetime.date(2014, 10, 2),
        place="Civic Centre",
    )
    return {"board_slug": context.board.slug, "pk": session.pk}


def with_attendance(context) -> dict:
    from tests.factories import AgencyFactory

    session_id = with_session(context)["pk"]
    attendance = SessionAttendance.objects.create(
        board=context.board,
        session_id=session_id,
        agency=AgencyFactory(board=context.board),
        attendees=3,
    )
    return {"board_slug": context.board.slug, "pk": attendance.pk}


ENTRIES = {
    "training-summary": read(),
    "training-course-list": read(),
    "training-session-list": read(),
    "training-session-detail": read(kwargs=with_session),
    "training-course-create": write(),
    "training-course-edit": write(kwargs=with_course),
    "training-session-create": write(),
    "training-session-edit": write(kwargs=with_session),
    "training-attendance-create": write(kwargs=with_session),
    "training-evaluation-edit": write(kwargs=with_session),
    "training-course-delete": write(kwargs=with_course),
    "training-session-delete": write(kwargs=with_session),
    "training-attendance-delete": write(kwargs=with_attendance),
}

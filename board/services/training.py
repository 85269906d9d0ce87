"""Writes for the learning and development programme."""

from django.db import transaction

from ..models import Agency, Board, SessionAttendance, SessionEvaluation, TrainingSession


@transaction.atomic
def attendance_record(
    *, board: Board, session: TrainingSession, agency: Agency, attendees: int
) -> SessionAttendance:
    """Record (or correct) how many people from `agency` attended `session`. Refused for
    a session that has not happened yet."""
    attendance = SessionAttendance.objects.filter(board=board, session=session, agency=agency)
    instance = attendance.first() or SessionAttendance(board=board, session=session, agency=agency)
    instance.attendees = attendees
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def evaluation_save(*, instance: SessionEvaluation) -> SessionEvaluation:
    """Save a session's evaluation; scores outside 1-5 and future sessions are refused."""
    instance.full_clean()
    instance.save()
    return instance

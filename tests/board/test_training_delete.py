"""Deleting training records: a course with sessions is kept (its attendance is in the
year's totals); a session goes with its attendance and evaluation, after a confirmation
page that says so; one agency's attendance can be removed to correct a mistake."""

from board.models import Course, SessionAttendance, TrainingSession
from board.selectors.training import year_summary
from board.services.training import attendance_record
from tests.board.test_training import YEAR, course, session, url
from tests.factories import AgencyFactory


def test_a_course_with_sessions_cannot_be_deleted(board, manager, client_for):
    held = session(board)
    client = client_for(manager)
    response = client.post(url(board, "training-course-delete", pk=held.course.pk), follow=True)
    assert "cannot be deleted: it is used by training session records" in (
        response.content.decode()
    )
    assert Course.objects.filter(pk=held.course.pk).exists()


def test_an_unused_course_is_deleted_after_confirmation(board, manager, client_for):
    unused = course(board, "Never run")
    client = client_for(manager)
    confirm = client.get(url(board, "training-course-delete", pk=unused.pk)).content.decode()
    assert "Are you sure you want to delete this course?" in confirm
    assert Course.objects.filter(pk=unused.pk).exists()  # the GET deletes nothing
    response = client.post(url(board, "training-course-delete", pk=unused.pk))
    assert response.status_code == 302
    assert not Course.objects.filter(pk=unused.pk).exists()


def test_deleting_a_session_takes_its_attendance_out_of_the_totals(board, manager, client_for):
    police = AgencyFactory(board=board, name="Police")
    first, second = session(board), session(board)
    attendance_record(board=board, session=first, agency=police, attendees=12)
    attendance_record(board=board, session=second, agency=police, attendees=5)
    assert year_summary(board, YEAR).total == 17
    client = client_for(manager)
    confirm = client.get(url(board, "training-session-delete", pk=first.pk)).content.decode()
    assert "Its attendance (12 attendees from 1 agencies)" in confirm
    assert client.post(url(board, "training-session-delete", pk=first.pk)).status_code == 302
    assert not TrainingSession.objects.filter(pk=first.pk).exists()
    assert year_summary(board, YEAR).total == 5


def test_one_agencys_attendance_is_removed(board, manager, client_for):
    police, health = AgencyFactory(board=board, name="Police"), AgencyFactory(board=board)
    held = session(board)
    wrong = attendance_record(board=board, session=held, agency=police, attendees=40)
    attendance_record(board=board, session=held, agency=health, attendees=4)
    client = client_for(manager)
    detail = client.get(url(board, "training-session-detail", pk=held.pk)).content.decode()
    assert 'Remove<span class="govuk-visually-hidden"> Police</span>' in detail
    confirm = client.get(url(board, "training-attendance-delete", pk=wrong.pk)).content.decode()
    assert "40 attendees from Police" in confirm
    client.post(url(board, "training-attendance-delete", pk=wrong.pk))
    assert list(SessionAttendance.objects.values_list("attendees", flat=True)) == [4]


def test_deleting_is_for_the_manager_of_the_board_only(
    board, other_board_manager, board_member, client_for
):
    held = session(board)
    attendance = attendance_record(
        board=board, session=held, agency=AgencyFactory(board=board), attendees=3
    )
    targets = [
        ("training-course-delete", held.course.pk),
        ("training-session-delete", held.pk),
        ("training-attendance-delete", attendance.pk),
    ]
    for name, pk in targets:
        assert client_for(board_member).post(url(board, name, pk=pk)).status_code == 403
        response = client_for(other_board_manager).post(url(board, name, pk=pk))
        assert response.status_code == 404
    assert TrainingSession.objects.filter(pk=held.pk).exists()
    assert SessionAttendance.objects.filter(pk=attendance.pk).exists()

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from board.models import (
    Course,
    CourseLevel,
    Delivery,
    SessionAttendance,
    SessionEvaluation,
    TrainingSession,
)
from board.selectors.training import year_summary
from board.services.training import attendance_record, evaluation_save
from core.periods import FinancialYear
from tests.factories import AgencyFactory

YEAR = FinancialYear.parse("2014-15")


def course(board, title="Safeguarding basics", **kwargs) -> Course:
    kwargs.setdefault("level", CourseLevel.LEVEL_1)
    kwargs.setdefault("delivery", Delivery.FACE_TO_FACE)
    return Course.objects.create(board=board, title=title, **kwargs)


def session(board, on=datetime.date(2014, 6, 10), of=None) -> TrainingSession:
    return TrainingSession.objects.create(
        board=board, course=of or course(board), date=on, place="Civic Centre"
    )


def url(board, name, **kwargs) -> str:
    return reverse(name, kwargs={"board_slug": board.slug, **kwargs})


def test_year_summary_rows_and_columns_agree_with_the_total(board):
    police, health = AgencyFactory(board=board, name="Police"), AgencyFactory(board=board)
    basics, neglect = course(board), course(board, "Neglect")
    first, second = session(board, of=basics), session(board, datetime.date(2015, 3, 31), basics)
    third = session(board, datetime.date(2014, 4, 1), neglect)
    for s, agency, n in [
        (first, police, 12),
        (second, police, 3),
        (first, health, 7),
        (third, health, 5),
    ]:
        attendance_record(board=board, session=s, agency=agency, attendees=n)
    outside_year = session(board, datetime.date(2015, 4, 1), basics)
    attendance_record(board=board, session=outside_year, agency=police, attendees=100)

    summary = year_summary(board, YEAR)

    rows = {row.course.title: row for row in summary.rows}
    assert rows["Safeguarding basics"].total == 22
    assert rows["Neglect"].total == 5
    assert summary.total == 27
    assert sum(row.total for row in summary.rows) == sum(summary.column_totals) == summary.total
    for row in summary.rows:
        assert row.total == sum(row.cells)
    by_agency = dict(zip([a.name for a in summary.agencies], summary.column_totals, strict=True))
    assert by_agency["Police"] == 15


def test_recording_attendance_again_corrects_it_rather_than_adding(board):
    agency, s = AgencyFactory(board=board), session(board)
    attendance_record(board=board, session=s, agency=agency, attendees=4)
    attendance_record(board=board, session=s, agency=agency, attendees=6)
    assert year_summary(board, YEAR).total == 6


def test_average_scores_are_rounded_half_up(board):
    basics = course(board)
    for end, follow_up in [("4.0", "3.0"), ("4.5", None), ("4.0", "4.0")]:
        evaluation_save(
            instance=SessionEvaluation(
                board=board,
                session=session(board, of=basics),
                end_score=Decimal(end),
                follow_up_score=Decimal(follow_up) if follow_up else None,
            )
        )
    summary = year_summary(board, YEAR)
    assert summary.average_end_score == Decimal("4.2")  # 12.5 / 3 = 4.1666...
    assert summary.average_follow_up_score == Decimal("3.5")
    assert summary.rows[0].sessions == 3


def test_attendance_for_a_future_session_is_refused(board, manager, client_for):
    agency = AgencyFactory(board=board)
    future = session(board, timezone.localdate() + datetime.timedelta(days=1))
    with pytest.raises(ValidationError, match="has not happened yet"):
        attendance_record(board=board, session=future, agency=agency, attendees=3)

    response = client_for(manager).post(
        url(board, "training-attendance-create", pk=future.pk),
        {"agency": agency.pk, "attendees": 3},
    )
    assert response.status_code == 200
    assert "has not happened yet" in response.content.decode()
    assert not SessionAttendance.objects.exists()


def test_attendance_today_is_accepted_through_the_page(board, manager, client_for):
    agency = AgencyFactory(board=board)
    today = session(board, timezone.localdate())
    response = client_for(manager).post(
        url(board, "training-attendance-create", pk=today.pk),
        {"agency": agency.pk, "attendees": 9},
    )
    assert response.status_code == 302
    assert SessionAttendance.objects.get().attendees == 9


def test_attendance_bad_input_is_refused(board, other_board, manager, client_for):
    s = session(board)
    elsewhere = AgencyFactory(board=other_board)
    client = client_for(manager)
    for data in [{"agency": elsewhere.pk, "attendees": 3}, {"agency": "", "attendees": 0}]:
        response = client.post(url(board, "training-attendance-create", pk=s.pk), data)
        assert response.status_code == 200
    assert not SessionAttendance.objects.exists()


@pytest.mark.parametrize("field", ["end_score", "follow_up_score"])
@pytest.mark.parametrize("score", ["0", "5.1", "6"])
def test_a_score_outside_the_scale_is_refused(board, manager, client_for, field, score):
    s = session(board)
    data = {"end_score": "4", "follow_up_score": "", field: score}
    response = client_for(manager).post(url(board, "training-evaluation-edit", pk=s.pk), data)
    assert response.status_code == 200
    label = {"end_score": "End-of-course score", "follow_up_score": "Follow-up score"}[field]
    assert f"{label} must be between 1 and 5" in response.content.decode()
    assert not SessionEvaluation.objects.exists()
    with pytest.raises(ValidationError):
        evaluation_save(
            instance=SessionEvaluation(
                board=board,
                session=s,
                end_score=Decimal(data["end_score"]),
                follow_up_score=Decimal(data["follow_up_score"] or "3"),
            )
        )


def test_manager_records_an_evaluation_and_sees_it(board, manager, client_for, viewer):
    s = session(board)
    response = client_for(manager).post(
        url(board, "training-evaluation-edit", pk=s.pk),
        {"end_score": "4.5", "end_comments": "Useful", "follow_up_score": ""},
    )
    assert response.status_code == 302
    assert SessionEvaluation.objects.get(session=s).end_score == Decimal("4.5")
    page = client_for(viewer).get(url(board, "training-session-detail", pk=s.pk))
    assert "Useful" in page.content.decode()


def test_manager_creates_a_course_and_a_session(board, manager, client_for):
    client = client_for(manager)
    response = client.post(
        url(board, "training-course-create"),
        {"title": "Child sexual exploitation", "level": "level_3", "delivery": "conference"},
    )
    assert response.status_code == 302
    new = Course.objects.get(board=board)
    response = client.post(
        url(board, "training-session-create"),
        {
            "course": new.pk,
            "date_0": "2",
            "date_1": "10",
            "date_2": "2014",
            "place": "Town Hall",
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert TrainingSession.objects.get(board=board).course == new


def test_a_session_cannot_use_another_boards_course(board, other_board, manager, client_for):
    theirs = course(other_board)
    response = client_for(manager).post(
        url(board, "training-session-create"),
        {"course": theirs.pk, "date_0": "2", "date_1": "10", "date_2": "2014", "place": "X"},
    )
    assert response.status_code == 200
    assert not TrainingSession.objects.exists()


def test_another_boards_session_is_not_found(board, other_board, manager, client_for):
    theirs = session(other_board)
    client = client_for(manager)
    for name in [
        "training-session-detail",
        "training-attendance-create",
        "training-evaluation-edit",
    ]:
        assert client.get(url(board, name, pk=theirs.pk)).status_code == 404
    agency = AgencyFactory(board=board)
    client.post(
        url(board, "training-attendance-create", pk=theirs.pk),
        {"agency": agency.pk, "attendees": 1},
    )
    assert not SessionAttendance.objects.exists()


def test_only_the_board_manager_writes(
    board, viewer, board_member, client_for, other_board_manager
):
    s = session(board)
    agency = AgencyFactory(board=board)
    for user in [viewer, board_member]:
        client = client_for(user)
        assert client.get(url(board, "training-summary")).status_code == 200
        response = client.post(
            url(board, "training-attendance-create", pk=s.pk), {"agency": agency.pk, "attendees": 1}
        )
        assert response.status_code == 403
        assert (
            client.post(
                url(board, "training-evaluation-edit", pk=s.pk), {"end_score": "3"}
            ).status_code
            == 403
        )
    assert client_for(other_board_manager).get(url(board, "training-summary")).status_code == 404
    assert not SessionAttendance.objects.exists() and not SessionEvaluation.objects.exists()


def _training_year(board, sessions_count: int) -> None:
    agencies = [AgencyFactory(board=board) for _ in range(sessions_count)]
    for i in range(sessions_count):
        s = session(board, datetime.date(2014, 5, 1 + i), course(board, f"Course {i}"))
        SessionEvaluation.objects.create(board=board, session=s, end_score=Decimal("4"))
        for agency in agencies:
            SessionAttendance.objects.create(board=board, session=s, agency=agency, attendees=2)


def test_the_summary_page_issues_a_constant_number_of_queries(
    board, manager, client_for, django_assert_num_queries
):
    client = client_for(manager)
    page = url(board, "training-summary") + "?year=2014-15"
    _training_year(board, 1)
    client.get(page)  # warm the session and anything cached once
    with CaptureQueriesContext(connection) as small:
        assert client.get(page).status_code == 200
    _training_year(board, 6)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(page)
        assert response.status_code == 200
        assert response.context["summary"].total == 2 * 1 + 2 * 6 * 6

"""Members, meetings with attendance, and actions, read through the API."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from api.services import api_token_create
from board.models import Action, Attendance, Meeting, Membership, Person

from ..factories import AgencyFactory


def token_client(user) -> Client:
    _, secret = api_token_create(user=user, name="test", valid_days=None)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    client.get(reverse("api:board-list"))  # first use is recorded; later calls are reads only
    return client


def url(name, board) -> str:
    return reverse(f"api:{name}-list", kwargs={"board_slug": board.slug})


def add_member(board, name: str, start: date, end: date | None = None) -> Membership:
    person = Person.objects.create(board=board, full_name=name)
    return Membership.objects.create(
        board=board,
        person=person,
        agency=AgencyFactory(board=board),
        board_role="agency_representative",
        start_date=start,
        end_date=end,
    )


def add_meeting(board, day: date, members) -> Meeting:
    meeting = Meeting.objects.create(board=board, kind="board", date=day)
    for membership in members:
        Attendance.objects.create(
            board=board, meeting=meeting, membership=membership, status="present"
        )
    return meeting


def test_members_can_be_filtered_to_those_serving_today(board_member, board):
    today = timezone.localdate()
    add_member(board, "Serving", today - timedelta(days=30))
    add_member(board, "Former", date(2014, 4, 1), date(2015, 3, 31))
    client = token_client(board_member)
    current = client.get(url("membership", board), {"current": "true"}).json()["results"]
    assert [m["person"] for m in current] == ["Serving"]
    former = client.get(url("membership", board), {"current": "false"}).json()["results"]
    assert [m["person"] for m in former] == ["Former"]


def test_meetings_carry_their_attendance_in_a_constant_number_of_queries(
    board_member, board, django_assert_num_queries
):
    members = [add_member(board, f"Person {n}", date(2014, 4, 1)) for n in range(3)]
    add_meeting(board, date(2014, 6, 1), members)
    client = token_client(board_member)
    with CaptureQueriesContext(connection) as small:
        body = client.get(url("meeting", board)).json()
    assert len(body["results"][0]["attendance"]) == 3
    for month in range(7, 12):
        add_meeting(board, date(2014, month, 1), members)
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url("meeting", board)).json()["count"] == 6


def test_overdue_actions_are_found_and_another_board_sees_none(
    board_member, board, other_board_manager
):
    Action.objects.create(
        board=board,
        description="Late",
        due_date=date(2015, 1, 1),
        owner_agency=AgencyFactory(board=board),
    )
    Action.objects.create(
        board=board,
        description="Soon",
        due_date=date(2099, 1, 1),
        owner_agency=AgencyFactory(board=board),
    )
    overdue = token_client(board_member).get(url("action", board), {"overdue": "true"}).json()
    assert [a["description"] for a in overdue["results"]] == ["Late"]
    assert overdue["results"][0]["is_overdue"] is True
    assert token_client(other_board_manager).get(url("action", board)).status_code == 404


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("action", {"status": "finished-ish"}),
        ("action", {"overdue": "maybe"}),
        ("meeting", {"date_from": "last tuesday"}),
        ("membership", {"current": "1"}),
    ],
)
def test_filters_refuse_what_they_cannot_understand(board_member, board, name, query):
    response = token_client(board_member).get(url(name, board), query)
    assert response.status_code == 400
    assert set(query) <= set(response.json())


def test_board_records_cannot_be_written_through_the_api(manager, board):
    response = token_client(manager).post(
        url("action", board), {"description": "x"}, content_type="application/json"
    )
    assert response.status_code == 405

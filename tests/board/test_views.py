"""Tenancy and roles for every board page (beyond the GET checks of the permission
matrix): writes by read-only roles are refused, another board's records are not found,
and list pages issue the same number of queries however many rows they show."""

import datetime
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from board.models import Action, Agency, Meeting
from tests.factories import AgencyFactory
from tests.forms import date_parts
from tests.matrix.board import ENTRIES, MANAGER

from . import factories

WRITE_URLS = sorted(name for name, rule in ENTRIES.items() if set(rule.roles) == set(MANAGER))
OBJECT_URLS = sorted(name for name, rule in ENTRIES.items() if rule.kwargs.__name__ == "kwargs")


@pytest.mark.parametrize("url_name", WRITE_URLS)
@pytest.mark.parametrize("persona", ["chair", "board_member", "lay_member", "viewer"])
def test_read_only_roles_cannot_post_to_write_pages(url_name, persona, board, client_for, request):
    user = request.getfixturevalue(persona)
    url = reverse(url_name, kwargs=ENTRIES[url_name].kwargs(SimpleNamespace(board=board)))
    response = client_for(user).post(url, {"name": "Changed", "description": "Changed"})
    assert response.status_code == 403


@pytest.mark.parametrize("url_name", OBJECT_URLS)
def test_another_boards_record_is_not_found(url_name, board, other_board, manager, client_for):
    kwargs = ENTRIES[url_name].kwargs(SimpleNamespace(board=other_board))
    kwargs["board_slug"] = board.slug  # our board in the URL, their record's id
    url = reverse(url_name, kwargs=kwargs)
    assert client_for(manager).get(url).status_code == 404
    assert client_for(manager).post(url, {}).status_code == 404


def test_another_boards_agency_cannot_be_chosen_in_a_form(board, other_board, manager, client_for):
    theirs = AgencyFactory(board=other_board)
    url = reverse("action-create", kwargs={"board_slug": board.slug})
    response = client_for(manager).post(
        url,
        {
            "description": "Check",
            "owner_agency": theirs.pk,
            "due_date_0": "1",
            "due_date_1": "3",
            "due_date_2": "2015",
        },
    )
    assert response.status_code == 200
    assert "Choose the owning agency from the list" in response.content.decode()
    assert not Action.objects.exists()


def test_the_manager_adds_an_action_and_records_progress(board, manager, client_for):
    agency = AgencyFactory(board=board)
    client = client_for(manager)
    url = reverse("action-create", kwargs={"board_slug": board.slug})
    data = {
        "description": "Audit MASH referrals",
        "owner_agency": agency.pk,
        "due_date_0": "31",
        "due_date_1": "3",
        "due_date_2": "2015",
    }
    assert client.post(url, data).status_code == 302
    action = Action.objects.get()
    progress = reverse("action-progress", kwargs={"board_slug": board.slug, "pk": action.pk})
    data = {"date_0": "1", "date_1": "2", "date_2": "2015", "text": "Done", "status": "complete"}
    response = client.post(progress, data)
    assert "Record the evidence of completion" in response.content.decode()
    data["evidence"] = "Audit report"
    assert client.post(progress, data).status_code == 302
    action.refresh_from_db()
    assert (action.status, action.evidence) == ("complete", "Audit report")


def test_deleting_asks_for_confirmation_first(board, manager, client_for):
    agency = AgencyFactory(board=board)
    url = reverse("agency-delete", kwargs={"board_slug": board.slug, "pk": agency.pk})
    client = client_for(manager)
    assert "Are you sure" in client.get(url).content.decode()
    assert Agency.objects.filter(pk=agency.pk).exists()
    assert client.post(url).status_code == 302
    assert not Agency.objects.filter(pk=agency.pk).exists()


def test_an_agency_in_use_is_not_deleted(board, manager, client_for):
    membership = factories.MembershipFactory(board=board)
    url = reverse("agency-delete", kwargs={"board_slug": board.slug, "pk": membership.agency.pk})
    client_for(manager).post(url)
    assert Agency.objects.filter(pk=membership.agency.pk).exists()


def _grow(board, n):
    for i in range(n):
        membership = factories.MembershipFactory(board=board)
        meeting = factories.MeetingFactory(board=board, date=datetime.date(2014, 5, 1 + i))
        factories.PaperFactory(board=board, meeting=meeting)
        factories.AttendanceFactory(board=board, meeting=meeting, membership=membership)
        objective = factories.ObjectiveFactory(board=board)
        action = factories.ActionFactory(board=board, owner_person=membership.person)
        action.source = objective if i % 2 else meeting
        action.save()
        factories.ChallengeFactory(board=board)
        factories.ExpenditureLineFactory(board=board, heading=f"Heading {i % 3}")
        factories.IncomeLineFactory(board=board)
        factories.PersonFactory(board=board)


LIST_PAGES = [
    ("agency-list", {}),
    ("member-list", {"show": "all"}),
    ("person-list", {}),
    ("membership-gaps", {}),
    ("meeting-list", {"year": "2014-15"}),
    ("attendance-report", {"year": "2014-15"}),
    ("action-list", {}),
    ("plan", {"year": "2014-15"}),
    ("challenge-list", {}),
    ("budget", {"year": "2014-15"}),
]


@pytest.mark.parametrize(("url_name", "query"), LIST_PAGES)
def test_list_pages_issue_a_constant_number_of_queries(url_name, query, board, manager, client_for):
    client = client_for(manager)
    url = reverse(url_name, kwargs={"board_slug": board.slug})
    _grow(board, 2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url, query).status_code == 200
    _grow(board, 8)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url, query).status_code == 200
    assert len(large) == len(small), [q["sql"] for q in large.captured_queries]


def test_a_meeting_page_shows_its_actions_and_attendance(board, chair, client_for):
    attendance = factories.AttendanceFactory(board=board, status="deputy", deputy_name="Ms Deputy")
    url = reverse("meeting-detail", kwargs={"board_slug": board.slug, "pk": attendance.meeting.pk})
    text = client_for(chair).get(url).content.decode()
    assert "Deputy sent: Ms Deputy" in text
    assert "Record attendance" not in text


def test_the_meeting_type_radios_offer_no_empty_choice_and_none_is_preselected(
    board, manager, client_for
):
    page = client_for(manager).get(reverse("meeting-create", kwargs={"board_slug": board.slug}))
    html = page.content.decode()
    assert "---------" not in html
    assert html.count('name="kind"') == 3  # board, executive, development day
    assert 'name="kind" value="" ' not in html and "checked" not in html


def test_a_meeting_without_a_type_or_a_real_date_is_refused_naming_both(board, manager, client_for):
    url = reverse("meeting-create", kwargs={"board_slug": board.slug})
    data = {"title": "", **date_parts("date", "31/2/2026")}
    response = client_for(manager).post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose the type of meeting" in page
    assert "Date must be a real date" in page
    assert "day is out of range" not in page
    assert not Meeting.objects.exists()

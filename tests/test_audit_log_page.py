"""The board manager's audit log page."""

from datetime import date

from django.urls import reverse

from board.audit import log_access
from board.models import AuditEntry

from .factories import AgencyFactory
from .forms import date_parts


def log_url(board, **query) -> str:
    url = reverse("audit-log", kwargs={"board_slug": board.slug})
    if query:
        from urllib.parse import urlencode

        url += "?" + urlencode(query)
    return url


def test_the_manager_sees_changes_to_their_own_board_only(client_for, manager, board, other_board):
    AgencyFactory(board=board, name="Metropolitan Police Service")
    AgencyFactory(board=other_board, name="Somewhere Else Police")
    page = client_for(manager).get(log_url(board)).content.decode()
    assert "Metropolitan Police Service" in page
    assert "Somewhere Else Police" not in page


def test_restricted_reads_appear_in_the_log(client_for, manager, board):
    agency = AgencyFactory(board=board, name="Read Me")
    log_access(agency)
    response = client_for(manager).get(log_url(board, action=AuditEntry.Action.ACCESS))
    entries = list(response.context["page"].object_list)
    assert [entry.object_repr for entry in entries] == ["Read Me"]


def test_filters_narrow_the_log(client_for, manager, board):
    agency = AgencyFactory(board=board, name="Before")
    agency.name = "After"
    agency.save()
    client = client_for(manager)
    response = client.get(log_url(board, action=AuditEntry.Action.UPDATE))
    entries = list(response.context["page"].object_list)
    assert len(entries) == 1
    assert "Before" in response.content.decode() and "After" in response.content.decode()


def test_a_backwards_date_range_is_an_error_not_an_empty_success(client_for, manager, board):
    AgencyFactory(board=board)
    response = client_for(manager).get(
        log_url(
            board,
            **date_parts("date_from", date(2015, 4, 1)),
            **date_parts("date_to", date(2015, 3, 1)),
        )
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "The end date must be on or after the start date" in page


def test_hostile_filter_values_are_refused_politely(client_for, manager, board):
    response = client_for(manager).get(
        log_url(
            board,
            person="' OR 1=1 --",
            action="<script>",
            **date_parts("date_from", "yesterday/4/2015"),
        )
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "<script>" not in page


def test_another_boards_person_cannot_be_chosen_as_a_filter(
    client_for, manager, board, other_board_manager
):
    response = client_for(manager).get(log_url(board, person=other_board_manager.pk))
    assert "Select a valid choice" in response.content.decode()


def test_the_log_pages_and_its_queries_do_not_grow_with_entries(
    client_for, manager, board, django_assert_num_queries
):
    client = client_for(manager)
    AgencyFactory.create_batch(60, board=board)  # already more than one page
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(log_url(board))
    AgencyFactory.create_batch(300, board=board)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(log_url(board))
    assert len(response.context["page"].object_list) == 50
    assert 'rel="next"' in response.content.decode()


def test_only_the_manager_sees_the_audit_log_in_the_menu(client_for, manager, chair, board):
    url = reverse("board-detail", kwargs={"board_slug": board.slug})
    assert "Audit log" in client_for(manager).get(url).content.decode()
    assert "Audit log" not in client_for(chair).get(url).content.decode()

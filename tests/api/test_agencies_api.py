"""The agencies endpoint: same permissions as the pages, strict input, constant queries."""

import pytest
from django.test import Client
from django.urls import reverse

from api.services import api_token_create
from board.models import Agency

from ..factories import AgencyFactory


def agencies_url(board) -> str:
    return reverse("api:agency-list", kwargs={"board_slug": board.slug})


def token_client(user) -> Client:
    _, secret = api_token_create(user=user, name="test", valid_days=None)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_the_manager_adds_an_agency(manager, board):
    response = token_client(manager).post(
        agencies_url(board),
        {"name": "Metropolitan Police Service", "sector": "police", "is_statutory_partner": True},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    assert Agency.objects.get(board=board).name == "Metropolitan Police Service"


def test_a_write_through_a_token_is_attributed_to_the_tokens_owner(manager, board):
    from board.audit import entries_for_board

    token_client(manager).post(
        agencies_url(board),
        {"name": "CAFCASS", "sector": "cafcass"},
        content_type="application/json",
    )
    entry = entries_for_board(board).get(object_repr="CAFCASS")
    assert entry.actor == manager


def test_a_board_member_reads_but_cannot_write(board_member, board):
    AgencyFactory(board=board)
    client = token_client(board_member)
    assert client.get(agencies_url(board)).status_code == 200
    response = client.post(
        agencies_url(board), {"name": "X", "sector": "police"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert not Agency.objects.filter(name="X").exists()


def test_another_boards_agency_is_not_found(other_board_manager, board):
    agency = AgencyFactory(board=board)
    url = reverse("api:agency-detail", kwargs={"board_slug": board.slug, "id": agency.pk})
    assert token_client(other_board_manager).get(url).status_code == 404


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"name": "A", "sector": "spaceforce"}, "sector", "not a valid choice"),
        ({"name": "A", "sector": "police", "colour": "red"}, "colour", "not known"),
        ({"sector": "police"}, "name", "required"),
        ({"name": 12, "sector": ["police"]}, "sector", "not a valid choice"),
    ],
)
def test_bad_input_is_a_400_with_field_messages(manager, board, body, field, message):
    AgencyFactory(board=board, name="Taken")
    response = token_client(manager).post(
        agencies_url(board), body, content_type="application/json"
    )
    assert response.status_code == 400
    assert message in str(response.json()[field])
    assert Agency.objects.filter(board=board).count() == 1


def test_a_duplicate_name_is_a_conflict(manager, board):
    AgencyFactory(board=board, name="Taken")
    response = token_client(manager).post(
        agencies_url(board),
        {"name": " taken ", "sector": "police"},
        content_type="application/json",
    )
    assert response.status_code == 409
    assert "already has an agency" in response.json()["detail"]


@pytest.mark.parametrize("value", ["yes", "2", ""])
def test_a_filter_value_that_is_not_understood_is_refused(board_member, board, value):
    AgencyFactory(board=board)
    response = token_client(board_member).get(agencies_url(board), {"is_statutory_partner": value})
    if value:
        assert response.status_code == 400
    else:
        assert response.status_code == 200  # an empty filter is no filter


def test_an_unknown_api_address_answers_json(board_member):
    response = token_client(board_member).get("/api/v1/no/such/thing/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_malformed_json_is_a_400(manager, board):
    response = token_client(manager).post(
        agencies_url(board), "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]


def test_the_list_costs_the_same_queries_for_2_or_200_agencies(
    manager, board, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = token_client(manager)
    client.get(agencies_url(board))  # the first use of a token also records it
    AgencyFactory.create_batch(2, board=board)
    with CaptureQueriesContext(connection) as small:
        client.get(agencies_url(board))
    AgencyFactory.create_batch(200, board=board)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(agencies_url(board))
    assert response.json()["count"] == 202
    assert len(response.json()["results"]) == 100  # one page


def test_the_schema_documents_the_endpoints(client_for, board_member):
    schema = client_for(board_member).get(reverse("api:schema"), {"format": "json"}).json()
    assert "/api/v1/boards/{board_slug}/agencies/" in schema["paths"]
    assert schema["components"]["securitySchemes"]

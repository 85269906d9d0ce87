"""When the database cannot be reached, the answer tells the truth about the request:
503 (unavailable for a while, not broken), "Your change was not saved" for a save and
"could not be shown" for a page, and JSON for the API. The database is really away: the
site's connection is pointed at a port where nothing listens ("refused"), or its server
process is ended from another connection (pg_terminate_backend, "dropped")."""

import logging
import socket

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from api.services import api_token_create
from board.models import Agency, Person


def a_closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class DatabaseOutage:
    def __init__(self, how: str) -> None:
        self.how = how
        self.saved = {key: connection.settings_dict[key] for key in ("HOST", "PORT")}

    def begin(self) -> None:
        if self.how == "refused":
            connection.close()
            connection.settings_dict.update(HOST="127.0.0.1", PORT=str(a_closed_port()))
        else:
            connection.ensure_connection()
            pid = connection.connection.get_backend_pid()
            other = connection.get_new_connection(connection.get_connection_params())
            other.autocommit = True
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            other.close()

    def end(self) -> None:
        connection.close()
        connection.settings_dict.update(self.saved)


@pytest.fixture(params=["refused", "dropped"])
def database_outage(request, transactional_db):
    # transactional_db: the test's data is committed, so closing the connection loses none.
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    outage = DatabaseOutage(request.param)
    yield outage
    outage.end()


def page_client(client) -> Client:
    client.raise_request_exception = False  # answer as production does, not re-raise
    return client


def test_a_save_the_database_refused_says_it_was_not_saved(
    client_for, manager, board, database_outage, caplog
):
    client = page_client(client_for(manager))
    database_outage.begin()
    response = client.post(
        reverse("person-create", kwargs={"board_slug": board.slug}),
        {"full_name": "Alex Example", "email": ""},
    )
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "Your change was not saved" in page
    assert "has been lost" not in page
    assert any(r.name == "django.request" and r.levelno >= logging.ERROR for r in caplog.records)
    database_outage.end()
    assert not Person.objects.filter(full_name="Alex Example").exists()  # it was not


def test_a_page_the_database_could_not_answer_says_it_could_not_be_shown(
    client_for, manager, board, database_outage
):
    client = page_client(client_for(manager))
    database_outage.begin()
    response = client.get(reverse("board-detail", args=[board.slug]))
    assert response.status_code == 503
    page = response.content.decode()
    assert "The page could not be shown" in page
    assert "not saved" not in page


def test_the_api_answers_json_while_the_database_is_away(manager, board, database_outage):
    _, secret = api_token_create(user=manager, name="partner system", valid_days=None)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}", raise_request_exception=False)
    agencies = reverse("api:agency-list", kwargs={"board_slug": board.slug})
    database_outage.begin()

    read = api.get(agencies)
    assert read.status_code == 503
    assert "could not be read" in read.json()["detail"]
    write = api.post(agencies, {"name": "CAFCASS", "sector": "cafcass"}, "application/json")
    assert write.status_code == 503
    assert "was not saved" in write.json()["detail"]

    database_outage.end()
    assert not Agency.objects.filter(name="CAFCASS").exists()

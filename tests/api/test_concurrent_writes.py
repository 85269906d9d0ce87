"""The same bulk request sent twice at the same moment (a partner system retrying after a
timeout, or two of its workers), with and without an Idempotency-Key, against the real
PostgreSQL: it is written once, and the other request gets an answer in JSON, never a
500."""

from datetime import date

import pytest
from django.db import connection

from api import idempotency
from api.models import IdempotentRequest
from board.models import AuditEntry
from datasets.models import Indicator, Observation
from datasets.services import observations
from datasets.services.observations import lock_board_figures

from ..concurrency import (
    answering_errors,
    at_once,
    in_another_transaction,
    in_background,
    someone_waits_for_a_lock,
    wait_until,
)
from ..datasets.factories import catalogue
from .test_datasets_api import ROWS, send, token_client

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]
KEY = {"Idempotency-Key": "nightly-2014-q1"}


@pytest.fixture
def clients(manager, board):
    """Two API clients of the one partner system, on a board with the starter catalogue."""
    catalogue(board)
    return [answering_errors(token_client(manager)) for _ in range(2)]


def figures_written(board) -> tuple[int, int]:
    audit = AuditEntry.objects.filter(board=board, changes__has_key="value").count()
    return Observation.objects.filter(board=board).count(), audit


def test_the_same_key_twice_at_once_writes_once_and_both_get_its_answer(clients, board):
    first, second = at_once(*[lambda c=c: send(c, board, ROWS, **KEY) for c in clients])

    assert (first.status_code, second.status_code) == (200, 200)
    assert first.json() == second.json() == {"new": 3, "changed": 0, "unchanged": 0}
    replayed = [r for r in (first, second) if r.get("Idempotent-Replayed") == "true"]
    assert len(replayed) == 1  # one wrote, the other waited for its answer
    assert figures_written(board) == (3, 3)
    assert IdempotentRequest.objects.get().status == IdempotentRequest.Status.DONE


def test_no_key_twice_at_once_writes_once_and_the_second_finds_it_stored(clients, board):
    answers = at_once(*[lambda c=c: send(c, board, ROWS) for c in clients])

    assert [a.status_code for a in answers] == [200, 200]
    assert sorted(a.json()["new"] for a in answers) == [0, 3]
    assert sorted(a.json()["unchanged"] for a in answers) == [0, 3]
    assert figures_written(board) == (3, 3)


def test_a_retry_while_the_first_still_writes_answers_409_in_progress(clients, board, monkeypatch):
    monkeypatch.setattr(idempotency, "WAIT_FOR_FIRST_SECONDS", 0.3)
    first_client, retry_client = clients
    # The first request is slow: an import is writing the board's figures meanwhile.
    with in_another_transaction(lambda: lock_board_figures([board])):
        first = in_background(lambda: send(first_client, board, ROWS, **KEY))
        wait_until(IdempotentRequest.objects.exists, "the first request to reserve its key")

        retry = send(retry_client, board, ROWS, **KEY)

        assert retry.status_code == 409
        assert retry["Content-Type"] == "application/json"
        assert "still being processed" in retry.json()["detail"]
        assert retry["Retry-After"] == str(idempotency.RETRY_AFTER_SECONDS)
    assert first.result().status_code == 200
    again = send(retry_client, board, ROWS, **KEY)
    assert again["Idempotent-Replayed"] == "true"
    assert again.json() == {"new": 3, "changed": 0, "unchanged": 0}
    assert figures_written(board) == (3, 3)


def test_a_write_held_up_too_long_answers_409_and_leaves_the_key_free(clients, board, monkeypatch):
    monkeypatch.setattr(observations, "FIGURES_LOCK_WAIT_SECONDS", 0.3)
    client = clients[0]
    with in_another_transaction(lambda: lock_board_figures([board])):
        busy = send(client, board, ROWS, **KEY)

    assert busy.status_code == 409
    assert "Another import or upload is saving this board's figures" in busy.json()["detail"]
    assert busy["Retry-After"]
    assert figures_written(board) == (0, 0)
    # Nothing was written, so the same request with the same key now writes.
    later = send(client, board, ROWS, **KEY)
    assert later.status_code == 200 and "Idempotent-Replayed" not in later
    assert later.json()["new"] == 3


def test_a_figure_inserted_meanwhile_by_another_writer_answers_409_naming_it(clients, board):
    """A writer outside the API's lock (the admin, say) inserts the same figure while the
    bulk request writes: the request meets the unique constraint and says so."""
    cp_plans = Indicator.objects.get(board=board, code="cp_plans")

    def insert_the_total():  # of 2014-15 Q1, as the first of ROWS
        Observation.objects.create(
            board=board, indicator=cp_plans, period_start=date(2014, 4, 1), value=1
        )

    with in_another_transaction(insert_the_total):
        request = in_background(lambda: send(clients[0], board, ROWS))
        wait_until(someone_waits_for_a_lock, "the request to meet the uncommitted figure")
    answer = request.result()

    assert answer.status_code == 409
    assert answer.json()["constraint"] == "observation_one_total_per_period"
    assert "Nothing from this request was saved" in answer.json()["detail"]
    assert figures_written(board) == (1, 1)  # only the other writer's figure, and its entry

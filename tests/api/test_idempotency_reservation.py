"""An Idempotency-Key is reserved before its write: what a partner system sees when the key
it sends is still in progress, was left behind by a process that died, or when its
request lists more problems than an answer should carry."""

from datetime import timedelta

from django.utils import timezone

from api import idempotency
from api.idempotency import body_hash
from api.models import IdempotentRequest
from datasets.models import Observation

from ..datasets.factories import catalogue
from .test_datasets_api import ROWS, send, token_client

KEY = {"Idempotency-Key": "nightly-2014-q1"}


def reserve(user, board, *, rows=ROWS, minutes_ago=0) -> IdempotentRequest:
    """The row a request that is still writing (or died writing) has left for its key."""
    reservation = IdempotentRequest.objects.create(
        user=user,
        board=board,
        endpoint="api:observation-bulk",
        key=KEY["Idempotency-Key"],
        request_hash=body_hash({"observations": rows}),
        status=IdempotentRequest.Status.IN_PROGRESS,
    )
    when = timezone.now() - timedelta(minutes=minutes_ago)
    IdempotentRequest.objects.filter(pk=reservation.pk).update(updated_at=when)
    return reservation


def test_a_key_still_in_progress_answers_409_after_a_short_wait(manager, board, monkeypatch):
    monkeypatch.setattr(idempotency, "WAIT_FOR_FIRST_SECONDS", 0.1)
    catalogue(board)
    reserve(manager, board)

    answer = send(token_client(manager), board, ROWS, **KEY)

    assert answer.status_code == 409
    assert answer.json()["detail"].startswith("A request with this Idempotency-Key is still")
    assert not Observation.objects.exists()


def test_a_key_in_progress_with_another_body_is_refused_at_once(manager, board, monkeypatch):
    monkeypatch.setattr(idempotency, "WAIT_FOR_FIRST_SECONDS", 60)  # a wait would show
    catalogue(board)
    reserve(manager, board, rows=ROWS[:1])

    answer = send(token_client(manager), board, ROWS, **KEY)

    assert answer.status_code == 422


def test_a_key_left_in_progress_by_a_process_that_died_is_taken_over(manager, board):
    catalogue(board)
    reserve(manager, board, minutes_ago=idempotency.ABANDONED_AFTER.total_seconds() / 60 + 1)

    answer = send(token_client(manager), board, ROWS, **KEY)

    assert answer.status_code == 200 and "Idempotent-Replayed" not in answer
    assert answer.json() == {"new": 3, "changed": 0, "unchanged": 0}
    stored = IdempotentRequest.objects.get()
    assert (stored.status, stored.response) == ("done", answer.json())


def test_a_refused_request_lets_go_of_its_key(manager, board):
    catalogue(board)
    bad = [{"indicator": "cp_plans", "period": "2014-15 Q1", "value": "lots"}]
    assert send(token_client(manager), board, bad, **KEY).status_code == 400
    assert not IdempotentRequest.objects.exists()


def test_a_bulk_request_with_many_problems_lists_the_first_100_and_counts_them_all(manager, board):
    catalogue(board)
    rows = [{"indicator": "cp_plans", "period": "2014-15 Q1", "value": "lots"}] * 150

    answer = send(token_client(manager), board, rows)

    assert answer.status_code == 400
    body = answer.json()
    assert body["error_count"] == 150
    assert len(body["errors"]) == 100
    assert body["errors"][0] == {"row": 0, "field": "value", "message": "'lots' is not a number"}
    assert body["errors"][-1]["row"] == 99

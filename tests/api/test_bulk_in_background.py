"""A bulk write of many figures handed to a background job on a real Celery worker and
Redis: it answers 202 with a status URL at once, the status ends Ready with the counts
(or the rows' problems), a retry with the same key replays the 202, and a small write
still answers 200 in the request."""

import uuid

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.urls import reverse

from core.jobs.models import Job
from datasets.models import Observation, Source
from lscb.celery import app

from ..concurrency import wait_until
from ..datasets.factories import catalogue
from .test_datasets_api import ROWS, send, token_client

needs_redis = pytest.mark.skipif(
    not settings.REDIS_URL, reason="needs REDIS_URL: a real worker needs a real broker"
)


@pytest.fixture
def many(transactional_db, board, settings):
    """Three figures count as many here: more than the setting."""
    settings.API_BULK_IN_BACKGROUND_ROWS = 2
    catalogue(board)


@pytest.fixture
def worker(transactional_db):
    app.control.purge()
    with start_worker(app, perform_ping_check=False, loglevel="WARNING") as worker:
        yield worker
    app.control.purge()


def finished(client, url) -> dict:
    answers = []

    def done() -> bool:
        answers.append(client.get(url).json())
        return answers[-1]["finished"]

    wait_until(done, "the bulk write to finish")
    return answers[-1]


@needs_redis
def test_a_big_bulk_write_answers_202_and_its_status_ends_ready_with_the_counts(
    many, worker, manager, board
):
    client = token_client(manager)
    accepted = send(client, board, ROWS, **{"Idempotency-Key": "big-1"})
    assert accepted.status_code == 202, accepted.json()
    url = accepted.headers["Location"]
    assert accepted.json()["status_url"] == url
    status = finished(client, url)
    assert status["status"] == "ready"
    assert status["result"] == {"new": 3, "changed": 0, "unchanged": 0}
    assert (status["done"], status["total"]) == (3, 3)
    assert Observation.objects.filter(board=board, source=Source.API).count() == 3

    replay = send(client, board, ROWS, **{"Idempotency-Key": "big-1"})
    assert replay.status_code == 202 and replay.headers["Location"] == url
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert Job.objects.filter(task_name="datasets.tasks.apply_bulk_figures").count() == 1


@needs_redis
def test_a_big_bulk_write_with_a_bad_row_ends_with_its_problems_and_writes_nothing(
    many, worker, manager, board
):
    client = token_client(manager)
    rows = [*ROWS, {"indicator": "no_such_thing", "period": "2014-15 Q1", "value": "1"}]
    accepted = send(client, board, rows)
    assert accepted.status_code == 202
    status = finished(client, accepted.headers["Location"])
    assert status["status"] == "ready" and status["result"] is None
    assert status["error_count"] == 1
    assert status["errors"][0]["row"] == 3 and status["errors"][0]["field"] == "indicator"
    assert not Observation.objects.filter(board=board).exists()


def test_a_small_bulk_write_is_answered_in_the_request(transactional_db, manager, board):
    catalogue(board)
    answer = send(token_client(manager), board, ROWS)
    assert answer.status_code == 200
    assert answer.json() == {"new": 3, "changed": 0, "unchanged": 0}
    assert not Job.objects.filter(task_name="datasets.tasks.apply_bulk_figures").exists()


@needs_redis
def test_the_status_of_an_unknown_job_or_another_boards_is_not_found(
    many, manager, board, other_board, other_board_manager
):
    accepted = send(token_client(manager), board, ROWS)
    job_id = accepted.json()["job"]
    mine = token_client(manager)
    for job in (uuid.uuid4(), "-" * 36):  # no such job; not a job id at all
        unknown = reverse("api:bulk-write-detail", kwargs={"board_slug": board.slug, "job_id": job})
        assert mine.get(unknown).status_code == 404
        assert mine.get(unknown).json()["detail"]
    theirs = reverse("api:bulk-write-detail",
                     kwargs={"board_slug": other_board.slug, "job_id": job_id})  # fmt: skip
    assert token_client(other_board_manager).get(theirs).status_code == 404
    app.control.purge()

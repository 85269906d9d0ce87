"""The dataset through the API: bulk upsert (all-or-nothing, idempotent, keyed), reads
with filters, and snapshots with ETags."""

import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from api.services import api_token_create
from datasets.models import Observation, Source
from datasets.services.snapshots import snapshot_refresh

from ..datasets.factories import catalogue, load


def token_client(user) -> Client:
    _, secret = api_token_create(user=user, name="test", valid_days=None)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    client.get(reverse("api:board-list"))
    return client


def bulk_url(board) -> str:
    return reverse("api:observation-bulk", kwargs={"board_slug": board.slug})


def send(client, board, rows, **headers):
    return client.post(
        bulk_url(board),
        json.dumps({"observations": rows}),
        content_type="application/json",
        headers=headers,
    )


ROWS = [
    {"indicator": "cp_plans", "period": "2014-15 Q1", "value": 350},
    {"indicator": "cp_plans", "period": "2014-15 Q1", "breakdown": "category_of_abuse:neglect",
     "value": "190"},
    {"indicator": "cin", "period": "2014-15 Q1", "value": "2,910", "qualifier": "approximately"},
]  # fmt: skip


@pytest.fixture
def indicators(board):
    return catalogue(board)


def test_a_bulk_upsert_writes_every_figure_and_again_changes_nothing(manager, board, indicators):
    client = token_client(manager)
    first = send(client, board, ROWS)
    assert first.status_code == 200, first.json()
    assert first.json() == {"new": 3, "changed": 0, "unchanged": 0}
    assert Observation.objects.filter(board=board, source=Source.API).count() == 3
    again = send(client, board, ROWS)
    assert again.json() == {"new": 0, "changed": 0, "unchanged": 3}


def test_one_bad_row_writes_nothing_and_is_named(manager, board, indicators):
    rows = [*ROWS, {"indicator": "no_such_code", "period": "2014-15 Q1", "value": "1"},
            {"indicator": "cp_plans", "period": "2014-15", "value": "ten"}]  # fmt: skip
    response = send(token_client(manager), board, rows)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert (3, "indicator") in {(e["row"], e["field"]) for e in errors}
    assert 4 in {e["row"] for e in errors}
    assert not Observation.objects.filter(board=board).exists()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"observations": []}, "non-empty list"),
        ({"observations": "all of them"}, "non-empty list"),
        ({"observations": [{"indicator": "cp_plans", "colour": "red"}]}, "not known"),
        ({"observations": [{"indicator": ["cp_plans"], "period": "x", "value": 1}]}, "text or"),
        ({"observations": [ROWS[0]] * 10_001}, "at most 10,000"),
    ],
)
def test_malformed_bulk_requests_are_refused(manager, board, indicators, body, message):
    response = token_client(manager).post(
        bulk_url(board), json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 400
    assert message in json.dumps(response.json())
    assert not Observation.objects.exists()


def test_an_idempotency_key_replays_the_first_answer(manager, board, indicators):
    client = token_client(manager)
    first = send(client, board, ROWS, **{"Idempotency-Key": "batch-2014-q1"})
    load(board, [["cp_plans", "2014-15 Q1", "total", "351"]])  # someone changes a figure
    replay = send(client, board, ROWS, **{"Idempotency-Key": "batch-2014-q1"})
    assert replay.json() == first.json()
    assert replay["Idempotent-Replayed"] == "true"
    # The retry did not write again: the later change stands.
    total = Observation.objects.get(board=board, indicator__code="cp_plans", category=None)
    assert total.value == 351


def test_a_refused_request_can_be_corrected_and_sent_with_the_same_key(manager, board, indicators):
    client = token_client(manager)
    bad = [{"indicator": "cp_plans", "period": "2014-15 Q1", "value": "lots"}]
    assert send(client, board, bad, **{"Idempotency-Key": "k2"}).status_code == 400
    assert send(client, board, ROWS, **{"Idempotency-Key": "k2"}).status_code == 200


def test_a_reused_key_with_another_body_is_refused(manager, board, indicators):
    client = token_client(manager)
    send(client, board, ROWS, **{"Idempotency-Key": "k1"})
    response = send(client, board, ROWS[:1], **{"Idempotency-Key": "k1"})
    assert response.status_code == 422
    assert "different request body" in response.json()["detail"]


def test_only_the_manager_writes_figures(board_member, board, indicators):
    assert send(token_client(board_member), board, ROWS).status_code == 403
    assert not Observation.objects.exists()


def test_observations_filter_and_list_in_constant_queries(
    board_member, board, indicators, django_assert_num_queries
):
    load(board, [["cp_plans", "2014-15 Q1", "total", "350"]])
    client = token_client(board_member)
    url = reverse("api:observation-list", kwargs={"board_slug": board.slug})
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    load(
        board, [["cp_plans", f"2014-15 Q{q}", "category_of_abuse:neglect", "1"] for q in (1, 2, 3)]
    )
    with django_assert_num_queries(len(small.captured_queries)):
        body = client.get(url).json()
    assert body["count"] == 4
    neglect = client.get(url, {"breakdown": "category_of_abuse:neglect"}).json()
    assert neglect["count"] == 3 and neglect["results"][0]["period"] == "2014-15 Q1"


def test_a_snapshot_answers_304_while_nothing_changed(board_member, board, indicators):
    load(board, [["cp_plans", "2014-15 Q1", "total", "350"]])
    snapshot_refresh(board=board, year=2014)
    client = token_client(board_member)
    url = reverse("api:snapshot-detail", kwargs={"board_slug": board.slug, "year": 2014})
    first = client.get(url)
    assert first.status_code == 200 and first.json()["data"]["indicators"]
    etag = first["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    snapshot_refresh(board=board, year=2014)
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 200


def test_a_year_without_a_snapshot_is_404(board_member, board):
    url = reverse("api:snapshot-detail", kwargs={"board_slug": board.slug, "year": 1999})
    assert token_client(board_member).get(url).status_code == 404

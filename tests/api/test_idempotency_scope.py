"""An Idempotency-Key names one request of one person to one board's endpoint: the same
key elsewhere is a new request, never a replay of someone else's answer."""

from django.urls import resolve, reverse
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory

from api.idempotency import replayable
from board.models import Role
from datasets.models import Observation

from ..datasets.factories import catalogue
from ..factories import RoleAssignmentFactory
from .test_datasets_api import ROWS, send, token_client

KEY = {"Idempotency-Key": "nightly-2014-q1"}


def test_the_same_key_and_body_to_two_boards_writes_to_both(manager, board, other_board):
    RoleAssignmentFactory(user=manager, board=other_board, role=Role.BOARD_MANAGER)
    catalogue(board), catalogue(other_board)
    client = token_client(manager)

    first = send(client, board, ROWS, **KEY)
    second = send(client, other_board, ROWS, **KEY)

    assert first.status_code == second.status_code == 200
    assert "Idempotent-Replayed" not in second
    assert second.json() == {"new": 3, "changed": 0, "unchanged": 0}
    assert Observation.objects.filter(board=other_board).count() == 3
    # Each board's retry is still a replay of that board's own answer.
    assert send(client, other_board, ROWS, **KEY)["Idempotent-Replayed"] == "true"


def test_another_persons_key_is_not_served_the_first_persons_answer(manager, board):
    colleague = RoleAssignmentFactory(board=board, role=Role.BOARD_MANAGER).user
    catalogue(board)
    send(token_client(manager), board, ROWS, **KEY)

    theirs = send(token_client(colleague), board, ROWS, **KEY)

    assert theirs.status_code == 200
    assert "Idempotent-Replayed" not in theirs
    assert theirs.json() == {"new": 0, "changed": 0, "unchanged": 3}  # their own write


def test_the_same_key_to_another_endpoint_is_a_new_request(manager, board):
    """Only the bulk upsert takes keys today: a second keyed endpoint must not replay it."""
    written = []

    def write() -> Response:
        written.append(True)
        return Response({"written": len(written)})

    for name in ("api:observation-bulk", "api:return-submit"):
        url = reverse(name, kwargs={"board_slug": board.slug})
        http = APIRequestFactory().post(url, {"same": "body"}, format="json", headers=KEY)
        http.resolver_match = resolve(url)
        request = Request(http, parsers=[JSONParser()])
        request.user = manager
        assert replayable(request, write, board=board).data == {"written": len(written)}
    assert len(written) == 2

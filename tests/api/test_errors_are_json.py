"""Every error under /api/ is JSON `{"detail": ...}`, whether DRF or Django answers it:
API clients read JSON, and an HTML page is noise to them. Pages keep their pages."""

from django.test import Client
from django.urls import reverse

from api.endpoints.boards import BoardViewSet
from api.services import api_token_create
from api.throttling import PerTokenRateThrottle


def token_client(user) -> Client:
    _, secret = api_token_create(user=user, name="partner system", valid_days=None)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}", raise_request_exception=False)


def agencies(board) -> str:
    return reverse("api:agency-list", kwargs={"board_slug": board.slug})


def assert_json_error(response, status: int) -> None:
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


def test_an_address_that_matches_nothing_is_a_json_404(board_member):
    assert_json_error(token_client(board_member).get("/api/v1/no-such-thing/"), 404)


def test_another_boards_records_are_a_json_404(board_member, other_board):
    assert_json_error(token_client(board_member).get(agencies(other_board)), 404)


def test_no_token_is_a_json_401(db):
    assert_json_error(Client().get(reverse("api:board-list")), 401)


def test_a_role_that_may_not_write_is_a_json_403(board_member, board):
    body = {"name": "CAFCASS", "sector": "cafcass"}
    response = token_client(board_member).post(agencies(board), body, "application/json")
    assert_json_error(response, 403)


def test_a_method_the_endpoint_does_not_take_is_a_json_405(board_member):
    assert_json_error(token_client(board_member).delete(reverse("api:board-list")), 405)


def test_too_many_requests_is_a_json_429(board_member, monkeypatch):
    monkeypatch.setattr(PerTokenRateThrottle, "THROTTLE_RATES", {"api": "1/minute"})
    api = token_client(board_member)
    api.get(reverse("api:board-list"))
    assert_json_error(api.get(reverse("api:board-list")), 429)


def test_a_host_the_service_does_not_answer_to_is_a_json_400(board_member):
    response = token_client(board_member).get(reverse("api:board-list"), HTTP_HOST="evil.example")
    assert_json_error(response, 400)


def test_an_unexpected_failure_is_a_json_500(board_member, monkeypatch):
    def fail(self, request, *args, **kwargs):
        raise RuntimeError("a bug in the endpoint")

    monkeypatch.setattr(BoardViewSet, "list", fail)
    response = token_client(board_member).get(reverse("api:board-list"))
    assert_json_error(response, 500)
    assert "a bug" not in response.content.decode()  # no internals to the caller


def test_pages_still_answer_their_own_error_pages(client_for, board_member, monkeypatch):
    client = client_for(board_member)
    client.raise_request_exception = False
    missing = client.get("/boards/no-such-board/")
    assert missing.status_code == 404
    assert "Page not found" in missing.content.decode()
    bad_host = client.get(reverse("home"), HTTP_HOST="evil.example")
    assert bad_host.status_code == 400
    assert bad_host["Content-Type"].startswith("text/html")

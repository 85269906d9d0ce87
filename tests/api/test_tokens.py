"""Personal API tokens: shown once, stored hashed, revocable, expiring."""

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from api.models import ApiToken, hash_token
from api.services import api_token_create


def boards_url() -> str:
    return reverse("api:board-list")


def bearer(secret: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_a_token_is_shown_once_and_only_its_hash_is_kept(client_for, board_member):
    client = client_for(board_member)
    response = client.post(reverse("api:token-create"), {"name": "Case system", "valid_days": "90"})
    secret = response.context["secret"]
    assert secret.startswith("lscb_") and secret in response.content.decode()
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    token = ApiToken.objects.get(user=board_member)
    assert token.key_hash == hash_token(secret) and secret not in token.key_hash
    listing = client.get(reverse("api:token-list")).content.decode()
    assert secret not in listing and token.key_hint in listing


def test_a_token_acts_as_its_owner(board_member, board):
    _, secret = api_token_create(user=board_member, name="x", valid_days=None)
    response = bearer(secret).get(boards_url())
    assert response.status_code == 200
    assert [b["slug"] for b in response.json()["results"]] == [board.slug]


def test_revoking_a_token_takes_effect_at_once(client_for, board_member, board):
    token, secret = api_token_create(user=board_member, name="x", valid_days=None)
    assert bearer(secret).get(boards_url()).status_code == 200
    page = client_for(board_member)
    assert page.get(reverse("api:token-revoke", kwargs={"token_id": token.pk})).status_code == 200
    page.post(reverse("api:token-revoke", kwargs={"token_id": token.pk}))
    response = bearer(secret).get(boards_url())
    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]


def test_an_expired_token_is_refused(board_member):
    token, secret = api_token_create(user=board_member, name="x", valid_days=30)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert bearer(secret).get(boards_url()).status_code == 401


def test_deactivating_the_owner_ends_their_tokens(board_member):
    _, secret = api_token_create(user=board_member, name="x", valid_days=None)
    board_member.is_active = False
    board_member.save()
    assert bearer(secret).get(boards_url()).status_code == 401


def test_nobody_can_revoke_another_persons_token(client_for, manager, board_member):
    token, _ = api_token_create(user=board_member, name="x", valid_days=None)
    url = reverse("api:token-revoke", kwargs={"token_id": token.pk})
    assert client_for(manager).post(url).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_use_is_recorded(board_member):
    token, secret = api_token_create(user=board_member, name="x", valid_days=None)
    bearer(secret).get(boards_url())
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_token_needs_a_name(client_for, board_member):
    response = client_for(board_member).post(reverse("api:token-create"), {"name": ""})
    assert "Enter what will use this token" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_malformed_authorization_headers_are_401_not_500(db):
    for header in ["Bearer", "Bearer a b", "Bearer lscb_nonsense", "Bearer \u00ff\u00fe"]:
        response = Client(HTTP_AUTHORIZATION=header).get(boards_url())
        assert response.status_code == 401, header


def test_each_token_has_its_own_rate_limit(board_member, monkeypatch):
    from api.throttling import PerTokenRateThrottle

    monkeypatch.setattr(PerTokenRateThrottle, "THROTTLE_RATES", {"api": "3/minute"})
    _, busy = api_token_create(user=board_member, name="busy", valid_days=None)
    _, quiet = api_token_create(user=board_member, name="quiet", valid_days=None)
    answers = [bearer(busy).get(boards_url()).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    assert "Retry-After" in bearer(busy).get(boards_url())
    assert bearer(quiet).get(boards_url()).status_code == 200

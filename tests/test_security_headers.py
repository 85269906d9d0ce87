from django.urls import reverse


def test_pages_carry_a_strict_content_security_policy(client, db):
    response = client.get(reverse("login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_pages_refuse_framing_and_sniffing(client, db):
    response = client.get(reverse("login"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_a_post_without_a_valid_csrf_token_is_refused(client_for, manager, board):
    from board.models import Agency

    client = client_for(manager)
    client.handler.enforce_csrf_checks = True  # the test client skips CSRF unless told
    url = reverse("agency-create", kwargs={"board_slug": board.slug})
    assert client.post(url, {"name": "X", "sector": "police"}).status_code == 403
    client.cookies["csrftoken"] = "tampered"
    response = client.post(
        url, {"name": "X", "sector": "police", "csrfmiddlewaretoken": "also-tampered"}
    )
    assert response.status_code == 403
    assert not Agency.objects.filter(name="X").exists()


def test_a_tampered_session_cookie_is_treated_as_signed_out(client_for, manager, board):
    from django.conf import settings

    client = client_for(manager)
    client.cookies[settings.SESSION_COOKIE_NAME] = "x" * 32
    url = reverse("board-detail", kwargs={"board_slug": board.slug})
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))

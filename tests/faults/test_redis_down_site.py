"""The site keeps answering while the Redis behind its cache is stopped or hung.

The cache holds the API throttle's counts and the password reset limit; with Redis away
they fail open (core/cache.py): API calls, GETs and writes, answer as usual within the
socket timeouts, pages and sign-in keep working (sessions and the lockout are in the
database), and the outage is logged once. A second redis-server of the test's own is
stopped (SIGTERM) or hung (SIGSTOP: it accepts connections and never answers)."""

import logging
import shutil
import time
from copy import deepcopy

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from api.services import api_token_create
from api.throttling import PerTokenRateThrottle
from board.models import Agency, Person

from ..factories import PASSWORD
from .spare_redis import SpareRedis

pytestmark = pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")

RETRY_AFTER_SECONDS = 1  # production leaves an unavailable Redis alone for 5 s
QUICKLY = 2.0  # seconds: what "answers normally" allows, Redis timeouts included


@pytest.fixture
def spare_redis(tmp_path):
    server = SpareRedis(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def site_cache(spare_redis, settings):
    """The site's cache as lscb/settings.py configures it for Redis, on the spare server."""
    caches = deepcopy(settings.CACHES)
    caches["default"].update(
        BACKEND="core.cache.FailOpenRedisCache",
        LOCATION=spare_redis.url(),
        OPTIONS={
            "socket_connect_timeout": settings.REDIS_SOCKET_CONNECT_TIMEOUT,
            "socket_timeout": settings.REDIS_SOCKET_TIMEOUT,
            "RETRY_AFTER_SECONDS": RETRY_AFTER_SECONDS,
        },
    )
    settings.CACHES = caches
    yield spare_redis
    time.sleep(RETRY_AFTER_SECONDS)  # the next test's server, on this port, is tried afresh


@pytest.fixture(params=["stopped", "hung"])
def redis_outage(request, site_cache):
    """Takes the site's Redis away, the way named by the parameter."""

    def begin() -> None:
        site_cache.stop() if request.param == "stopped" else site_cache.hang()

    return begin


def token_client(user) -> Client:
    _, secret = api_token_create(user=user, name="partner system", valid_days=None)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def timed(call):
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


def outage_warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "core.cache"]


def test_the_api_answers_reads_and_writes_while_redis_is_away(
    manager, board, redis_outage, site_cache, caplog
):
    caplog.set_level(logging.WARNING, logger="core.cache")
    api = token_client(manager)
    boards = reverse("api:board-list")
    agencies = reverse("api:agency-list", kwargs={"board_slug": board.slug})
    assert api.get(boards).status_code == 200  # the throttle has counted in Redis
    redis_outage()

    for _ in range(3):
        response, seconds = timed(lambda: api.get(boards))
        assert response.status_code == 200, response.content
        assert response.json()["results"][0]["slug"] == board.slug
        assert seconds < QUICKLY
    body = {"name": "Metropolitan Police Service", "sector": "police"}
    response, seconds = timed(lambda: api.post(agencies, body, content_type="application/json"))
    assert response.status_code == 201, response.content
    assert seconds < QUICKLY
    assert Agency.objects.filter(board=board, name="Metropolitan Police Service").exists()

    # One line for the outage, not one per request: later requests do not try Redis.
    warnings = [line for line in outage_warnings(caplog) if "is unavailable" in line]
    assert len(warnings) == 1
    assert f"(Redis at 127.0.0.1:{site_cache.port}/0) is unavailable" in warnings[0]


def test_pages_and_the_signed_in_session_keep_working_while_redis_is_away(
    client_for, manager, board, redis_outage
):
    client = client_for(manager)
    redis_outage()
    page, seconds = timed(lambda: client.get(reverse("board-detail", args=[board.slug])))
    assert page.status_code == 200  # still signed in: the session is in the database
    assert seconds < QUICKLY
    saved = client.post(
        reverse("person-create", kwargs={"board_slug": board.slug}),
        {"full_name": "Alex Example", "email": ""},
    )
    assert saved.status_code == 302
    assert Person.objects.filter(board=board, full_name="Alex Example").exists()


def test_signing_in_and_asking_for_a_password_reset_work_while_redis_is_away(
    board_member, redis_outage
):
    redis_outage()
    client = Client()
    response, seconds = timed(
        lambda: client.post(
            reverse("login"), {"username": board_member.email, "password": PASSWORD}
        )
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    assert seconds < QUICKLY
    # The reset limit cannot count: it lets the request through rather than refuse it.
    reset = Client().post(reverse("password_reset"), {"email": board_member.email})
    assert reset.url == reverse("password_reset_done")
    assert len(mail.outbox) == 1


def test_the_api_limit_counts_again_once_redis_is_back(
    board_member, site_cache, monkeypatch, caplog
):
    caplog.set_level(logging.WARNING, logger="core.cache")
    monkeypatch.setattr(PerTokenRateThrottle, "THROTTLE_RATES", {"api": "3/minute"})
    api = token_client(board_member)
    boards = reverse("api:board-list")
    site_cache.stop()
    # Past the limit, but nothing can count: every call is let through.
    assert [api.get(boards).status_code for _ in range(4)] == [200] * 4

    site_cache.start()  # on the same port, empty
    time.sleep(RETRY_AFTER_SECONDS + 0.1)
    assert [api.get(boards).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert "answers again" in outage_warnings(caplog)[-1]

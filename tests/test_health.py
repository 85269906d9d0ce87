from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from board.models import WorkerHeartbeat


def beat(seconds_ago: int) -> None:
    WorkerHeartbeat.objects.update_or_create(
        hostname="worker@a", defaults={"seen_at": timezone.now() - timedelta(seconds=seconds_ago)}
    )


def test_healthz_reports_database_and_broker(client, db, settings):
    beat(seconds_ago=0)
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["broker"] == ("ok" if settings.REDIS_URL else "eager")


def test_the_embedded_default_is_healthy_without_a_worker(client, db, settings):
    settings.REDIS_URL = ""  # tasks run in-process: there is no worker to wait for
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {
        "database": "ok",
        "broker": "eager",
        "worker": "eager",
        "outbox": "eager",
        "status": "ok",
    }


def test_healthz_reports_an_unreachable_broker_as_an_error(client, db, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["broker"].startswith("error")
    assert response.json()["status"] == "error"

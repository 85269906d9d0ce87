import pytest
from django.urls import reverse


def test_healthz_reports_database_and_broker(client, db, settings):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["broker"] == ("ok" if settings.REDIS_URL else "eager")


def test_healthz_reports_an_unreachable_broker_as_an_error(client, db, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["broker"].startswith("error")


@pytest.mark.django_db
def test_healthz_shows_the_newest_worker_heartbeat(client, settings):
    from django.utils import timezone

    from board.models import WorkerHeartbeat

    if not settings.REDIS_URL:
        pytest.skip("heartbeats are reported only with a broker (REDIS_URL)")
    assert client.get(reverse("healthz")).json()["worker"] == "no heartbeat yet"
    WorkerHeartbeat.objects.create(hostname="worker@a", seen_at=timezone.now())
    assert client.get(reverse("healthz")).json()["worker"].startswith("last heartbeat 0 s")

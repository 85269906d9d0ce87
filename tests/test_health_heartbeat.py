"""/healthz and the worker heartbeat: "degraded" (503) once the newest heartbeat is older
than HEALTH_WORKER_HEARTBEAT_MAX_AGE, so an operator learns that background work has
stopped although the pages still answer."""

import time
from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone

from board.models import WorkerHeartbeat
from board.tasks import record_worker_heartbeat
from lscb.celery import app

pytestmark = pytest.mark.skipif(
    not django_settings.REDIS_URL,
    reason="needs REDIS_URL: without a broker tasks run in-process and there is no worker",
)


def beat(seconds_ago: int) -> None:
    WorkerHeartbeat.objects.update_or_create(
        hostname="worker@a", defaults={"seen_at": timezone.now() - timedelta(seconds=seconds_ago)}
    )


def test_a_heartbeat_from_a_real_worker_is_healthy_until_the_worker_stops(
    client, transactional_db, settings
):
    # The worker thread writes through its own connection: hence transactional_db.
    with start_worker(app, perform_ping_check=False, loglevel="WARNING"):
        assert record_worker_heartbeat.delay().get(timeout=15) != "in-process"
        response = client.get(reverse("healthz"))
        assert response.status_code == 200
        assert response.json()["status"] == "ok"
        assert response.json()["worker"].startswith("last heartbeat 0 s ago")
    settings.HEALTH_WORKER_HEARTBEAT_MAX_AGE = 1
    time.sleep(2.1)  # the worker is gone: nothing beats any more
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["status"] == "degraded"


def test_a_stale_heartbeat_is_degraded_while_database_and_broker_answer(client, db, settings):
    settings.HEALTH_WORKER_HEARTBEAT_MAX_AGE = 180
    beat(seconds_ago=200)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json() == {
        "database": "ok",
        "broker": "ok",
        "worker": "last heartbeat 200 s ago, more than 180 s",
        "outbox": "empty",
        "status": "degraded",
    }


def test_no_heartbeat_at_all_is_degraded(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["worker"] == "no heartbeat yet"
    assert response.json()["status"] == "degraded"


@pytest.mark.parametrize(("max_age", "answer"), [(120, 200), (60, 503)])
def test_the_threshold_is_the_setting(client, db, settings, max_age, answer):
    settings.HEALTH_WORKER_HEARTBEAT_MAX_AGE = max_age
    beat(seconds_ago=90)
    assert client.get(reverse("healthz")).status_code == answer


def test_the_newest_of_several_workers_counts(client, db, settings):
    settings.HEALTH_WORKER_HEARTBEAT_MAX_AGE = 180
    WorkerHeartbeat.objects.create(
        hostname="worker@old", seen_at=timezone.now() - timedelta(hours=1)
    )
    WorkerHeartbeat.objects.create(hostname="worker@new", seen_at=timezone.now())
    assert client.get(reverse("healthz")).status_code == 200


def _waiting_job(seconds_ago: int):
    from datetime import timedelta

    from core.jobs.models import Job

    now = timezone.now()
    job = Job.objects.create(
        task_name="datasets.tasks.refresh_board_snapshots",
        time_limit_seconds=60,
        expires_at=now + timedelta(hours=1),
    )
    Job.objects.filter(pk=job.pk).update(created_at=now - timedelta(seconds=seconds_ago))


@pytest.mark.parametrize(("waited", "answer"), [(30, 200), (600, 503)])
def test_a_job_waiting_too_long_in_the_outbox_is_degraded(client, db, settings, waited, answer):
    settings.HEALTH_WORKER_HEARTBEAT_MAX_AGE = 180
    settings.HEALTH_OUTBOX_MAX_AGE = 300
    beat(seconds_ago=5)
    _waiting_job(seconds_ago=waited)
    response = client.get("/healthz")
    assert response.status_code == answer
    body = response.json()
    assert body["status"] == ("ok" if answer == 200 else "degraded")
    assert f"oldest job waiting {waited}" in body["outbox"]

"""Tasks run on a real worker against the real Redis (CI sets REDIS_URL)."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.db import transaction

from board.models import WorkerHeartbeat
from board.tasks import record_worker_heartbeat
from lscb.celery import app
from lscb.tasks import enqueue_on_commit, ping

needs_redis = pytest.mark.skipif(
    not settings.REDIS_URL, reason="needs REDIS_URL: a real worker needs a real broker"
)


@pytest.fixture
def worker(transactional_db):
    # The worker thread shares the test database through its own connection, so the
    # test data must be committed: hence transactional_db.
    with start_worker(app, perform_ping_check=False, loglevel="WARNING") as worker:
        yield worker


def wait_for(condition, seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@needs_redis
def test_a_real_worker_answers_a_task(worker):
    assert ping.delay().get(timeout=15) == "pong"


@needs_redis
def test_a_task_queued_in_a_transaction_runs_after_commit(worker):
    with transaction.atomic():
        enqueue_on_commit(record_worker_heartbeat)
        # Still inside the transaction: nothing has been sent to the worker.
        time.sleep(0.5)
        assert not WorkerHeartbeat.objects.exists()
    assert wait_for(WorkerHeartbeat.objects.exists)
    assert WorkerHeartbeat.objects.get().hostname != "in-process"  # the worker ran it


@needs_redis
def test_a_task_queued_in_a_rolled_back_transaction_never_runs(worker):
    class Abandon(Exception):
        pass

    with pytest.raises(Abandon), transaction.atomic():
        enqueue_on_commit(record_worker_heartbeat)
        raise Abandon
    # The worker takes tasks in order: once this answers, anything queued before it ran.
    assert ping.delay().get(timeout=15) == "pong"
    assert not WorkerHeartbeat.objects.exists()


def test_without_a_broker_tasks_run_in_process(settings, db):
    if settings.REDIS_URL:
        pytest.skip("REDIS_URL is set: tasks go to a worker")
    assert app.conf.task_always_eager is True
    assert record_worker_heartbeat.delay().get() == "in-process"
    assert WorkerHeartbeat.objects.get().hostname == "in-process"


def test_default_schedules_are_written_once_and_admin_edits_survive(db):
    from django_celery_beat.models import IntervalSchedule, PeriodicTask

    from lscb.schedules import ensure_default_schedules

    PeriodicTask.objects.all().delete()
    ensure_default_schedules()
    task = PeriodicTask.objects.get(name="Worker heartbeat")
    assert task.task == "board.tasks.record_worker_heartbeat"
    assert task.interval.every == 60

    task.interval = IntervalSchedule.objects.create(every=300, period=IntervalSchedule.SECONDS)
    task.save()
    ensure_default_schedules()
    assert PeriodicTask.objects.get(name="Worker heartbeat").interval.every == 300


def test_a_retired_schedule_is_removed_from_a_deployed_site(db):
    """The nightly rebuild of every snapshot was retired (a full rebuild is now
    `manage.py rebuild_snapshots`): a site migrated from before keeps no row sending it,
    whatever an admin had renamed it to."""
    from django_celery_beat.models import IntervalSchedule, PeriodicTask

    from lscb.schedules import DEFAULT_SCHEDULES, ensure_default_schedules

    daily = IntervalSchedule.objects.create(every=86400, period=IntervalSchedule.SECONDS)
    for name in ("Dashboards: nightly full refresh", "Rebuild dashboards (renamed)"):
        PeriodicTask.objects.create(
            name=name, task="datasets.tasks.refresh_all_snapshots", interval=daily
        )
    ensure_default_schedules()
    assert not PeriodicTask.objects.filter(task="datasets.tasks.refresh_all_snapshots").exists()
    assert set(PeriodicTask.objects.values_list("name", flat=True)) == set(DEFAULT_SCHEDULES)
    assert PeriodicTask.objects.get(name="Dashboards: refresh changed boards").task == (
        "datasets.tasks.refresh_stale_snapshots"
    )
    assert "datasets.tasks.refresh_all_snapshots" not in app.tasks  # no task by that name

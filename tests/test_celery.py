"""Tasks run on a real worker against the real Redis (CI sets REDIS_URL)."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.db import transaction

from board.models import WorkerHeartbeat
from board.tasks import record_worker_heartbeat
from core.jobs.models import Job, JobStatus
from core.jobs.outbox import enqueue
from lscb.celery import app
from lscb.tasks import ping

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
def test_a_real_worker_answers_a_task_and_records_it_as_a_job(worker):
    result = ping.delay()  # as beat sends a task: no job recorded before it runs
    assert result.get(timeout=15) == "pong"
    job = Job.objects.get(pk=result.id)
    assert (job.task_name, job.status, job.attempts) == ("lscb.tasks.ping", "ready", 1)
    assert job.result == "pong" and job.finished_at is not None


@needs_redis
def test_a_job_recorded_in_a_transaction_is_sent_after_commit(worker):
    with transaction.atomic():
        job = enqueue(record_worker_heartbeat)
        # Still inside the transaction: recorded, and nothing sent to the worker.
        time.sleep(0.5)
        assert not WorkerHeartbeat.objects.exists()
        assert Job.objects.get(pk=job.pk).status == JobStatus.WAITING
    assert wait_for(lambda: Job.objects.get(pk=job.pk).status == JobStatus.READY)
    assert WorkerHeartbeat.objects.get().hostname != "in-process"  # the worker ran it
    assert Job.objects.get(pk=job.pk).sent_at is not None


@needs_redis
def test_a_job_recorded_in_a_rolled_back_transaction_never_runs(worker):
    class Abandon(Exception):
        pass

    with pytest.raises(Abandon), transaction.atomic():
        enqueue(record_worker_heartbeat)
        raise Abandon
    # The worker takes tasks in order: once this answers, anything queued before it ran.
    assert ping.delay().get(timeout=15) == "pong"
    assert not WorkerHeartbeat.objects.exists()
    assert not Job.objects.filter(task_name=record_worker_heartbeat.name).exists()


def test_without_a_broker_tasks_run_in_process(settings, db):
    if settings.REDIS_URL:
        pytest.skip("REDIS_URL is set: tasks go to a worker")
    assert app.conf.task_always_eager is True
    assert record_worker_heartbeat.delay().get() == "in-process"
    assert WorkerHeartbeat.objects.get().hostname == "in-process"


def test_without_a_broker_a_job_runs_in_process_once_its_transaction_commits(
    db, django_capture_on_commit_callbacks
):
    before, app.conf.task_always_eager = app.conf.task_always_eager, True
    try:
        with django_capture_on_commit_callbacks(execute=True):
            job = enqueue(record_worker_heartbeat)
            assert Job.objects.get(pk=job.pk).status == JobStatus.WAITING
    finally:
        app.conf.task_always_eager = before
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.READY, 1)
    assert job.result == WorkerHeartbeat.objects.get().hostname  # what the task returned


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

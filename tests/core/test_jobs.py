"""Durable jobs (core/jobs): recorded with the change that asks for them, run once however
often they are sent, and always ended, Ready or Failed with a reason, by the worker or the
sweeper. Here tasks run in-process; tests/faults has the real worker, Redis and database
failing."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone

from core.jobs import locks
from core.jobs.models import Job, JobStatus
from core.jobs.outbox import enqueue
from core.jobs.selectors import job_status, oldest_waiting_since
from core.jobs.signals import job_failed
from core.jobs.sweeper import sweep
from core.jobs.timing import KEEP_FINISHED, STALL_MARGIN
from lscb.celery import app

from .job_tasks import counted, fails, ran, too_slow

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the jobs' locks are PostgreSQL's"
)


@pytest.fixture(autouse=True)
def in_process():
    """Tasks run in this process, as with no broker (the embedded default)."""
    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    ran.clear()
    yield
    app.conf.task_always_eager = before


@pytest.fixture
def failures():
    seen = []

    def receiver(sender, job, **kwargs):
        seen.append((job.pk, job.error))

    job_failed.connect(receiver)
    yield seen
    job_failed.disconnect(receiver)


def job_like(task, *, status=JobStatus.WAITING, attempts=0, **fields) -> Job:
    """A job as the outbox records it, in a state a failure left it in."""
    defaults = {"task_name": task.name, "args": ["r1"], "time_limit_seconds": 60,
                "expires_at": timezone.now() + timedelta(hours=1)}  # fmt: skip
    return Job.objects.create(status=status, attempts=attempts, **{**defaults, **fields})


def test_a_job_is_sent_when_its_transaction_commits_and_records_its_run(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = enqueue(counted, "r1", board_id=None)
        assert not ran  # recorded, not run, until the commit
    state = job_status(job.pk)
    assert [("counted", "r1", job.pk)] == ran
    assert (state.status, state.label, state.attempts, state.is_finished) == (
        "ready",
        "Ready",
        1,
        True,
    )
    assert state.result == {"counted": "r1"}
    assert (state.progress_done, state.progress_total) == (3, 10)
    assert state.as_json()["finished"] is True and state.as_json()["total"] == 10


def test_a_job_asked_for_in_a_transaction_that_rolls_back_is_never_recorded(db):
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        enqueue(counted, "r1")
        1 / 0  # noqa: B018
    assert not Job.objects.exists() and not ran


def test_only_ids_and_plain_values_are_accepted_as_arguments(db, board):
    with pytest.raises(TypeError, match="pass ids"):
        enqueue(counted, board)


def test_a_second_request_with_the_same_key_joins_the_active_job(db):
    first = enqueue(counted, "r1", dedupe_key="count:r1")
    assert enqueue(counted, "r1", dedupe_key="count:r1") == first
    Job.objects.filter(pk=first.pk).update(status=JobStatus.READY)
    assert enqueue(counted, "r1", dedupe_key="count:r1") != first  # a finished one is not joined
    assert job_status("00000000-0000-0000-0000-000000000000") is None


@on_postgresql
def test_two_transactions_asking_at_once_with_the_same_key_make_one_job(transactional_db):
    recorded, made = threading.Event(), {}

    def first():
        with transaction.atomic():
            made["first"] = enqueue(counted, "r1", dedupe_key="count:r1")
            recorded.set()
            threading.Event().wait(1)  # the second blocks on the unique key meanwhile
        connection.close()

    def second():
        recorded.wait(10)
        with transaction.atomic():
            made["second"] = enqueue(counted, "r1", dedupe_key="count:r1")
        connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert made["first"].pk == made["second"].pk
    assert Job.objects.count() == 1


def test_a_message_for_a_job_already_done_does_nothing(db):
    job = job_like(counted, status=JobStatus.READY, attempts=1)
    counted.apply(args=["r1"], task_id=str(job.pk))  # sent again, or given back by Redis
    assert not ran
    assert Job.objects.get(pk=job.pk).attempts == 1


def test_with_no_broker_an_error_fails_the_job_at_once_with_its_reason(db, failures):
    job = job_like(fails)
    fails.apply(args=["r1"], task_id=str(job.pk), throw=False)
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.FAILED, 1)
    assert job.error == "ValueError: the record is broken"
    assert failures == [(job.pk, job.error)]


def test_an_attempt_over_its_time_limit_says_so(db):
    job = job_like(too_slow, time_limit_seconds=120)
    too_slow.apply(task_id=str(job.pk), throw=False)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error == "It took longer than its time limit of 2 minutes."


def test_the_sweeper_sends_a_job_whose_send_failed(db):
    job = job_like(counted, error="Not sent yet: the queue did not answer (OperationalError).")
    assert sweep()["resent"] == 1
    job.refresh_from_db()
    assert (job.status, job.error, job.sent_at is not None) == (JobStatus.READY, "", True)


def test_the_sweeper_leaves_a_job_just_recorded_to_its_own_request(db):
    job = job_like(counted)  # its request may be sending it right now
    assert sweep()["resent"] == 0
    later = timezone.now() + timedelta(seconds=30)
    assert sweep(now=later)["resent"] == 1
    assert Job.objects.get(pk=job.pk).status == JobStatus.READY


def test_the_sweeper_sends_again_a_job_sent_and_never_started(db):
    job = job_like(counted, sent_at=timezone.now() - timedelta(minutes=6))  # message lost
    assert sweep()["resent"] == 1
    assert Job.objects.get(pk=job.pk).status == JobStatus.READY


@on_postgresql
def test_the_sweeper_runs_again_a_job_whose_worker_is_gone(db):
    job = job_like(counted, status=JobStatus.RUNNING, attempts=1, started_at=timezone.now())
    assert sweep()["recovered"] == 1  # nobody holds its lock: its worker died
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.READY, 2)
    assert [("counted", "r1", job.pk)] == ran


@on_postgresql
def test_a_job_stopped_by_its_time_limit_on_its_last_attempt_fails_saying_why(db):
    late = timezone.now() - timedelta(seconds=5)  # Celery's hard limit ended its process
    job = job_like(counted, status=JobStatus.RUNNING, attempts=3, deadline=late)
    assert sweep()["recovered"] == 1
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and not ran
    assert job.error == (
        "It took longer than its time limit of 1 minute. No attempt is left (it had 3)."
    )


@on_postgresql
def test_the_sweeper_fails_a_lost_job_with_no_attempt_left(db, failures):
    job = job_like(counted, status=JobStatus.RUNNING, attempts=3, started_at=timezone.now())
    sweep()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and not ran
    assert job.error == "The worker stopped while running it. No attempt is left (it had 3)."
    assert failures == [(job.pk, job.error)]


@on_postgresql
def test_a_job_whose_worker_is_alive_is_left_running_until_well_past_its_deadline(
    transactional_db,
):
    deadline = timezone.now() + timedelta(minutes=1)
    job = job_like(counted, status=JobStatus.RUNNING, attempts=1, deadline=deadline)
    worker = connections.create_connection("default")  # the live worker's session
    with worker.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [locks.NAMESPACE, locks._key(job.pk)])
        assert sweep()["recovered"] == 0
        assert Job.objects.get(pk=job.pk).status == JobStatus.RUNNING
        assert counted.apply(args=["r1"], task_id=str(job.pk)).result is None  # a duplicate
        assert not ran
        sweep(now=deadline + STALL_MARGIN + timedelta(seconds=1))
    worker.close()
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.error.startswith("It took longer than its time limit of 1 minute.")


def test_a_job_that_could_not_be_started_in_time_fails(db):
    job = job_like(counted, error="Not sent yet: the queue did not answer (OperationalError).",
                   expires_at=timezone.now() - timedelta(seconds=1))  # fmt: skip
    assert sweep()["expired"] == 1
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and not ran
    assert job.error.endswith("It could not be started in time: the queue was not answering.")


def test_finished_jobs_are_deleted_after_a_fortnight(db):
    old = timezone.now() - KEEP_FINISHED - timedelta(hours=1)
    job_like(counted, status=JobStatus.READY, finished_at=old)
    kept = job_like(counted, status=JobStatus.FAILED, finished_at=timezone.now())
    assert sweep()["deleted"] == 1
    assert list(Job.objects.all()) == [kept]


def test_the_oldest_waiting_job_says_how_long_the_outbox_has_waited(db):
    assert oldest_waiting_since() is None
    first = job_like(counted)
    job_like(counted)
    job_like(counted, status=JobStatus.READY)
    assert oldest_waiting_since() == first.created_at

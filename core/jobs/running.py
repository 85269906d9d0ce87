"""A job's attempts, as the worker runs them (called by `JobTask`, task_base.py).

An attempt starts by taking the job's lock (locks.py) and marking it Running; it ends
Ready with a summary of the result, or, on an error, Waiting for another attempt (sent
again after a short delay) or Failed with the reason once none is left. A message for a
job that has finished, or that a live worker is running, does nothing: a job sent twice
(by the sweeper, by Redis giving back an unacknowledged message) runs once."""

import contextvars
import json
import logging
import os
from datetime import timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from . import locks
from .models import ACTIVE, Job, JobStatus
from .progress_writer import write_progress
from .signals import job_failed
from .timing import expires_after, retry_delay, time_limit_of, too_long

logger = logging.getLogger(__name__)
_current_job = contextvars.ContextVar("current_job", default=None)
RESULT_LIMIT = 2000  # characters of a result kept on the job


def current_job_id():
    """The id of the job this code runs in, or None outside one."""
    return _current_job.get()


def report_progress(done: int, total: int | None = None) -> None:
    """Record how far the current job has got (for its status page); a no-op outside a job."""
    job_id = _current_job.get()
    if job_id is None:
        return
    # On a connection of its own: seen by the job's page while the task's transaction runs.
    write_progress(job_id, done, total)


def run(task, job_id, args: tuple, call):
    """Run `call` (the task's body) as an attempt of job `job_id`."""
    job = claim(task, job_id, args)
    if job is None:
        return None
    token = _current_job.set(job.pk)
    try:
        result = call()
    except Exception as exc:
        _after_error(task, job, exc)
        raise
    else:
        _record(finish, job, result)
        return result
    finally:
        _current_job.reset(token)
        locks.unlock(job.pk)


def claim(task, job_id, args: tuple) -> Job | None:
    """Start an attempt, or None when this message must do nothing."""
    if not locks.try_lock(job_id):
        logger.info("job %s: a live worker is running it; this message does nothing", job_id)
        return None
    try:
        job = _start_attempt(task, job_id, args)
    except BaseException:
        locks.unlock(job_id)
        raise
    if job is None:
        locks.unlock(job_id)
    return job


@transaction.atomic
def _start_attempt(task, job_id, args: tuple) -> Job | None:
    job = Job.objects.select_for_update().filter(pk=job_id).first()
    if job is None:  # sent by beat, or by .delay(): recorded now that it runs
        job = _recorded_at_run(task, job_id, args)
    elif job.is_finished:
        logger.info("job %s: already %s; this message does nothing", job_id, job.status)
        return None
    elif job.attempts >= job.max_attempts:  # Running, its worker gone, no attempt left
        fail(job, f"The worker stopped while running it, {job.attempts} times.")
        return None
    now = timezone.now()
    job.status, job.attempts = JobStatus.RUNNING, job.attempts + 1
    job.started_at, job.deadline = now, now + timedelta(seconds=job.time_limit_seconds)
    job.worker = f"{task.request.hostname or 'in-process'} (process {os.getpid()})"
    job.save()
    return job


def _recorded_at_run(task, job_id, args: tuple) -> Job:
    limit, attempts = time_limit_of(task), task.max_attempts
    return Job(
        id=job_id, task_name=task.name, args=_plain(args), time_limit_seconds=limit,
        max_attempts=attempts, sent_at=timezone.now(),
        expires_at=timezone.now() + expires_after(limit, attempts),
    )  # fmt: skip


def _plain(args: tuple) -> list:
    try:
        return json.loads(json.dumps(list(args)))
    except TypeError:
        return [str(arg) for arg in args]


def finish(job: Job, result) -> None:
    _running(job).update(
        status=JobStatus.READY, finished_at=timezone.now(), deadline=None, error="",
        result=_summary(result),
    )  # fmt: skip


def _summary(result):
    try:
        encoded = json.dumps(result)
    except TypeError:
        return str(result)[:RESULT_LIMIT]
    return result if len(encoded) <= RESULT_LIMIT else encoded[:RESULT_LIMIT]


def _running(job: Job):
    """The job as this attempt left it: a sweeper that gave up on it meanwhile wins."""
    return Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING, attempts=job.attempts)


def _after_error(task, job: Job, exc: Exception) -> None:
    if isinstance(exc, SoftTimeLimitExceeded):
        reason = too_long(job.time_limit_seconds)
    else:
        reason = f"{type(exc).__name__}: {exc}"[:RESULT_LIMIT]
    # In-process (no broker) there is nobody to run it again later: it fails at once.
    again = not task.request.is_eager and job.attempts < job.max_attempts
    logger.warning("job %s attempt %s failed: %s", job.pk, job.attempts, reason)
    if _record(retry_later if again else fail_running, job, reason) and again:
        from .outbox import send

        send(job.pk, countdown=retry_delay(job.attempts))


def retry_later(job: Job, reason: str) -> bool:
    return bool(
        Job.objects.filter(pk=job.pk, status__in=ACTIVE, attempts=job.attempts).update(
            status=JobStatus.WAITING, error=reason, deadline=None, sent_at=None
        )
    )


def fail_running(job: Job, reason: str) -> bool:
    return fail(job, reason, attempts=job.attempts)


def fail(job: Job, reason: str, *, attempts: int | None = None) -> bool:
    """Mark an active job Failed with the reason and tell its app (signals.job_failed)."""
    rows = Job.objects.filter(pk=job.pk, status__in=ACTIVE)
    if attempts is not None:
        rows = rows.filter(attempts=attempts)
    now = timezone.now()
    if not rows.update(status=JobStatus.FAILED, error=reason, finished_at=now, deadline=None):
        return False
    job.status, job.error, job.finished_at = JobStatus.FAILED, reason, now
    logger.error("job %s (%s) failed: %s", job.pk, job.task_name, reason)
    job_failed.send(sender=Job, job=job)
    return True


def _record(write, *args) -> bool:
    """Write the attempt's outcome, on a fresh connection if the database dropped the one
    the task used. If the database is still away, the job stays Running without its lock
    (its session ended) and the sweeper finds it."""
    idle = not connection.in_atomic_block and connection.connection is not None
    if idle and not connection.is_usable():
        connection.close()
    try:
        return write(*args)
    except DatabaseError:
        logger.exception("job %s: could not record the attempt's outcome", args[0].pk)
        return False

"""The outbox: `enqueue()` records a job in the caller's transaction and sends it to
Celery once that commits. A request never waits on the broker: the send is given short
timeouts and no retries (lscb/settings.py), a failed send is logged and left for the
sweeper, and after one failure this process stops trying for a few seconds, so a request
that queues several jobs does not wait once per job."""

import json
import logging
import time
from functools import partial

from celery import Task, current_app
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import ACTIVE, Job, JobStatus
from .timing import expires_after, time_limit_of

logger = logging.getLogger(__name__)
# After a failed send, wait this long before this process tries the broker again.
BROKER_PAUSE_SECONDS = 10.0
_broker_paused_until = 0.0


def enqueue(
    task: Task, *args, board_id=None, dedupe_key: str = "", countdown: int | None = None
) -> Job:
    """Record a job for `task(*args)` (ids and plain values only) in the current
    transaction; it is sent after commit, and never if the transaction rolls back. With a
    `dedupe_key`, a job of that key still waiting or running is returned instead (the
    second identical request joins the first). With a `countdown`, the worker starts it
    that many seconds after the send (keep it well under PICKUP_GRACE): with a dedupe
    key, everything asked for meanwhile joins it (a debounce)."""
    try:
        plain_args = json.loads(json.dumps(list(args)))
    except TypeError as exc:
        raise TypeError(f"{task.name}: pass ids and plain values, not objects ({exc})") from exc
    limit, attempts = time_limit_of(task), task.max_attempts
    fields = {
        "task_name": task.name, "args": plain_args, "board_id": board_id,
        "dedupe_key": dedupe_key, "time_limit_seconds": limit, "max_attempts": attempts,
        "expires_at": timezone.now() + expires_after(limit, attempts),
    }  # fmt: skip
    job = _join(dedupe_key) or _record(fields)
    if job.status == JobStatus.WAITING and job.sent_at is None:
        transaction.on_commit(partial(send, job.pk, countdown=countdown))
    return job


def _join(dedupe_key: str) -> Job | None:
    if not dedupe_key:
        return None
    return Job.objects.filter(dedupe_key=dedupe_key, status__in=ACTIVE).first()


def _record(fields: dict) -> Job:
    if not fields["dedupe_key"]:
        return Job.objects.create(**fields)
    try:
        with transaction.atomic():  # a savepoint: the caller's transaction goes on
            return Job.objects.create(**fields)
    except IntegrityError:
        # Another transaction recorded the same key and has committed since: join it.
        joined = _join(fields["dedupe_key"])
        if joined is None:
            raise
        return joined


def send(job_id, *, countdown: int | None = None) -> bool:
    """Send a waiting job's message; True if it reached the broker (or, with no broker,
    ran in this process). Never raises: a job not sent stays Waiting for the sweeper."""
    job = Job.objects.filter(pk=job_id, status=JobStatus.WAITING).first()
    if job is None:
        return False
    task = current_app.tasks.get(job.task_name)
    if task is None:
        from .running import fail

        return not fail(job, f"There is no task called {job.task_name} any more.")
    if task.app.conf.task_always_eager:
        return _run_in_process(job, task)
    return _publish(job, task, countdown)


def _publish(job: Job, task: Task, countdown: int | None) -> bool:
    global _broker_paused_until
    if time.monotonic() < _broker_paused_until:
        logger.warning("job %s not sent: the broker failed a moment ago", job.pk)
        _mark_not_sent(job, "Not sent yet: the queue did not answer a moment ago.")
        return False
    try:
        # No result backend: the job row holds the result, and subscribing to it would
        # retry for 20 s with Redis away (Celery's result store policy).
        task.apply_async(
            args=job.args, task_id=str(job.pk), countdown=countdown, retry=False,
            ignore_result=True,
        )  # fmt: skip
    except Exception as exc:  # any broker failure: the job is safe in the database
        _broker_paused_until = time.monotonic() + BROKER_PAUSE_SECONDS
        logger.warning("job %s not sent (%s: %s); the sweeper will send it", job.pk,
                       type(exc).__name__, exc)  # fmt: skip
        _mark_not_sent(job, f"Not sent yet: the queue did not answer ({type(exc).__name__}).")
        return False
    Job.objects.filter(pk=job.pk).update(sent_at=timezone.now())
    return True


def _mark_not_sent(job: Job, reason: str) -> None:
    """Tells the sweeper this job needs sending now, not after UNSENT_GRACE. An earlier
    attempt's error, if any, is kept: it says more."""
    Job.objects.filter(pk=job.pk, error="").update(error=reason)
    Job.objects.filter(pk=job.pk).update(sent_at=None)


def _run_in_process(job: Job, task: Task) -> bool:
    """No broker (the embedded default): the send is the run. Its error is on the job,
    and the request that asked for it answers as it would with a worker."""
    Job.objects.filter(pk=job.pk).update(sent_at=timezone.now())
    try:
        task.apply_async(args=job.args, task_id=str(job.pk), ignore_result=True)
    except Exception:
        logger.exception("job %s (%s) failed in-process", job.pk, job.task_name)
    return True

"""The sweeper (every minute, lscb/schedules.py; `manage.py sweep_jobs` by hand): nothing
is left waiting or "in progress" for ever.

- A running attempt whose worker is gone (its lock released, locks.py), or that is well
  past its time limit, goes back to Waiting and is sent again while attempts are left;
  after the last one the job is Failed with the reason.
- A waiting job never sent (the broker was away) or sent and never started (its message
  lost) is sent again; one that could not be started before it expired is Failed.
- Finished jobs are deleted after `KEEP_FINISHED`."""

import logging
from datetime import datetime

from django.db.models import Q
from django.utils import timezone

from . import locks
from .models import FINISHED, Job, JobStatus
from .outbox import send
from .running import fail
from .timing import KEEP_FINISHED, PICKUP_GRACE, STALL_MARGIN, UNSENT_GRACE, too_long

logger = logging.getLogger(__name__)
BATCH = 500  # jobs looked at per kind and sweep, so one sweep stays short
WORKER_STOPPED = "The worker stopped while running it."


def sweep(*, now: datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    counts = {
        "recovered": recover_running(now),
        "expired": expire_waiting(now),
        "resent": resend_waiting(now),
        "deleted": delete_finished(now),
    }
    if any(counts.values()):
        logger.info("job sweep: %s", counts)
    return counts


def recover_running(now: datetime) -> int:
    running = list(Job.objects.filter(status=JobStatus.RUNNING).order_by("started_at")[:BATCH])
    alive = locks.held(job.pk for job in running)
    recovered = 0
    for job in running:
        late = job.deadline is not None and now > job.deadline
        stuck = late and now > job.deadline + STALL_MARGIN
        overran = too_long(job.time_limit_seconds)
        if alive is not None and job.pk not in alive:  # stopped: killed, or its time was up
            recovered += _interrupted(job, overran if late else WORKER_STOPPED)
        elif stuck and alive is None:  # no locks to tell: the time limit decides
            recovered += _interrupted(job, overran)
        elif stuck:  # its worker holds on past Celery's hard limit: stuck for good
            recovered += fail(job, f"{overran} It was still running; it was given up.")
    return recovered


def _interrupted(job: Job, reason: str) -> bool:
    if job.attempts >= job.max_attempts:
        return fail(job, f"{reason} No attempt is left (it had {job.max_attempts}).")
    rows = Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING, attempts=job.attempts)
    if not rows.update(status=JobStatus.WAITING, error=reason, deadline=None, sent_at=None):
        return False  # it finished meanwhile
    send(job.pk)
    return True


def expire_waiting(now: datetime) -> int:
    expired = Job.objects.filter(status=JobStatus.WAITING, expires_at__lt=now)[:BATCH]
    reason = "It could not be started in time: the queue was not answering."
    return sum(fail(job, job.error + " " + reason if job.error else reason) for job in expired)


def resend_waiting(now: datetime) -> int:
    # A job whose send failed says so in its error; one with none may still be on its way.
    never_sent = Q(sent_at__isnull=True) & (~Q(error="") | Q(created_at__lt=now - UNSENT_GRACE))
    not_picked_up = Q(sent_at__lt=now - PICKUP_GRACE)
    waiting = Job.objects.filter(never_sent | not_picked_up, status=JobStatus.WAITING)
    return sum(send(job.pk) for job in waiting.order_by("created_at")[:BATCH])


def delete_finished(now: datetime) -> int:
    old = Job.objects.filter(status__in=FINISHED, finished_at__lt=now - KEEP_FINISHED)
    deleted, _ = Job.objects.filter(pk__in=list(old.values_list("pk", flat=True)[:BATCH])).delete()
    return deleted

"""How long a job may take at each stage. A job always ends Ready or Failed within
`expires_after` of being asked for (plus one sweep), so no page waits for ever."""

from datetime import timedelta

from django.conf import settings

# A job recorded but not yet sent: the request that made it may still be sending it.
UNSENT_GRACE = timedelta(seconds=10)
# A job sent but not started: its message may have been lost (Redis restarted without
# persistence, a send that timed out after all). Longer than a busy queue's usual wait,
# so a job is seldom sent twice; when it is, the second message finds it done.
PICKUP_GRACE = timedelta(minutes=5)
# Past its deadline, a running attempt is stopped by Celery's hard time limit (a minute
# later, lscb/settings.py); one still holding its lock after this is stuck for good.
STALL_MARGIN = timedelta(minutes=2)
# How often the sweeper runs (lscb/schedules.py): a page gives up one sweep after expiry.
SWEEP_EVERY = timedelta(minutes=1)
# Finished jobs are kept this long for the admin and the status pages, then deleted.
KEEP_FINISHED = timedelta(days=14)
# Waits before a failed attempt runs again (second, third... attempt).
RETRY_DELAYS = (5, 30, 120)


def time_limit_of(task) -> int:
    """One attempt's limit in seconds: the task's `soft_time_limit`, else the default."""
    return int(task.soft_time_limit or getattr(settings, "CELERY_TASK_SOFT_TIME_LIMIT", 600))


def expires_after(time_limit: int, max_attempts: int) -> timedelta:
    per_attempt = timedelta(seconds=time_limit) + PICKUP_GRACE
    return per_attempt * max_attempts


def retry_delay(attempts: int) -> int:
    return RETRY_DELAYS[min(attempts, len(RETRY_DELAYS)) - 1]


def too_long(time_limit: int) -> str:
    """The reason a job gives when an attempt ran out of time."""
    minutes = max(1, round(time_limit / 60))
    return f"It took longer than its time limit of {minutes} minute{'s' * (minutes != 1)}."

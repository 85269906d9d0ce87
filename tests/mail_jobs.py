"""E-mails go out as durable jobs sent once the transaction commits. A test runs inside
one transaction that never commits, so `jobs_run_now()` runs the commit callbacks when
its block ends, and the jobs in this process (as with no broker), to look at
`mail.outbox` (Django's locmem backend) afterwards."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.test import TestCase

from lscb.celery import app


@contextmanager
def jobs_run_now() -> Iterator[None]:
    before, app.conf.task_always_eager = app.conf.task_always_eager, True
    try:
        with TestCase.captureOnCommitCallbacks(execute=True):
            yield
    finally:
        app.conf.task_always_eager = before


def run_now(service, **kwargs):
    """Call a service and send the e-mails it queued, as a commit would."""
    with jobs_run_now():
        return service(**kwargs)

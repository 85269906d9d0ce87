"""Project-wide task helpers."""

from celery import Task, shared_task
from django.db import transaction

from board.scoping import outside_boards


def enqueue_on_commit(task: Task, *args, **kwargs) -> None:
    """Queue a task once the current transaction commits, so the worker never reads
    rows that are not yet visible (or that a rollback removes). Pass ids, not objects."""
    transaction.on_commit(lambda: task.delay(*args, **kwargs))


@shared_task
@outside_boards
def ping() -> str:
    """Proves a worker is consuming the queue (used by /healthz tests and operators)."""
    return "pong"

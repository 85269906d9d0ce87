"""Project-wide tasks. Jobs are queued with `core.jobs.outbox.enqueue` (CONTRIBUTING.md)."""

from celery import shared_task

from board.scoping import outside_boards


@shared_task
@outside_boards
def ping() -> str:
    """Proves a worker is consuming the queue (used by /healthz tests and operators)."""
    return "pong"

"""The sweeper's task, scheduled every minute in lscb/schedules.py."""

from collections.abc import Callable

from celery import shared_task

from .sweeper import sweep


def _reads_no_board(func: Callable) -> Callable:
    """What board.scoping's @outside_boards says, which core cannot import: jobs are not
    board-owned, so the sweep needs no board scope."""
    func.board_scope = "no board"
    return func


@shared_task(max_attempts=1, soft_time_limit=50, time_limit=55)
@_reads_no_board
def sweep_jobs() -> dict:
    return sweep()

"""Background work of the datasets app: thin wrappers around services, taking ids.
Scheduled in lscb/schedules.py: every 15 minutes the stale snapshots, nightly all."""

from celery import shared_task
from django.conf import settings

from board.models import Board
from board.scoping import across_boards, for_board

from .models import ImportBatch
from .services.import_jobs import apply_batch, apply_bulk
from .services.snapshots import refresh_snapshots, snapshot_refresh


@shared_task
@across_boards
def refresh_stale_snapshots() -> dict:
    return refresh_snapshots(only_stale=True)


# The longest job of all (lscb/settings.py tunes Redis's visibility timeout to it).
@shared_task(
    soft_time_limit=settings.LONGEST_JOB_SECONDS, time_limit=settings.LONGEST_JOB_SECONDS + 60
)
@across_boards
def refresh_all_snapshots() -> dict:
    return refresh_snapshots(only_stale=False)


@shared_task
@for_board()
def refresh_board_snapshots(board_id: str) -> dict:
    """Queued after an import or an approved return: the board's stale years."""
    return refresh_snapshots(only_stale=True, board_ids=[board_id])


@shared_task
@for_board()
def refresh_snapshot(board_id: str, year: int) -> str:
    board = Board.objects.get(id=board_id)
    return str(snapshot_refresh(board=board, year=year).refreshed_at)


@shared_task
@for_board(ImportBatch)
def apply_import_batch(batch_id: str, user_id: str) -> dict:
    """A big import's apply, queued by import_jobs.import_apply_later."""
    return apply_batch(batch_id, user_id)


@shared_task
@for_board(ImportBatch)
def apply_bulk_figures(batch_id: str, user_id: str) -> dict:
    """A bulk API write of many figures, queued by import_jobs.bulk_write_later."""
    return apply_bulk(batch_id, user_id)

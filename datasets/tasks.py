"""Background work of the datasets app: thin wrappers around services, taking ids.

The staleness flags on the snapshots are the durable record of what needs rebuilding: the
scheduled `refresh_stale_snapshots` (lscb/schedules.py, every 15 minutes) hands one job
per board with stale years to the workers, so a lost or failed job is picked up again by
the next run. A full rebuild is the explicit `manage.py rebuild_snapshots`, never a
schedule."""

from celery import shared_task

from board.models import Board
from board.scoping import across_boards, for_board
from core.jobs.outbox import enqueue

from .models import ImportBatch
from .services.import_jobs import apply_batch, apply_bulk
from .services.snapshots import boards_with_stale_snapshots, refresh_stale, snapshot_refresh


@shared_task
@across_boards
def refresh_stale_snapshots() -> dict:
    """One `refresh_board_snapshots` per board with stale years, so that several workers
    share the work. A board queued twice (by an import and by this) costs one rebuild:
    the second job finds its years fresh."""
    board_ids = boards_with_stale_snapshots()
    for board_id in board_ids:
        enqueue(refresh_board_snapshots, str(board_id), board_id=board_id)
    return {"boards": len(board_ids)}


@shared_task
@for_board()
def refresh_board_snapshots(board_id: str) -> dict:
    """The board's stale years, and only those. Queued after an import or an approved
    return, and by the scheduled refresh."""
    return refresh_stale(board_ids=[board_id])


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

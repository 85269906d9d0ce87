"""Dashboard snapshots: one per board and financial year, rebuilt by `snapshot_refresh`.

Locking: a refresh first UPDATEs its snapshot row inside its transaction. On PostgreSQL
that takes the row lock, so a second refresh of the same board and year waits and then
recomputes the same result; on SQLite the first write takes the database's write lock, so
the two are serialised there too. `mark_stale` also UPDATEs the row, so a change written
while a refresh runs leaves the snapshot stale for the next run rather than lost."""

import logging
import time

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from board.models import Board
from core.periods import FinancialYear

from ..models import Snapshot
from .dashboard import build_snapshot

log = logging.getLogger(__name__)


def _year(year: FinancialYear | int | str) -> FinancialYear:
    if isinstance(year, FinancialYear):
        return year
    if isinstance(year, int):
        return FinancialYear(year)
    return FinancialYear.parse(year)


def mark_stale(board: Board, year: FinancialYear | int | str) -> None:
    """Flag the board's dashboard for this year (and the next, whose trend and 'same period
    last year' show this year's figures) for the next scheduled refresh."""
    start = _year(year).start_year
    Snapshot.objects.filter(board=board, year__in=[start, start + 1]).update(stale=True)
    if not Snapshot.objects.filter(board=board, year=start).exists():
        try:
            with transaction.atomic():
                Snapshot.objects.create(board=board, year=start, stale=True)
        except IntegrityError:
            pass  # created meanwhile by another writer; it is stale (new) or just refreshed


def _lock(board: Board, year: int) -> Snapshot:
    for _ in range(3):
        if Snapshot.objects.filter(board=board, year=year).update(stale=F("stale")):
            return Snapshot.objects.select_for_update().get(board=board, year=year)
        try:
            with transaction.atomic():
                Snapshot.objects.create(board=board, year=year)
        except IntegrityError:
            continue  # another refresh created it first: lock it on the next pass
    raise RuntimeError(f"could not lock the snapshot of {board} {year}")


def snapshot_refresh(*, board: Board, year: FinancialYear | int | str) -> Snapshot:
    """Rebuild the board's dashboard for the financial year. Idempotent; safe to run
    concurrently (see the module docstring)."""
    fy = _year(year)
    with transaction.atomic():
        snapshot = _lock(board, fy.start_year)
        began = time.monotonic()
        snapshot.data = build_snapshot(board, fy)
        snapshot.refreshed_at = timezone.now()
        snapshot.stale = False
        snapshot.duration_ms = int((time.monotonic() - began) * 1000)
        snapshot.save(update_fields=["data", "refreshed_at", "stale", "duration_ms", "updated_at"])
    return snapshot


def refresh_snapshots(*, only_stale: bool, board_ids=None) -> dict:
    """Refresh many snapshots, each in its own transaction. A board that fails is logged
    and counted; the others carry on."""
    pending = Snapshot.objects.all()
    if only_stale:
        pending = pending.filter(stale=True)
    if board_ids is not None:
        pending = pending.filter(board_id__in=board_ids)
    result = {"refreshed": 0, "failed": []}
    boards = {b.id: b for b in Board.objects.filter(id__in=pending.values("board_id"))}
    for board_id, year in pending.order_by("board_id", "year").values_list("board_id", "year"):
        try:
            snapshot_refresh(board=boards[board_id], year=year)
            result["refreshed"] += 1
        except Exception:
            log.exception("Dashboard refresh failed for board %s, year %s", board_id, year)
            result["failed"].append(f"{board_id}:{year}")
    return result


def mark_all_stale(board: Board) -> None:
    Snapshot.objects.filter(board=board).update(stale=True)

"""Dashboard snapshots: one per board and financial year, rebuilt by `snapshot_refresh`.

Locking: `snapshot_refresh` (one year) first UPDATEs its snapshot row inside its
transaction. On PostgreSQL that takes the row lock, so a second refresh of the same board
and year waits and then recomputes the same result; on SQLite the first write takes the
database's write lock, so the two are serialised there too. `refresh_stale` (a board's
stale years at once) locks them with SKIP LOCKED instead: it never waits while holding
some, so it cannot deadlock with a writer. `mark_stale` also UPDATEs the row, so a change
written while a refresh runs leaves the snapshot stale for the next run rather than
lost."""

import logging
import time

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django_scopes import scope

from board.models import Board
from core.periods import FinancialYear

from ..models import Snapshot
from .dashboard import build_snapshot, build_snapshots

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


def snapshot_refresh(
    *, board: Board, year: FinancialYear | int | str, only_if_stale: bool = False
) -> Snapshot | None:
    """Rebuild the board's dashboard for the financial year. Idempotent; safe to run
    concurrently (see the module docstring). With `only_if_stale`, a snapshot found fresh
    once locked (another worker rebuilt it while this one waited) is left alone: None."""
    fy = _year(year)
    with transaction.atomic():
        snapshot = _lock(board, fy.start_year)
        if only_if_stale and not snapshot.stale:
            return None
        began = time.monotonic()
        snapshot.data = build_snapshot(board, fy)
        snapshot.refreshed_at = timezone.now()
        snapshot.stale = False
        snapshot.duration_ms = int((time.monotonic() - began) * 1000)
        snapshot.save(update_fields=["data", "refreshed_at", "stale", "duration_ms", "updated_at"])
    return snapshot


def boards_with_stale_snapshots() -> list[str]:
    """Ids of the boards that have at least one stale year, for the scheduled refresh to
    hand out one job per board."""
    stale = Snapshot.objects.filter(stale=True).values_list("board_id", flat=True)
    return [str(board_id) for board_id in stale.distinct().order_by("board_id")]


def refresh_stale(*, board_ids=None) -> dict:
    """Rebuild the stale (board, year) snapshots and nothing else: each board's stale
    years together, from one read of its data, in one transaction. If that fails, its
    years are tried one by one, so one bad year neither stops the board's others nor the
    other boards; it is logged and counted and stays stale for the next run. A year made
    stale again while this runs is rebuilt by the next run."""
    pending = Snapshot.objects.filter(stale=True)
    if board_ids is not None:
        pending = pending.filter(board_id__in=board_ids)
    years_of: dict = {}
    for board_id, year in pending.order_by("board_id", "year").values_list("board_id", "year"):
        years_of.setdefault(board_id, []).append(year)
    result = {"refreshed": 0, "skipped": 0, "failed": []}
    if not years_of:
        return result
    for board in Board.objects.filter(id__in=years_of).order_by("id"):
        with scope(board=board.id):  # each board's work in its own scope
            _refresh_board_years(board, years_of[board.id], result)
    return result


def _refresh_board_years(board: Board, years: list[int], result: dict) -> None:
    try:
        with transaction.atomic():
            # Holding several years at once, this never waits for one: a year locked by a
            # writer marking it stale (in whatever order it takes them), or by another
            # refresh, is skipped, so neither can deadlock with it. The writer queues its
            # own refresh when it commits, and the scheduled one comes back for the rest.
            locked = Snapshot.objects.select_for_update(skip_locked=True).filter(
                board=board, year__in=years, stale=True
            )
            still_stale = {s.year: s for s in locked}
            built = _build_many(board, sorted(still_stale))
            now = timezone.now()
            for year, snapshot in still_stale.items():
                snapshot.data, snapshot.duration_ms = built[year]
                snapshot.refreshed_at = snapshot.updated_at = now
                snapshot.stale = False
            Snapshot.objects.bulk_update(
                still_stale.values(),
                ["data", "refreshed_at", "stale", "duration_ms", "updated_at"],
            )
        result["refreshed"] += len(still_stale)
        result["skipped"] += len(years) - len(still_stale)
        return
    except Exception:
        log.warning("Refreshing board %s's years together failed: one by one", board.id)
    for year in years:
        try:
            done = snapshot_refresh(board=board, year=year, only_if_stale=True)
            result["refreshed" if done else "skipped"] += 1
        except Exception:
            log.exception("Dashboard refresh failed for board %s, year %s", board.id, year)
            result["failed"].append(f"{board.id}:{year}")


def _build_many(board: Board, years: list[int]) -> dict[int, tuple[dict, int]]:
    """Each year's data and its share of the build's time in milliseconds."""
    if not years:
        return {}
    began = time.monotonic()
    built = build_snapshots(board, [FinancialYear(year) for year in years])
    each = int((time.monotonic() - began) * 1000 / len(years))
    return {year: (data, each) for year, data in built.items()}


def years_with_figures(board: Board) -> set[int]:
    """Every financial year the board has a dashboard for or figures in (observations or
    benchmarks): what a full rebuild covers."""
    from ..models import Benchmark, Observation

    years = set(Snapshot.objects.filter(board=board).values_list("year", flat=True))
    for model in (Observation, Benchmark):
        months = model.objects.filter(board=board).dates("period_start", "month")
        years |= {FinancialYear.containing(month).start_year for month in months}
    return years


def mark_every_year_stale(board: Board) -> int:
    """Flag every year of the board (creating the snapshots it lacks) for rebuilding.
    A full rebuild is this followed by `refresh_stale`, so a rebuild that is interrupted
    leaves the rest stale for the scheduled refresh to finish."""
    years = years_with_figures(board)
    Snapshot.objects.filter(board=board).update(stale=True)
    Snapshot.objects.bulk_create(
        [Snapshot(board=board, year=year, stale=True) for year in sorted(years)],
        ignore_conflicts=True,  # those that exist were marked by the update above
    )
    return len(years)


def mark_all_stale(board: Board) -> None:
    Snapshot.objects.filter(board=board).update(stale=True)

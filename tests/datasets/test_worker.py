"""The refresh on a real Celery worker and Redis: queued after an import commits, held
back by the per-board lock while another refresh holds it, and the scheduled refresh
rebuilding the stale years only."""

import time
from datetime import date

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.db import connections, transaction

from datasets.models import Indicator, Snapshot
from datasets.services.imports import import_file
from datasets.services.observations import observation_upsert
from datasets.services.snapshots import refresh_stale
from datasets.tasks import refresh_snapshot, refresh_stale_snapshots
from lscb.celery import app

from .factories import catalogue, csv_bytes

needs_redis = pytest.mark.skipif(
    not settings.REDIS_URL, reason="needs REDIS_URL: a real worker needs a real broker"
)


@pytest.fixture
def worker(transactional_db):
    with start_worker(app, perform_ping_check=False, loglevel="WARNING") as worker:
        yield worker


def wait_for(condition, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def fresh(board, year=2014) -> bool:
    snapshot = Snapshot.objects.filter(board=board, year=year).first()
    return bool(snapshot and not snapshot.stale and snapshot.data)


@needs_redis
def test_an_import_queues_a_refresh_that_the_worker_runs_after_commit(worker, board):
    catalogue(board)
    content = csv_bytes([[board.slug, "cp_plans", "2014-15 Q1", "total", "392", ""]])
    import_file(filename="f.csv", content=content, boards=[board])
    assert wait_for(lambda: fresh(board))
    data = Snapshot.objects.get(board=board, year=2014).data
    plans = next(e for e in data["indicators"].values() if e["code"] == "cp_plans")
    assert plans["latest"]["display"] == "392"


@needs_redis
@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="the row lock is PostgreSQL's; SQLite serialises writers instead",
)
def test_a_refresh_waits_for_the_lock_and_the_result_is_the_same(worker, board):
    catalogue(board)
    Snapshot.objects.create(board=board, year=2014)
    first = refresh_snapshot.delay(str(board.id), 2014)
    first.get(timeout=20)
    before = Snapshot.objects.get(board=board, year=2014)

    # Hold the snapshot's row lock from another connection, as a running refresh would.
    other = connections.create_connection("default")
    with other.cursor() as cursor:
        cursor.execute("BEGIN")
        cursor.execute(
            "SELECT id FROM datasets_snapshot WHERE board_id = %s AND year = 2014 FOR UPDATE",
            [board.id],
        )
        second = refresh_snapshot.delay(str(board.id), 2014)
        time.sleep(2)
        assert not second.ready()  # blocked by the lock
        cursor.execute("COMMIT")
    other.close()
    second.get(timeout=20)
    after = Snapshot.objects.get(board=board, year=2014)
    assert after.data == before.data
    assert after.refreshed_at > before.refreshed_at
    assert Snapshot.objects.filter(board=board).count() == 1


@needs_redis
def test_a_rolled_back_import_queues_nothing(worker, board):
    catalogue(board)
    content = csv_bytes([[board.slug, "cp_plans", "2014-15 Q1", "total", "392", ""]])

    class Abandon(Exception):
        pass

    with pytest.raises(Abandon), transaction.atomic():
        import_file(filename="f.csv", content=content, boards=[board])
        raise Abandon
    assert refresh_snapshot.delay(str(board.id), 2013).get(timeout=20)  # queue drained
    assert not Snapshot.objects.filter(board=board, year=2014).exists()


@needs_redis
def test_the_scheduled_refresh_on_a_worker_rebuilds_only_the_stale_years(
    worker, board, other_board
):
    for b in (board, other_board):
        catalogue(b)
        for year in (2012, 2013, 2014):
            Snapshot.objects.create(board=b, year=year)
    refresh_stale()
    before = dict(Snapshot.objects.values_list("id", "refreshed_at"))
    plans = Indicator.objects.get(board=board, code="cp_plans")
    # A figure written directly (as a return's are): marked stale, nothing queued.
    observation_upsert(board=board, indicator=plans, period_start=date(2013, 4, 1), value=51)

    assert refresh_stale_snapshots.delay().get(timeout=20) == {"boards": 1}
    assert wait_for(lambda: not Snapshot.objects.filter(stale=True).exists())
    after = dict(Snapshot.objects.values_list("id", "refreshed_at"))
    rebuilt = set(
        Snapshot.objects.filter(id__in=[i for i in after if after[i] != before[i]]).values_list(
            "board__slug", "year"
        )
    )
    # 2013-14 and the year after it; not 2012-13, nor any year of the other board.
    assert rebuilt == {(board.slug, 2013), (board.slug, 2014)}

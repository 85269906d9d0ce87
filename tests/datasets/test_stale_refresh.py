"""Refresh what changed: a change marks only the (board, year) snapshots it touches stale,
the scheduled refresh rebuilds those and no other, and a full rebuild is an explicit
command."""

import io
import time

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from core.periods import FinancialYear
from datasets.models import Snapshot
from datasets.services.dashboard import build_snapshot, build_snapshots
from datasets.services.snapshots import refresh_stale, snapshot_refresh

from .factories import catalogue, load
from .test_snapshots import FIGURES

YEARS = [2012, 2013, 2014, 2015, 2016]


def figures_for_every_year(board) -> None:
    catalogue(board)
    load(board, [["cp_plans", f"{y}-{(y + 1) % 100:02d} Q1", "total", 100 + y] for y in YEARS])
    refresh_stale()  # every dashboard fresh before the change under test
    assert not Snapshot.objects.filter(stale=True).exists()


def refreshed_at(board) -> dict[int, object]:
    return dict(Snapshot.objects.filter(board=board).values_list("year", "refreshed_at"))


def test_a_change_marks_only_its_years_stale_and_the_refresh_rebuilds_only_those(
    board, other_board
):
    figures_for_every_year(board)
    figures_for_every_year(other_board)
    before = {b: refreshed_at(b) for b in (board, other_board)}

    load(board, [["cp_plans", "2013-14 Q3", "total", 7]])  # one figure of 2013-14

    stale = set(Snapshot.objects.filter(stale=True).values_list("board__slug", "year"))
    # Its year, and the next, whose trend and "same period last year" show it.
    assert stale == {(board.slug, 2013), (board.slug, 2014)}
    with CaptureQueriesContext(connection) as queries:
        result = refresh_stale()
    figures_read = [q for q in queries.captured_queries if '"datasets_observation"' in q["sql"]]
    assert len(figures_read) == 1  # the board's two years built from one read
    assert result == {"refreshed": 2, "skipped": 0, "failed": []}
    after = {b: refreshed_at(b) for b in (board, other_board)}
    rebuilt = {
        (b.slug, year) for b in after for year in after[b] if after[b][year] != before[b][year]
    }
    assert rebuilt == {(board.slug, 2013), (board.slug, 2014)}
    plans = next(
        e
        for e in Snapshot.objects.get(board=board, year=2013).data["indicators"].values()
        if e["code"] == "cp_plans"
    )
    assert plans["latest"]["display"] == "7"  # the rebuilt dashboard shows the change


def test_with_nothing_stale_the_refresh_rebuilds_nothing_in_one_query(board):
    figures_for_every_year(board)
    before = refreshed_at(board)
    with CaptureQueriesContext(connection) as queries:
        assert refresh_stale() == {"refreshed": 0, "skipped": 0, "failed": []}
    assert len(queries.captured_queries) == 1
    assert refreshed_at(board) == before


def test_a_year_already_rebuilt_by_another_worker_is_not_rebuilt_again(board):
    figures_for_every_year(board)
    load(board, [["cp_plans", "2016-17 Q2", "total", 9]])
    pending = Snapshot.objects.get(board=board, year=2016)
    snapshot_refresh(board=board, year=2016)  # another worker got there first
    rebuilt_at = Snapshot.objects.get(pk=pending.pk).refreshed_at
    assert snapshot_refresh(board=board, year=2016, only_if_stale=True) is None
    assert Snapshot.objects.get(pk=pending.pk).refreshed_at == rebuilt_at


def test_the_rebuild_command_rebuilds_every_year_of_the_board_it_names(board, other_board):
    figures_for_every_year(board)
    figures_for_every_year(other_board)
    Snapshot.objects.filter(board=board, year=2012).delete()  # a year with no dashboard yet
    others = refreshed_at(other_board)
    before = refreshed_at(board)

    out = io.StringIO()
    call_command("rebuild_snapshots", "--board", board.slug, stdout=out)
    assert out.getvalue() == f"Rebuilt {len(YEARS)} dashboards of 1 board.\n"

    after = refreshed_at(board)
    assert sorted(after) == YEARS  # the missing year was made
    assert all(after[y] != before.get(y) for y in YEARS)
    assert not Snapshot.objects.filter(stale=True).exists()
    assert refreshed_at(other_board) == others  # the board not named is left alone


def test_the_rebuild_command_with_mark_only_leaves_the_rebuild_to_the_scheduled_refresh(
    board, other_board
):
    figures_for_every_year(board)
    figures_for_every_year(other_board)
    call_command("rebuild_snapshots", "--all", "--mark-only", stdout=io.StringIO())
    assert Snapshot.objects.filter(stale=True).count() == 2 * len(YEARS)
    assert refresh_stale()["refreshed"] == 2 * len(YEARS)


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "one of the arguments --board --all is required"),
        (["--board", "nowhere"], "No board with the slug nowhere"),
    ],
)
def test_the_rebuild_command_refuses_to_guess_which_boards(board, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("rebuild_snapshots", *args)


def test_years_built_together_are_the_same_as_each_built_alone(board):
    catalogue(board)
    load(board, FIGURES)
    load(board, [["cp_plans", "2012-13 Q4", "total", 12], ["cp_plans", "2015-16 Q1", "total", 3]])
    years = [FinancialYear(y) for y in (2012, 2013, 2014, 2015)]
    together = build_snapshots(board, years)
    assert together == {y.start_year: build_snapshot(board, y) for y in years}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_a_refresh_skips_a_year_a_writer_holds_rather_than_wait_for_it(board):
    figures_for_every_year(board)
    Snapshot.objects.filter(board=board, year__in=[2013, 2014]).update(stale=True)
    # A writer marking 2014-15 stale, its transaction still open.
    writer = connections.create_connection("default")
    try:
        with writer.cursor() as cursor:
            cursor.execute("BEGIN")
            cursor.execute(
                "UPDATE datasets_snapshot SET stale = true WHERE board_id = %s AND year = 2014",
                [board.id],
            )
            began = time.monotonic()
            result = refresh_stale()
            assert time.monotonic() - began < 5  # did not wait for the writer
            cursor.execute("COMMIT")
    finally:
        writer.close()
    assert result == {"refreshed": 1, "skipped": 1, "failed": []}
    stale = set(Snapshot.objects.filter(stale=True).values_list("year", flat=True))
    assert stale == {2014}  # left for the writer's queued refresh or the next scheduled one
    assert refresh_stale()["refreshed"] == 1

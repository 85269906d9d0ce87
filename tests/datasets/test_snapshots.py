"""Snapshots: what they hold, staleness, idempotent refresh, a failing board, and two
refreshes at once."""

import threading

import pytest
from django.db import connection
from django_scopes import scope

from datasets.models import Snapshot
from datasets.services import snapshots
from datasets.services.observations import observation_upsert
from datasets.services.snapshots import mark_stale, refresh_stale, snapshot_refresh

from .factories import catalogue, load

FIGURES = [
    ["assessments", "2014-15 Q1", "total", 320],
    ["assessments_45", "2014-15 Q1", "total", 264],
    ["assessments", "2014-15 Q2", "total", 39],
    ["assessments_45", "2014-15 Q2", "total", 1],
    ["assessments", "2013-14 Q2", "total", 100],
    ["assessments_45", "2013-14 Q2", "total", 50],
    ["cp_plans", "2014-15 Q1", "total", 392],
    ["cp_plans", "2014-15 Q2", "total", 375],
]


def entry(snapshot, code):
    return next(e for e in snapshot.data["indicators"].values() if e["code"] == code)


def test_a_snapshot_holds_computed_figures_and_comparisons(board):
    catalogue(board)
    load(board, FIGURES)
    snapshot = snapshot_refresh(board=board, year="2014-15")
    pct = entry(snapshot, "assessments_45_pct")
    assert pct["latest"]["display"] == "2.6%"  # 1 of 39, at the indicator's 1 decimal
    assert pct["ytd"]["display"] == "73.8%"  # 265 of 359, recomputed from the counts
    assert pct["previous"]["display"] == "82.5%"
    assert pct["previous"]["assessment"] == "worse"
    assert pct["last_year"]["display"] == "50.0%"
    assert pct["rag"] == "red"
    plans = entry(snapshot, "cp_plans")
    assert (plans["latest"]["value"], plans["ytd"]["display"]) == ("375", "375")
    assert plans["previous"]["change"] == "−17"
    assert [p["label"] for p in plans["trend"]][-2:] == ["Q1 2014/15", "Q2 2014/15"]
    assert len(plans["trend"]) == 8
    assert [t["name"] for t in snapshot.data["themes"]][:2] == ["Context", "Front door"]


def test_writing_a_value_marks_the_year_and_the_next_stale(board):
    indicators = catalogue(board)
    snapshot_refresh(board=board, year=2014)
    snapshot_refresh(board=board, year=2015)
    observation_upsert(
        board=board,
        indicator=indicators["cp_plans"],
        period_start=indicators["cp_plans"].valid_from or _q1(),
        value=5,
    )
    assert set(Snapshot.objects.filter(stale=True).values_list("year", flat=True)) == {2014, 2015}


def _q1():
    from datetime import date

    return date(2014, 4, 1)


def test_refresh_is_idempotent(board):
    catalogue(board)
    load(board, FIGURES)
    first = snapshot_refresh(board=board, year=2014).data
    second = snapshot_refresh(board=board, year=2014)
    assert second.data == first
    assert Snapshot.objects.filter(board=board, year=2014).count() == 1
    assert second.stale is False


def test_a_failing_board_does_not_stop_the_others(board, other_board, monkeypatch):
    catalogue(board)
    catalogue(other_board)
    mark_stale(board, 2014)
    mark_stale(other_board, 2014)
    real = snapshots.build_snapshot
    real_many = snapshots.build_snapshots

    def fail_for_one(target, year):
        if target == board:
            raise RuntimeError("this board's data is broken")
        return real(target, year)

    def fail_many_for_one(target, years):
        if target == board:
            raise RuntimeError("this board's data is broken")
        return real_many(target, years)

    monkeypatch.setattr(snapshots, "build_snapshot", fail_for_one)
    monkeypatch.setattr(snapshots, "build_snapshots", fail_many_for_one)
    result = refresh_stale()
    assert result["refreshed"] == 1
    assert result["failed"] == [f"{board.id}:2014"]
    assert Snapshot.objects.get(board=other_board).stale is False
    assert Snapshot.objects.get(board=board).stale is True  # left for the next run


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_refreshes_at_once_give_one_snapshot_and_no_error(board):
    catalogue(board)
    load(board, FIGURES)
    errors = []

    def refresh():
        try:
            # A new thread starts with no board scope, like a worker: it opens its own.
            with scope(board=board):
                snapshot_refresh(board=board, year=2014)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=refresh) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Snapshot.objects.filter(board=board, year=2014).count() == 1
    assert Snapshot.objects.get(board=board, year=2014).stale is False

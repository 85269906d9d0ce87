"""The demo dataset tells the published reports' story, and loads idempotently."""

from io import StringIO

from django.core.management import call_command

from board.models import Board
from datasets.models import Benchmark, Observation, Snapshot


def entry(data, code):
    return next(e for e in data["indicators"].values() if e["code"] == code)


def test_the_demo_board_gets_two_years_of_the_published_figures(db):
    call_command("load_demo", stdout=StringIO())
    board = Board.objects.get(slug="croydon")
    count = Observation.objects.filter(board=board).count()
    data = Snapshot.objects.get(board=board, year=2014).data
    assert entry(data, "cp_plans")["latest"]["display"] == "348"
    assert entry(data, "lac")["latest"]["display"] == "805"
    assert entry(data, "cin")["latest"]["display"] == "3,624"
    pct = entry(data, "assessments_45_pct")
    assert pct["ytd"]["display"] == "72.0%"  # 2,545 of 3,536: the report's 71.97%
    assert pct["benchmarks"][0]["display"] == "81.5%"
    assert entry(data, "private_fostering")["latest"]["label"] == "Mar 2015"
    assert entry(data, "training_attendance")["ytd"]["display"] == "2,819"
    last_year = Snapshot.objects.get(board=board, year=2013).data
    assert entry(last_year, "assessments_45_pct")["ytd"]["display"] == "73.0%"
    assert entry(last_year, "referrals")["ytd"]["display"] == "3,588"
    assert Benchmark.objects.filter(board=board).exists()

    call_command("load_demo", stdout=StringIO())
    assert Observation.objects.filter(board=board).count() == count

from decimal import Decimal

from board import demo as board_demo
from board.models import Action
from core.periods import FinancialYear
from reviews.child_deaths import demo
from reviews.child_deaths.models import CdopCase
from reviews.child_deaths.statistics import cdop_annual_statistics


def load_twice():
    board = board_demo.load(lambda line: None)
    demo.load(board, lambda line: None)
    demo.load(board, lambda line: None)
    return board


def test_the_demo_caseload_reproduces_the_published_2013_14_figures(db):
    board = load_twice()
    stats = cdop_annual_statistics(board=board, year=FinancialYear.parse("2013-14"), suppress=False)
    assert (stats.notified.count, stats.reviewed.count) == (37, 36)
    assert stats.rapid_responses.count == 8
    years = {cell.label: cell.count for cell in stats.table("year_of_death").rows}
    assert years == {"2011/12": 6, "2012/13": 16, "2013/14": 14}
    figures = {
        ("age_band", "Neonate (under 28 days)"): (14, Decimal("38.9")),
        ("age_band", "28 days to under 1 year"): (12, Decimal("33.3")),
        ("expectation", "Expected"): (26, Decimal("72.2")),
        ("expectation", "Unexpected"): (10, Decimal("27.8")),
        ("category", "10. Sudden unexpected, unexplained death"): (2, Decimal("5.6")),
        ("modifiable", "Modifiable factors identified"): (1, Decimal("2.8")),
        ("minority_ethnic", "Black and minority ethnic groups"): (16, Decimal("44.4")),
    }
    for (table, label), expected in figures.items():
        cell = stats.row(table, label)
        assert (cell.count, cell.percentage) == expected, label
    risks = {cell.label: cell.count for cell in stats.table("risk_factors").rows}
    assert max(risks, key=risks.get) == "Smoking"
    assert {"Co-sleeping", "Domestic violence", "Emotional or behavioural difficulties"} <= set(
        risks
    )


def test_the_demo_is_idempotent_and_has_a_second_year(db):
    board = load_twice()
    first = CdopCase.objects.filter(board=board).count()
    demo.load(board, lambda line: None)
    assert CdopCase.objects.filter(board=board).count() == first == 90
    stats = cdop_annual_statistics(board=board, year=FinancialYear.parse("2014-15"), suppress=True)
    assert stats.reviewed.count == 35 and stats.notified.count == 31
    assert Action.objects.filter(board=board, source_type="cdop").count() == 1


def test_the_demo_cases_are_counted_by_croydons_five_localities(db):
    board = load_twice()
    stats = cdop_annual_statistics(board=board, year=FinancialYear.parse("2013-14"), suppress=True)
    shown = {cell.label: cell.shown_count for cell in stats.table("locality").rows}
    assert list(shown) == ["North", "South", "East", "West", "Central", "Not recorded"]
    assert (shown["North"], shown["East"]) == ("13", "10")  # the most deprived areas
    assert shown["South"] == shown["Not recorded"] == "fewer than 6"
    assert not CdopCase.objects.filter(board=board).exclude(locality_as_typed="").exists()

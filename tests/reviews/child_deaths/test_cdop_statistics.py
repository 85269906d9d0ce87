from datetime import date, timedelta
from decimal import Decimal

import pytest

from core.numbers import percentage
from core.periods import FinancialYear
from reviews.child_deaths.models import DeathCategory, Expectation, Modifiable
from reviews.child_deaths.statistics import Cell, Table, cdop_annual_statistics, suppress_table

from .factories import notify, review

YEAR = FinancialYear.parse("2013-14")
PANEL_DAY = date(2014, 3, 11)


def enter_the_2013_14_caseload(board) -> None:
    """36 reviews entered one by one: 14 neonates, 12 aged 28 days to under one, 10
    older; 26 expected and 10 unexpected; and one death notified but not yet reviewed."""
    ages = [timedelta(days=3)] * 14 + [timedelta(days=100)] * 12 + [timedelta(days=2000)] * 10
    for index, age in enumerate(ages):
        died = date(2013, 4, 2) + timedelta(days=index * 5)
        expectation = Expectation.EXPECTED if index % 18 < 13 else Expectation.UNEXPECTED
        case = notify(board, date_of_birth=died - age, date_of_death=died, expectation=expectation)
        review(case, panel_review_on=PANEL_DAY)
    notify(board, date_of_birth=date(2014, 1, 1), date_of_death=date(2014, 3, 1))


def test_the_2013_14_reference_figures_are_reproduced_from_the_cases(board):
    enter_the_2013_14_caseload(board)

    stats = cdop_annual_statistics(board=board, year=YEAR, suppress=False)

    assert stats.notified.count == 37
    assert stats.reviewed.count == 36
    neonates = stats.row("age_band", "Neonate (under 28 days)")
    infants = stats.row("age_band", "28 days to under 1 year")
    assert (neonates.count, neonates.percentage) == (14, Decimal("38.9"))
    assert (infants.count, infants.percentage) == (12, Decimal("33.3"))
    expected = stats.row("expectation", "Expected")
    unexpected = stats.row("expectation", "Unexpected")
    assert (expected.count, expected.shown_percentage) == (26, "72.2%")
    assert (unexpected.count, unexpected.shown_percentage) == (10, "27.8%")


def test_every_breakdown_adds_up_to_the_reviews(board):
    enter_the_2013_14_caseload(board)
    stats = cdop_annual_statistics(board=board, year=YEAR, suppress=False)
    for table in stats.tables:
        if table.partition:
            assert sum(cell.count for cell in table.rows) == 36, table.key


def test_reviews_are_counted_in_the_year_of_the_panel_review_by_year_of_death(board):
    for died in (date(2012, 1, 5), date(2012, 6, 1), date(2013, 6, 1)):
        review(
            notify(board, date_of_birth=died - timedelta(days=1), date_of_death=died),
            panel_review_on=PANEL_DAY,
        )
    stats = cdop_annual_statistics(board=board, year=YEAR, suppress=False)
    rows = {cell.label: cell.count for cell in stats.table("year_of_death").rows}
    assert rows == {"2011/12": 1, "2012/13": 1, "2013/14": 1}
    assert stats.notified.count == 1  # the other two were notified in earlier years


def _table(*counts: int) -> Table:
    total = sum(counts)
    rows = []
    for number, count in enumerate(counts):
        pct = percentage(count, total, 1)
        rows.append(Cell(f"row {number}", count, pct, str(count), f"{pct}%"))
    return Table("t", "T", rows)


def test_small_counts_are_shown_as_fewer_than_the_threshold_without_a_percentage():
    rows = suppress_table(_table(3, 4, 29), below=5, total_hidden=False).rows
    assert [cell.shown_count for cell in rows[:2]] == ["fewer than 5", "fewer than 5"]
    assert all(cell.percentage is None and cell.shown_percentage == "" for cell in rows[:2])
    assert rows[2].suppressed is False


def test_a_lone_hidden_count_hides_the_next_smallest_so_it_cannot_be_subtracted():
    rows = suppress_table(_table(2, 0, 9, 25), below=5, total_hidden=False).rows
    assert [cell.shown_count for cell in rows] == ["fewer than 5", "0", "not shown", "25"]
    assert rows[2].shown_percentage == ""


def test_a_count_at_the_threshold_is_published():
    rows = suppress_table(_table(5, 31), below=5, total_hidden=False).rows
    assert not any(cell.suppressed for cell in rows)


def test_published_statistics_suppress_small_numbers_and_the_panel_view_does_not(board):
    for index in range(8):
        died = date(2013, 5, 1) + timedelta(days=index)
        expectation = Expectation.UNEXPECTED if index < 2 else Expectation.EXPECTED
        review(
            notify(
                board,
                date_of_birth=died - timedelta(days=2),
                date_of_death=died,
                expectation=expectation,
            ),
            panel_review_on=PANEL_DAY,
            category=DeathCategory.SUDDEN if index < 2 else DeathCategory.PERINATAL,
            modifiable=Modifiable.YES if index == 0 else Modifiable.NO,
            factors_family="Unsafe sleeping" if index == 0 else "",
        )

    published = cdop_annual_statistics(board=board, year=YEAR, suppress=True)
    panel = cdop_annual_statistics(board=board, year=YEAR, suppress=False)

    assert published.row("expectation", "Unexpected").shown_count == "fewer than 6"
    # Expected (6) would give away Unexpected as 8 - 6, so it is hidden too.
    assert published.row("expectation", "Expected").shown_count == "not shown"
    assert published.row("modifiable", "Modifiable factors identified").shown_count == (
        "fewer than 6"
    )
    assert published.reviewed.shown_count == "8"
    assert panel.row("expectation", "Unexpected").shown_count == "2"
    assert panel.row("expectation", "Unexpected").shown_percentage == "25.0%"


def test_when_the_year_has_only_a_few_reviews_nothing_about_them_is_published(board):
    review(notify(board), panel_review_on=PANEL_DAY)
    stats = cdop_annual_statistics(board=board, year=YEAR, suppress=True)
    assert stats.reviewed.shown_count == "fewer than 6"
    assert stats.median_days_to_review is None
    shown = [cell for table in stats.tables for cell in table.rows if cell.count]
    assert shown and all(cell.suppressed for cell in shown)


@pytest.mark.parametrize(
    ("reviewed_on", "within"),
    [(date(2013, 8, 31), True), (date(2014, 2, 28), True), (date(2014, 3, 1), False)],
)
def test_the_six_month_target_includes_the_day_six_months_after_the_death(
    board, reviewed_on, within
):
    # 31 August plus six months is 28 February (2014 is not a leap year).
    case = notify(
        board,
        date_of_birth=date(2013, 8, 1),
        date_of_death=date(2013, 8, 31),
        notified_on=date(2013, 8, 31),
    )
    review(case, panel_review_on=reviewed_on)
    stats = cdop_annual_statistics(board=board, year=YEAR, suppress=False)
    assert stats.row("timeliness", "Within the target").count == (1 if within else 0)


def test_the_target_follows_the_boards_setting(board):
    from reviews.child_deaths.services.cases import cdop_settings_update

    cdop_settings_update(
        board=board,
        risk_factor_names=["Smoking"],
        review_target_months=9,
        suppress_below=5,
        form_due_days=28,
        chase_every_days=7,
    )
    case = notify(board, date_of_birth=date(2013, 4, 1), date_of_death=date(2013, 4, 10))
    review(case, panel_review_on=date(2014, 1, 10))
    stats = cdop_annual_statistics(board=board, year=YEAR, suppress=False)
    assert stats.row("timeliness", "Within the target").count == 1
    assert "9 months" in stats.table("timeliness").title


def test_the_median_time_from_death_to_review(board):
    for days in (100, 200, 250):
        died = PANEL_DAY - timedelta(days=days)
        review(
            notify(board, date_of_birth=died - timedelta(days=5), date_of_death=died),
            panel_review_on=PANEL_DAY,
        )
    stats = cdop_annual_statistics(board=board, year=YEAR, suppress=False)
    assert stats.median_days_to_review == 200

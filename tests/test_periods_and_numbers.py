from datetime import date
from decimal import Decimal

import pytest

from board.working_days import add_working_days, is_working_day, working_days_between
from core.numbers import percentage, rate_per, round_half_up
from core.periods import FinancialYear, Quarter


@pytest.mark.parametrize("text", ["2014-15", "2014/15", "2014", " 2014 - 2015 "])
def test_a_financial_year_is_read_in_the_ways_reports_write_it(text):
    year = FinancialYear.parse(text)
    assert (year.start, year.end) == (date(2014, 4, 1), date(2015, 3, 31))
    assert (year.label, year.slug) == ("2014/15", "2014-15")


@pytest.mark.parametrize(
    "text", ["2014-16", "fourteen", "", "14-15", "2014-15-16", "0000", "9999-00"]
)
def test_a_malformed_financial_year_is_refused(text):
    with pytest.raises(ValueError):
        FinancialYear.parse(text)


def test_the_year_turns_in_april():
    assert FinancialYear.containing(date(2015, 3, 31)).label == "2014/15"
    assert FinancialYear.containing(date(2015, 4, 1)).label == "2015/16"
    assert FinancialYear.parse("1999-00").label == "1999/00"


@pytest.mark.parametrize(
    ("number", "start", "end"),
    [
        (1, date(2014, 4, 1), date(2014, 6, 30)),
        (2, date(2014, 7, 1), date(2014, 9, 30)),
        (3, date(2014, 10, 1), date(2014, 12, 31)),
        (4, date(2015, 1, 1), date(2015, 3, 31)),
    ],
)
def test_quarters_run_april_to_june_first(number, start, end):
    quarter = FinancialYear(2014).quarter(number)
    assert (quarter.start, quarter.end) == (start, end)
    assert Quarter.containing(start) == quarter == Quarter.containing(end)


@pytest.mark.parametrize(
    ("part", "whole", "decimals", "expected"),
    [
        (264, 320, 0, Decimal("83")),  # 82.5 rounds up, not to even
        (1, 39, 0, Decimal("3")),
        (96, 135, 1, Decimal("71.1")),
        (14, 36, 1, Decimal("38.9")),
        (10, 36, 1, Decimal("27.8")),
        (1, 8, 1, Decimal("12.5")),
        (0, 5, 0, Decimal("0")),
    ],
)
def test_percentages_are_computed_and_rounded_half_up(part, whole, decimals, expected):
    assert percentage(part, whole, decimals) == expected


def test_there_is_no_percentage_of_nothing():
    assert percentage(3, 0) is None
    assert rate_per(3, 0) is None


def test_rates_and_plain_rounding():
    assert rate_per(45, 91_000, per=10_000) == Decimal("4.9")
    assert round_half_up("2.5") == Decimal("3")
    assert round_half_up("0.125", 2) == Decimal("0.13")


def test_working_days_skip_weekends_and_bank_holidays():
    # Good Friday 3 April and Easter Monday 6 April 2015 are bank holidays.
    assert not is_working_day(date(2015, 4, 3))
    assert not is_working_day(date(2015, 4, 4))  # Saturday
    assert add_working_days(date(2015, 4, 2), 1) == date(2015, 4, 7)
    assert add_working_days(date(2015, 4, 2), 5) == date(2015, 4, 13)
    assert working_days_between(date(2015, 4, 2), date(2015, 4, 13)) == 5


def test_a_substitute_bank_holiday_is_not_a_working_day():
    # Boxing Day 2015 fell on a Saturday; Monday 28 December was the substitute day.
    assert not is_working_day(date(2015, 12, 28))
    assert add_working_days(date(2015, 12, 24), 1) == date(2015, 12, 29)

from datetime import date

import pytest

from datasets import periods


@pytest.mark.parametrize(
    "label, kind, start",
    [
        ("2014-04", "month", date(2014, 4, 1)),
        ("Apr 2014", "month", date(2014, 4, 1)),
        ("2015-01-01", "month", date(2015, 1, 1)),
        ("2014-15 Q1", "quarter", date(2014, 4, 1)),
        ("Q4 2014/15", "quarter", date(2015, 1, 1)),
        ("2014-15", "year", date(2014, 4, 1)),
    ],
)
def test_periods_are_read_in_the_documented_forms(label, kind, start):
    assert periods.parse(label, kind) == start
    assert periods.parse(periods.import_label(start, kind), kind) == start


@pytest.mark.parametrize(
    "label, kind",
    [
        ("2014-13", "month"),
        ("2014-15", "quarter"),
        ("2014-15 Q5", "quarter"),
        ("2014-15 Q1", "year"),
        ("2014-04", "year"),
        ("soon", "month"),
    ],
)
def test_a_period_of_the_wrong_type_is_refused(label, kind):
    with pytest.raises(ValueError):
        periods.parse(label, kind)


@pytest.mark.parametrize(
    "label, kind, start",
    [
        ("Apr-14", "month", date(2014, 4, 1)),  # Excel's mmm-yy, as saved to CSV
        ("Sept 2014", "month", date(2014, 9, 1)),
        ("Jan-15", "quarter", date(2015, 1, 1)),  # a quarter named by its first month
        ("October 2014", "quarter", date(2014, 10, 1)),
        ("2014-07-01", "quarter", date(2014, 7, 1)),  # a date cell, read as 2014-07-01
        ("Apr-14", "year", date(2014, 4, 1)),
        ("Apr-99", "month", date(1999, 4, 1)),  # two-digit years as Excel reads them
    ],
)
def test_excel_month_labels_name_the_period_they_start(label, kind, start):
    assert periods.parse(label, kind) == start


@pytest.mark.parametrize(
    "label, kind, message",
    [
        ("Jun-14", "quarter", "for the quarter it is in, write 2014-15 Q1"),
        ("Mar 2015", "year", "for the year it is in, write 2014-15"),
        ("2014-04-15", "month", "'2014-04-15' is a day, not a period"),
        ("2014-04", "quarter", "'2014-04' is not a quarter"),  # the import's month form
        ("Aprilish 2014", "month", "is not a month"),
    ],
)
def test_a_month_that_starts_no_such_period_is_refused_saying_so(label, kind, message):
    with pytest.raises(ValueError, match=message):
        periods.parse(label, kind)


def test_shifting_periods_crosses_years():
    assert periods.shift(date(2014, 4, 1), "quarter", -1) == date(2014, 1, 1)
    assert periods.shift(date(2015, 1, 1), "month", 3) == date(2015, 4, 1)

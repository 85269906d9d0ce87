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


def test_shifting_periods_crosses_years():
    assert periods.shift(date(2014, 4, 1), "quarter", -1) == date(2014, 1, 1)
    assert periods.shift(date(2015, 1, 1), "month", 3) == date(2015, 4, 1)

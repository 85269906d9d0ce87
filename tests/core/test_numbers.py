"""Figures written one way, with one mark for a figure that is not there."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse

from core.numbers import NO_VALUE, money, number, percent
from tests.board.factories import ExpenditureLineFactory


@pytest.mark.parametrize(
    ("value", "decimals", "shown"),
    [
        (Decimal("3624"), None, "3,624"),
        (Decimal("12.50"), None, "12.5"),
        (Decimal("0.125"), 2, "0.13"),  # half-up, not the half-even of Python's format
        (Decimal("2.5"), 0, "3"),
        (Decimal("-1234"), None, "−1,234"),
        (Decimal("-0.004"), 2, "0.00"),  # no minus in front of a zero
        (0, None, "0"),  # zero is a figure, not a missing one
        (None, None, NO_VALUE),
        ("", 1, NO_VALUE),
    ],
)
def test_number(value, decimals, shown):
    assert number(value, decimals) == shown


def test_money_and_percent():
    assert money(Decimal("26387")) == "£26,387"
    assert money(Decimal("1234.5")) == "£1,234.50"
    assert money(Decimal("-500")) == "−£500"
    assert money(None) == NO_VALUE
    assert percent(Decimal("83")) == "83%"
    assert percent(None) == NO_VALUE


def test_the_template_filters_are_the_same_functions():
    html = Template(
        "{% load numbers %}{{ a|number }} {{ b|number:1 }} {{ c|money }} {{ d|percent }} "
        "{{ e|or_no_value }} {% no_value %}"
    ).render(Context({"a": 3624, "b": Decimal("2.25"), "c": Decimal("5"), "d": None, "e": ""}))
    assert html == f"3,624 2.3 £5 {NO_VALUE} {NO_VALUE} {NO_VALUE}"


def test_a_budget_line_with_no_outturn_says_not_recorded(client_for, manager, board):
    """The visible mark changed: it was "–" here, "No data" on the dashboard, "—" in the
    annual report."""
    ExpenditureLineFactory(board=board, year=2014, outturn=None)
    url = reverse("budget", kwargs={"board_slug": board.slug}) + "?year=2014-15"
    html = client_for(manager).get(url).content.decode()
    assert f">{NO_VALUE}</td>" in html
    assert ">–</td>" not in html

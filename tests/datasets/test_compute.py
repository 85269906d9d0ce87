"""The arithmetic: half-up rounding and each roll-up rule, on plain data."""

from datetime import date
from decimal import Decimal as D

import pytest

from core.periods import FinancialYear
from datasets.models import Polarity, RollUp, Unit
from datasets.services.compute import Calculator, Rule, assessment, direction, rag

FY = FinancialYear(2014)
Q = [q.start for q in FY.quarters]


def rule(rollup, **kw):
    return Rule(kw.pop("id", "x"), kw.pop("period_type", "quarter"), rollup, **kw)


def test_a_percentage_is_computed_from_counts_and_rounded_half_up():
    part, whole = rule(RollUp.SUM, id="p"), rule(RollUp.SUM, id="w")
    pct = rule(RollUp.RATIO, id="r", unit=Unit.PERCENTAGE, numerator=part, denominator=whole)
    calc = Calculator({"p": {Q[0]: D(264), Q[1]: D(1)}, "w": {Q[0]: D(320), Q[1]: D(39)}})
    assert calc.period_value(pct, Q[0]) == D("83")  # 82.5 rounds up, not to even
    assert calc.period_value(pct, Q[1]) == D("3")  # 2.56 -> 3
    # The year's ratio is recomputed from the summed counts, not averaged: 265/359.
    assert calc.year_value(pct, FY) == D("74")


def test_sum_adds_the_periods_and_year_to_date_stops_at_the_period():
    flow = rule(RollUp.SUM)
    calc = Calculator({"x": {Q[0]: D(980), Q[1]: D(920), Q[2]: D(850), Q[3]: D(838)}})
    assert calc.year_value(flow, FY) == D(3588)
    assert calc.year_value(flow, FY, upto=Q[1]) == D(1900)


def test_latest_takes_the_last_period_with_a_value():
    stock = rule(RollUp.LATEST)
    calc = Calculator({"x": {Q[0]: D(392), Q[1]: D(375), Q[2]: D(361)}})
    assert calc.year_value(stock, FY) == D(361)
    assert calc.year_value(stock, FY, upto=Q[0]) == D(392)


def test_average_is_rounded_half_up_to_the_indicators_decimals():
    mean = rule(RollUp.AVERAGE, decimals=1)
    calc = Calculator({"x": {Q[0]: D("10.0"), Q[1]: D("10.1"), Q[2]: D("10.2"), Q[3]: D("10.2")}})
    assert calc.year_value(mean, FY) == D("10.1")  # 10.125 -> 10.1
    calc = Calculator({"x": {Q[0]: D("10.1"), Q[1]: D("10.2")}})
    assert calc.year_value(mean, FY) == D("10.2")  # 10.15 -> 10.2 (half up)


def test_a_rate_uses_the_population_of_the_year_holding_the_quarter():
    plans = rule(RollUp.LATEST, id="cp")
    population = rule(RollUp.LATEST, id="pop", period_type="year")
    rate = rule(
        RollUp.RATIO, id="r", unit=Unit.RATE, decimals=1, numerator=plans, denominator=population
    )
    calc = Calculator({"cp": {Q[1]: D(375), Q[3]: D(348)}, "pop": {FY.start: D(89400)}})
    assert calc.period_value(rate, Q[1]) == D("41.9")
    assert calc.year_value(rate, FY) == D("38.9")  # latest plans over the population


def test_a_quarterly_ratio_rolls_up_monthly_parts():
    part = rule(RollUp.SUM, id="p", period_type="month")
    whole = rule(RollUp.SUM, id="w", period_type="month")
    pct = rule(RollUp.RATIO, id="r", unit=Unit.PERCENTAGE, numerator=part, denominator=whole)
    months = [date(2014, 4, 1), date(2014, 5, 1), date(2014, 6, 1)]
    calc = Calculator(
        {
            "p": dict(zip(months, [D(1), D(1), D(1)], strict=True)),
            "w": dict(zip(months, [D(2), D(2), D(4)], strict=True)),
        }
    )
    assert calc.period_value(pct, Q[0]) == D(38)  # 3 of 8 = 37.5 -> 38


def test_no_data_gives_no_value_rather_than_zero():
    assert Calculator({}).year_value(rule(RollUp.SUM), FY) is None
    pct = rule(
        RollUp.RATIO,
        unit=Unit.PERCENTAGE,
        numerator=rule(RollUp.SUM, id="p"),
        denominator=rule(RollUp.SUM, id="w"),
    )
    assert Calculator({"p": {Q[0]: D(1)}, "w": {Q[0]: D(0)}}).period_value(pct, Q[0]) is None


@pytest.mark.parametrize(
    "now, before, polarity, expected",
    [
        (D(5), D(4), Polarity.HIGHER_BETTER, ("up", "better")),
        (D(5), D(4), Polarity.LOWER_BETTER, ("up", "worse")),
        (D(3), D(4), Polarity.LOWER_BETTER, ("down", "better")),
        (D(3), D(4), Polarity.NEUTRAL, ("down", "neutral")),
        (D(4), D(4), Polarity.HIGHER_BETTER, ("same", "neutral")),
    ],
)
def test_direction_of_change_is_judged_by_polarity(now, before, polarity, expected):
    move = direction(now, before)
    assert (move, assessment(move, polarity)) == expected


@pytest.mark.parametrize(
    "value, polarity, expected",
    [
        (D(81), Polarity.HIGHER_BETTER, "green"),
        (D(76), Polarity.HIGHER_BETTER, "amber"),
        (D(74), Polarity.HIGHER_BETTER, "red"),
        (D(79), Polarity.LOWER_BETTER, "green"),
        (D(84), Polarity.LOWER_BETTER, "amber"),
        (D(90), Polarity.NEUTRAL, None),
    ],
)
def test_rag_against_the_target_with_an_amber_margin(value, polarity, expected):
    assert rag(value, D(80), D(5), polarity) == expected

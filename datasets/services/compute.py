"""The arithmetic of the dataset, in one place: period values, year-to-date and annual
values by each indicator's roll-up rule, change, RAG. Nothing here is stored as typed:
percentages and rates are recomputed from their counts and rounded half-up
(core.numbers), at the indicator's decimals."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from core.numbers import percentage, rate_per, round_half_up
from core.periods import FinancialYear, Quarter

from .. import periods
from ..models import Polarity, RollUp, Unit


@dataclass(frozen=True)
class Rule:
    """What the arithmetic needs to know of an indicator (so it runs on plain data)."""

    id: object
    period_type: str
    rollup: str
    unit: str = Unit.COUNT
    decimals: int = 0
    numerator: "Rule | None" = None
    denominator: "Rule | None" = None

    @classmethod
    def of(cls, indicator, by_id: dict) -> "Rule":
        """`by_id` holds the board's indicators, so a ratio finds its parts."""

        def part(other_id) -> "Rule | None":
            return cls.of(by_id[other_id], by_id) if other_id in by_id else None

        return cls(
            indicator.id,
            indicator.period_type,
            indicator.rollup,
            indicator.unit,
            indicator.decimals,
            part(indicator.numerator_id),
            part(indicator.denominator_id),
        )


LENGTH = {periods.MONTH: 1, periods.QUARTER: 3, periods.YEAR: 12}


def _start_of(day: date, period_type: str) -> date:
    if period_type == periods.YEAR:
        return FinancialYear.containing(day).start
    if period_type == periods.QUARTER:
        return Quarter.containing(day).start
    return day.replace(day=1)


def ratio(rule: Rule, part, whole) -> Decimal | None:
    if part is None or whole is None:
        return None
    if rule.unit == Unit.RATE:
        return rate_per(part, whole, 10_000, rule.decimals)
    return percentage(part, whole, rule.decimals)


class Calculator:
    """Values of indicators from their stored totals: `totals[indicator_id][period_start]`."""

    def __init__(self, totals: dict) -> None:
        self.totals = totals

    def period_value(self, rule: Rule, start: date) -> Decimal | None:
        if rule.rollup == RollUp.RATIO:
            return ratio(
                rule,
                self._covering(rule.numerator, start, rule.period_type),
                self._covering(rule.denominator, start, rule.period_type),
            )
        value = self.totals.get(rule.id, {}).get(start)
        return None if value is None else round_half_up(value, rule.decimals)

    def _covering(self, rule: Rule | None, start: date, period_type: str) -> Decimal | None:
        """A part of a ratio over the ratio's period. A part counted over a longer period
        (a yearly population) gives the value of the period holding it; a part counted over
        shorter periods (months in a quarter) is rolled up over them."""
        if rule is None:
            return None
        if rule.period_type == period_type:
            return self.period_value(rule, start)
        if LENGTH[rule.period_type] > LENGTH[period_type]:
            return self.period_value(rule, _start_of(start, rule.period_type))
        end = periods.shift(start, period_type, 1)
        inside = [p for p in self._starts(rule) if start <= p < end]
        return self._roll(rule, inside)

    def year_value(self, rule: Rule, year: FinancialYear, upto: date | None = None):
        """The year's value by the roll-up rule; with `upto`, year to date (periods that
        start on or before that day)."""
        last = upto or year.end
        if rule.rollup == RollUp.RATIO:
            return ratio(
                rule,
                self.year_value(rule.numerator, year, upto) if rule.numerator else None,
                self.year_value(rule.denominator, year, upto) if rule.denominator else None,
            )
        starts = [p for p in periods.periods_in_year(year, rule.period_type) if p <= last]
        return self._roll(rule, starts)

    def _starts(self, rule: Rule) -> Iterable[date]:
        return self.totals.get(rule.id, {}).keys()

    def _roll(self, rule: Rule, starts: Iterable[date]) -> Decimal | None:
        series = self.totals.get(rule.id, {})
        values = [(start, series[start]) for start in sorted(starts) if start in series]
        if not values:
            return None
        if rule.rollup == RollUp.LATEST:
            result = values[-1][1]
        elif rule.rollup == RollUp.AVERAGE:
            result = sum(v for _, v in values) / len(values)
        else:
            result = sum(v for _, v in values)
        return round_half_up(result, rule.decimals)


def direction(current: Decimal | None, before: Decimal | None) -> str | None:
    if current is None or before is None:
        return None
    if current > before:
        return "up"
    return "down" if current < before else "same"


def assessment(move: str | None, polarity: str) -> str | None:
    """Whether a move is good news, by the indicator's polarity."""
    if move is None:
        return None
    if move == "same" or polarity == Polarity.NEUTRAL:
        return "neutral"
    better = (move == "up") == (polarity == Polarity.HIGHER_BETTER)
    return "better" if better else "worse"


def rag(value: Decimal | None, target, amber_margin, polarity: str) -> str | None:
    """Red, amber or green against the target; none without a target or a direction."""
    if value is None or target is None or polarity == Polarity.NEUTRAL:
        return None
    margin = amber_margin or Decimal(0)
    shortfall = target - value if polarity == Polarity.HIGHER_BETTER else value - target
    if shortfall <= 0:
        return "green"
    return "amber" if shortfall <= margin else "red"

"""The benchmarks of a chart's periods, as lines: one per comparator (England, the region,
the statistical neighbours) that has a record for any of the periods, with its value at
each period or a gap. The dashboard's snapshot and the report's dataset section build
them here and draw them with `charts.line_chart(..., benchmarks=...)`, so both show the
same lines.

A benchmark the publisher gives no figure for (`Benchmark.missing`: suppressed, not
available, not applicable) is a gap with its reason, never 0; a period with no benchmark
record at all is a gap with no reason.

A benchmark is drawn at the period it is given for. The DfE publishes financial years:
for an indicator of quarters or months whose figure is a level (a rate, a percentage,
a stock: any roll-up but a sum of periods), the year's benchmark holds for each of the
year's periods; a flow summed over the year (referrals) is never set against a year's
total at each quarter."""

from collections.abc import Mapping
from datetime import date

from core.periods import FinancialYear

from .models import Comparator, Missing, PeriodType, RollUp

# (comparator, period type, first day) -> (value, missing), as BoardData reads them.
Found = Mapping[tuple[str, str, date], tuple[object, str]]


def stretches_years(indicator) -> bool:
    """May a year's benchmark stand for each of the indicator's shorter periods?"""
    return indicator.period_type != PeriodType.YEAR and indicator.rollup != RollUp.SUM


def lines_for(found: Found, period_type: str, starts: list[date], *, stretch: bool) -> list[dict]:
    """[{"key", "label", "values": [str | None], "missing": [reason or ""]}] in the
    comparators' order, values as text (a snapshot is JSON)."""
    lines = []
    for comparator in Comparator:
        values, reasons, recorded = [], [], False
        for start in starts:
            record = found.get((comparator.value, period_type, start))
            if record is None and stretch:
                year = FinancialYear.containing(start).start
                record = found.get((comparator.value, PeriodType.YEAR, year))
            value, missing = record if record is not None else (None, "")
            recorded = recorded or record is not None
            values.append(None if missing or value is None else str(value))
            reasons.append(Missing(missing).label if missing else "")
        if recorded:
            lines.append(
                {"key": comparator.value, "label": comparator.label, "values": values,
                 "missing": reasons}
            )  # fmt: skip
    return lines


def year_value(found: Found, comparator: str, year: FinancialYear) -> tuple[object, str]:
    """The comparator's figure for the whole year (value, reason): the table's "Year"."""
    value, missing = found.get((comparator, PeriodType.YEAR, year.start), (None, ""))
    return (None if missing else value), (Missing(missing).label if missing else "")

"""Periods of a dataset: a month, a quarter or a financial year, named by its first day.

Accepted labels (the import format):
- month: 2014-04, 2014-04-01, Apr 2014, April 2014
- quarter: 2014-15 Q1, Q1 2014-15, 2014/15 Q1 (financial-year quarters: Q1 is April-June)
- year: 2014-15, 2014/15
"""

import re
from datetime import date

from core.periods import FinancialYear, Quarter

MONTH = "month"
QUARTER = "quarter"
YEAR = "year"

_MONTHS = {
    name: n
    for n, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_MONTH_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-01)?$")
_MONTH_NAME = re.compile(r"^([a-z]{3})[a-z]*\.?\s+(\d{4})$")
_QUARTER = re.compile(r"^(?:q([1-4])\s+(.+)|(.+?)\s*[- ]\s*q([1-4]))$")


def parse(label: str, period_type: str) -> date:
    """The first day of the period named by `label`; ValueError saying what was expected."""
    text = str(label or "").strip().lower()
    if period_type == MONTH:
        return _parse_month(text, label)
    if period_type == QUARTER:
        match = _QUARTER.match(text)
        if not match:
            raise ValueError(f"{label!r} is not a quarter such as 2014-15 Q1")
        number = int(match.group(1) or match.group(4))
        year = FinancialYear.parse(match.group(2) or match.group(3))
        return Quarter(year, number).start
    if period_type == YEAR:
        if not re.match(r"^\d{4}\s*[-/]\s*\d{2,4}$", text):
            raise ValueError(f"{label!r} is not a financial year such as 2014-15")
        return FinancialYear.parse(text).start
    raise ValueError(f"unknown period type {period_type!r}")


def _parse_month(text: str, label: str) -> date:
    iso = _MONTH_ISO.match(text)
    named = _MONTH_NAME.match(text)
    if iso and 1 <= int(iso.group(2)) <= 12:
        return date(int(iso.group(1)), int(iso.group(2)), 1)
    if named and named.group(1) in _MONTHS:
        return date(int(named.group(2)), _MONTHS[named.group(1)], 1)
    raise ValueError(f"{label!r} is not a month such as 2014-04")


def label(start: date, period_type: str) -> str:
    """As written in the import format and shown in tables."""
    if period_type == MONTH:
        return start.strftime("%b %Y")
    if period_type == QUARTER:
        quarter = Quarter.containing(start)
        return f"Q{quarter.number} {quarter.year.label}"
    return FinancialYear.containing(start).label


def import_label(start: date, period_type: str) -> str:
    """As written in exports, so that an export can be imported again."""
    if period_type == MONTH:
        return start.strftime("%Y-%m")
    if period_type == QUARTER:
        quarter = Quarter.containing(start)
        return f"{quarter.year.slug} Q{quarter.number}"
    return FinancialYear.containing(start).slug


def shift(start: date, period_type: str, steps: int) -> date:
    """The period `steps` periods after (or before, if negative) the one starting `start`."""
    months = {MONTH: 1, QUARTER: 3, YEAR: 12}[period_type] * steps
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def periods_in_year(year: FinancialYear, period_type: str) -> list[date]:
    count = {MONTH: 12, QUARTER: 4, YEAR: 1}[period_type]
    step = 12 // count
    return [shift(year.start, MONTH, n * step) for n in range(count)]


def same_period_last_year(start: date) -> date:
    return date(start.year - 1, start.month, 1)

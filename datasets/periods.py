"""Periods of a dataset: a month, a quarter or a financial year, named by its first day.

Accepted labels (the import format):
- month: 2014-04, 2014-04-01, Apr 2014, April 2014, Apr-14 (as Excel writes a month)
- quarter: 2014-15 Q1, Q1 2014-15, 2014/15 Q1 (financial-year quarters: Q1 is April-June)
- year: 2014-15, 2014/15

A quarter or a year may also be named by its first month in any of the month's forms
(Apr-14 or a date cell holding 1 April 2014 is 2014-15 Q1, or the year 2014-15): a month
that starts neither (Jun-14) is refused rather than taken as the period it ends, since
both habits exist. A two-digit year is read as Excel reads it: 00-29 are 2000-2029,
30-99 are 1930-1999.
"""

import re
from datetime import date

from core.periods import FinancialYear, Quarter

MONTH = "month"
QUARTER = "quarter"
YEAR = "year"

_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTHS = {name[:3]: n for n, name in enumerate(_MONTH_NAMES, 1)}
_MONTH_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
_MONTH_NAME = re.compile(r"^([a-z]{3,9})\.?(?:\s+|\s*[-/]\s*)(\d{4}|\d{2})$")
_QUARTER = re.compile(r"^(?:q([1-4])\s+(.+)|(.+?)\s*[- ]\s*q([1-4]))$")
_QUARTER_MONTHS = (4, 7, 10, 1)
EXCEL_CENTURY_PIVOT = 30  # Excel reads a typed two-digit year below 30 as 20xx


class NotAPeriodStart(ValueError):
    """The label names a day or a month, but not the first of a period of this type."""


def parse(label: str, period_type: str) -> date:
    """The first day of the period named by `label`; ValueError saying what was expected."""
    text = str(label or "").strip().lower()
    if period_type == MONTH:
        month = _month(text, label)
        if month is None:
            raise ValueError(f"{label!r} is not a month such as 2014-04")
        return month
    if period_type == QUARTER:
        match = _QUARTER.match(text)
        if match:
            number = int(match.group(1) or match.group(4))
            year = FinancialYear.parse(match.group(2) or match.group(3))
            return Quarter(year, number).start
        return _first_month_of(text, label, QUARTER)
    if period_type == YEAR:
        if re.match(r"^\d{4}\s*[-/]\s*\d{2,4}$", text):
            return FinancialYear.parse(text).start
        return _first_month_of(text, label, YEAR)
    raise ValueError(f"unknown period type {period_type!r}")


def _first_month_of(text: str, label: str, period_type: str) -> date:
    """A quarter or year named by its first month (Apr-14, April 2014, or the date 1 April
    2014 that Excel stores for them); not the import's own month form 2014-04, which names
    a month and in a quarterly column is a month's figure in the wrong place."""
    expected = "a quarter such as 2014-15 Q1" if period_type == QUARTER else "a financial year"
    month = None if _MONTH_ISO.match(text) and text.count("-") == 1 else _month(text, label)
    if month is None:
        suffix = "" if period_type == QUARTER else " such as 2014-15"
        raise ValueError(f"{label!r} is not {expected}{suffix}")
    if period_type == QUARTER and month.month not in _QUARTER_MONTHS:
        quarter = Quarter.containing(month)
        raise NotAPeriodStart(
            f"{month:%B %Y} is not the first month of a quarter (April, July, October or "
            f"January): for the quarter it is in, write {quarter.year.slug} Q{quarter.number}"
        )
    if period_type == YEAR and month.month != 4:
        raise NotAPeriodStart(
            f"{month:%B %Y} is not the first month of a financial year (April): for the "
            f"year it is in, write {FinancialYear.containing(month).slug}"
        )
    return month


def _month(text: str, label: str) -> date | None:
    """The month named by the text, or None when it names none."""
    iso = _MONTH_ISO.match(text)
    if iso and 1 <= int(iso.group(2)) <= 12:
        month = date(int(iso.group(1)), int(iso.group(2)), 1)
        if iso.group(3) is not None and int(iso.group(3)) != 1:
            raise NotAPeriodStart(
                f"{label!r} is a day, not a period: a date names a period only when it is "
                f"the period's first day, such as 1 {month:%B %Y}"
            )
        return month
    named = _MONTH_NAME.match(text)
    if named and _is_month_name(named.group(1)):
        return date(_full_year(named.group(2)), _MONTHS[named.group(1)[:3]], 1)
    return None


def _is_month_name(word: str) -> bool:
    """apr, april or sept; not any word that starts like a month."""
    return word[:3] in _MONTHS and (len(word) == 3 or word in _MONTH_NAMES or word == "sept")


def _full_year(digits: str) -> int:
    if len(digits) == 4:
        return int(digits)
    two = int(digits)
    return (2000 if two < EXCEL_CENTURY_PIVOT else 1900) + two


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

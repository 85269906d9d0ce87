"""When a quarter's return falls due: N working days (per board) after the quarter ends,
weekends and England and Wales bank holidays not counted."""

from datetime import date, datetime

from django.utils import timezone

from board.working_days import add_working_days
from core.periods import FinancialYear, Quarter


def due_date(quarter: Quarter, working_days: int) -> date:
    return add_working_days(quarter.end, working_days)


def is_on_time(submitted_at: datetime, due: date) -> bool:
    """Submitted by the end of the due day (in the service's time zone)."""
    return timezone.localdate(submitted_at) <= due


def quarter_from_slug(slug: str) -> Quarter:
    """ "2014-15-q1" -> Q1 2014/15; ValueError for anything else."""
    year, _, number = slug.rpartition("-q")
    return FinancialYear.parse(year).quarter(int(number))


def quarter_slug(quarter: Quarter) -> str:
    return f"{quarter.year.slug}-q{quarter.number}"

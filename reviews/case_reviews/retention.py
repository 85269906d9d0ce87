"""How long the board keeps its CDOP and case review records: the date arithmetic.

A record passes retention on the anniversary of the date its retention starts: a CDOP
case closed on 30 June 2015 and kept 10 years passes retention on 30 June 2025. A date of
29 February moves to 28 February in a year that is not a leap year. Nothing here deletes
anything: the board reviews what has passed retention and disposes of it under its policy."""

from datetime import date, timedelta


def add_years(day: date, years: int) -> date:
    """The same day `years` later (or earlier, when negative); 29 February becomes 28."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a year that is not a leap year
        return day.replace(year=day.year + years, day=28)


def retention_ends_on(started_on: date, years: int) -> date:
    return add_years(started_on, years)


def latest_start_past_retention(today: date, years: int) -> date:
    """The latest start date whose retention has ended by `today`, so that the database
    can select with `started_on <= this` and agree with `retention_ends_on` exactly (a
    start of 29 February 2016 kept 10 years ends on 28 February 2026)."""
    latest = add_years(today, -years)
    following = latest + timedelta(days=1)
    if retention_ends_on(following, years) <= today:
        latest = following
    return latest

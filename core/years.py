"""The financial year a page is asked for with ?year=2014-15, read one way on every page.

One rule for a year that cannot be read (a mistyped or cut-off link, "2014-1x"): the page
still opens, on its default year, under a GOV.UK "Important" banner saying what was not
understood and which year is shown. A 404 would tell the person the page does not exist,
which is not true, and silently showing another year would let them read the wrong year's
figures as the one they asked for. A download, which has no page to carry the banner,
refuses with the same sentence instead (see `year_error`)."""

from collections.abc import Iterable
from datetime import date

from django.contrib import messages
from django.http import HttpRequest
from django.utils import timezone

from .periods import FinancialYear

PARAM = "year"
# Enough of what was typed to recognise it, never a page-long echo of the address.
_SHOWN_CHARS = 20


def this_year() -> FinancialYear:
    """The usual default: the financial year of today's date."""
    return FinancialYear.containing(timezone.localdate())


def latest_year(years: Iterable[FinancialYear | date | int]) -> FinancialYear:
    """The default of a page whose records are kept by year: the latest year that has
    records, so that the page never opens empty while another year holds the board's work.
    Years after this one (a meeting already planned for next April) are not chosen over
    this year's; with no records at all, this year. `years` may be financial years, dates
    or start years (2014 for 2014/15)."""
    current = this_year()
    found = [_as_year(y) for y in years]
    past = [y for y in found if y <= current]
    return max(past, default=current)


def _as_year(value: FinancialYear | date | int) -> FinancialYear:
    if isinstance(value, FinancialYear):
        return value
    if isinstance(value, date):
        return FinancialYear.containing(value)
    return FinancialYear(value)


def _asked(request: HttpRequest) -> tuple[str, FinancialYear | None]:
    """What ?year= says, and the year it names (None when it names none)."""
    text = request.GET.get(PARAM, "").strip()
    try:
        return text, FinancialYear.parse(text)
    except ValueError:
        return text, None


def year_error(request: HttpRequest) -> str:
    """What is wrong with a ?year= that is not a financial year; "" when it is one or none
    is given."""
    text, year = _asked(request)
    if not text or year:
        return ""
    return not_a_year(text)


def not_a_year(text: str) -> str:
    """The sentence for a year that cannot be read, also for a download whose year is in
    its address rather than in ?year=."""
    return f"“{text[:_SHOWN_CHARS]}” is not a financial year such as 2014-15"


def year_from_query(
    request: HttpRequest, default: FinancialYear | None, *, instead: str = "the latest year"
) -> FinancialYear | None:
    """The year asked for; `default` when none is asked for, or (with the warning banner)
    when what was asked for is not a year. A page whose default is not one year passes
    None, and `instead` says what it shows then: "the latest year" (with figures, which
    the page finds itself), or "every year" for a list whose year is only a filter."""
    year = _asked(request)[1]
    if error := year_error(request):
        shown = default.label if default else instead
        messages.warning(request, f"{error}; showing {shown}.")
    return year or default

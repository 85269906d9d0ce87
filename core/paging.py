"""Paging for list pages: one `paginate`, shown with the one GOV.UK pagination template
(templates/includes/pagination.html), whose links change only the page's own parameter
(?page=, unless the page has two lists) and keep every other query parameter, so page 2
of a filtered list is still filtered, and paging one list of two leaves the other's page."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PAGE_SIZE = 25


def paginate(
    request: HttpRequest, items, per_page: int = PAGE_SIZE, *, param: str = "page"
) -> Page:
    """The page asked for with ?page= (or `param`); a page number that is not a number, or
    past the end, shows the nearest page (the first, or the last) rather than an error page."""
    page = Paginator(items, per_page).get_page(request.GET.get(param))
    page.param = param  # read by the template's links (core/templatetags/paging.py)
    return page

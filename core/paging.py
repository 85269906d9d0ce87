"""Paging for list pages: one `paginate`, shown with the one GOV.UK pagination template
(templates/includes/pagination.html), whose links change only ?page= and keep every
other query parameter, so page 2 of a filtered list is still filtered."""

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PAGE_SIZE = 25


def paginate(request: HttpRequest, items, per_page: int = PAGE_SIZE) -> Page:
    """The page asked for with ?page=; a page number that is not a number, or past the
    end, shows the nearest page (the first, or the last) rather than an error page."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))

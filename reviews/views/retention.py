"""Retention of CDOP and case review records: the board manager's settings and the report
of records past retention. The report shows case numbers, review references and dates
only; nothing is deleted here or anywhere else automatically."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from board.access import board_view
from board.form_pages import FORM_PAGE
from board.models import Role

from ..forms.retention import RetentionSettingsForm
from ..selectors import retention as selectors
from ..services.retention import retention_settings_update

ROWS_PER_PAGE = 50


def _url(request: HttpRequest, name: str) -> str:
    return reverse(f"reviews:{name}", kwargs={"board_slug": request.board.slug})


def _page(request: HttpRequest, queryset, param: str):
    """A page of one of the report's two lists; its links keep the other list's page."""
    page = Paginator(queryset, ROWS_PER_PAGE).get_page(request.GET.get(param))

    def href(number: int) -> str:
        query = request.GET.copy()
        query[param] = str(number)
        return f"?{query.urlencode()}"

    page.hrefs = [(number, href(number)) for number in page.paginator.page_range]
    page.previous_href = href(page.number - 1) if page.has_previous() else ""
    page.next_href = href(page.number + 1) if page.has_next() else ""
    return page


@board_view(Role.BOARD_MANAGER)
def report(request: HttpRequest) -> HttpResponse:
    board = request.board
    today = timezone.localdate()
    settings = selectors.retention_settings(board=board)
    cdop = _page(
        request,
        selectors.cdop_cases_past_retention(board=board, years=settings.cdop_years, today=today),
        "cdop_page",
    )
    reviews = _page(
        request,
        selectors.case_reviews_past_retention(
            board=board, years=settings.case_review_years, today=today
        ),
        "review_page",
    )
    context = {
        "settings": settings,
        "settings_are_defaults": settings._state.adding,  # not yet saved by the manager
        "today": today,
        "cdop": cdop,
        "cdop_rows": selectors.cdop_rows(list(cdop.object_list), settings.cdop_years),
        "reviews": reviews,
        "review_rows": selectors.case_review_rows(
            list(reviews.object_list), settings.case_review_years
        ),
    }
    return render(request, "reviews/retention/report.html", context)


@board_view(Role.BOARD_MANAGER)
def retention_settings(request: HttpRequest) -> HttpResponse:
    board = request.board
    current = selectors.retention_settings(board=board)
    initial = {name: getattr(current, name) for name in RetentionSettingsForm.base_fields}
    form = RetentionSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            retention_settings_update(board=board, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Retention periods saved")
            return redirect(_url(request, "retention-report"))
    context = {
        "form": form,
        "page_title": "Retention periods",
        "lead": "How long the board keeps its child death and case review records. When a "
        "record passes its period it is listed on the records past retention page for the "
        "board to review; nothing is deleted automatically.",
        "back_url": _url(request, "retention-report"),
    }
    return render(request, FORM_PAGE, context)

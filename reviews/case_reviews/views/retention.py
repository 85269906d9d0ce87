"""Retention of CDOP and case review records: the board manager's settings and the report
of records past retention. The report shows case numbers, review references and dates
only; nothing is deleted here or anywhere else automatically."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from board.access import board_view
from board.models import Role
from core.forms import FORM_PAGE
from core.links import board_url
from core.paging import paginate

from ..forms.retention import RetentionSettingsForm
from ..selectors import retention as selectors
from ..services.retention import retention_settings_update

ROWS_PER_PAGE = 50


@board_view(Role.BOARD_MANAGER)
def report(request: HttpRequest) -> HttpResponse:
    board = request.board
    today = timezone.localdate()
    settings = selectors.retention_settings(board=board)
    cdop = paginate(
        request,
        selectors.cdop_cases_past_retention(board=board, years=settings.cdop_years, today=today),
        ROWS_PER_PAGE,
        param="cdop_page",
    )
    reviews = paginate(
        request,
        selectors.case_reviews_past_retention(
            board=board, years=settings.case_review_years, today=today
        ),
        ROWS_PER_PAGE,
        param="review_page",
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
    return render(request, "case_reviews/retention.html", context)


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
            return redirect(board_url(request, "case_reviews:retention-report"))
    context = {
        "form": form,
        "page_title": "Retention periods",
        "lead": "How long the board keeps its child death and case review records. When a "
        "record passes its period it is listed on the records past retention page for the "
        "board to review; nothing is deleted automatically.",
        "back_url": board_url(request, "case_reviews:retention-report"),
    }
    return render(request, FORM_PAGE, context)

"""The panel's annual statistics (every board role), the CSV export of a year's cases
(CDOP members) and the panel's settings (CDOP members and the board manager)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from board.access import board_view
from board.audit import log_access
from board.models import ALL_ROLES, Role
from core.exports import download
from core.forms import form_page
from core.periods import FinancialYear
from core.years import latest_year, not_a_year, year_from_query

from ..export import cases_csv
from ..forms import SettingsForm
from ..models import CdopCase, RiskFactor
from ..selectors import available_years, cdop_cases_for_export
from ..services.cases import cdop_settings, cdop_settings_update
from ..statistics import cdop_annual_statistics

SETTINGS_ROLES = (Role.CDOP_MEMBER, Role.BOARD_MANAGER)


@board_view(*ALL_ROLES)
def statistics(request: HttpRequest) -> HttpResponse:
    """CDOP members see the panel's own figures, unless they ask for the published view;
    everyone else sees the published figures, small numbers suppressed."""
    board = request.board
    notified = CdopCase.objects.filter(board=board).dates("notified_on", "month")
    year = year_from_query(request, latest_year(notified))
    is_panel = Role.CDOP_MEMBER in request.board_access.roles
    suppress = not is_panel or request.GET.get("view") == "published"
    stats = cdop_annual_statistics(board=board, year=year, suppress=suppress)
    context = {
        "stats": stats,
        "headline": [stats.notified, stats.reviewed, stats.rapid_responses],
        "years": available_years(board=board),
        "year": year,
        "is_panel": is_panel,
        "can_edit_settings": request.board_access.has_any(SETTINGS_ROLES),
    }
    return render(request, "child_deaths/statistics.html", context)


@board_view(Role.CDOP_MEMBER)
def export(request: HttpRequest, year: str) -> HttpResponse:
    # The year is in the address; a download has no page for the banner, so a year that is
    # not one is refused with core.years' sentence, as the other downloads do.
    try:
        financial_year = FinancialYear.parse(year)
    except ValueError:
        return HttpResponse(not_a_year(year), status=400)
    cases = list(cdop_cases_for_export(board=request.board, year=financial_year))
    for case in cases:
        log_access(case)  # an export is a read of each case in it
    filename = f"cdop-cases-{request.board.slug}-{financial_year.slug}.csv"
    return download(cases_csv(cases), filename)


@board_view(*SETTINGS_ROLES)
def panel_settings(request: HttpRequest) -> HttpResponse:
    board = request.board
    settings = cdop_settings(board=board)
    names = RiskFactor.objects.filter(board=board, is_active=True).values_list("name", flat=True)
    initial = {
        "review_target_months": settings.review_target_months,
        "suppress_below": settings.suppress_below,
        "form_due_days": settings.form_due_days,
        "chase_every_days": settings.chase_every_days,
        "risk_factors": "\n".join(names),
    }
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k != "risk_factors"}
        try:
            cdop_settings_update(board=board, risk_factor_names=form.risk_factor_names(), **values)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Panel settings saved")
            return redirect(
                reverse("child_deaths:cdop-settings", kwargs={"board_slug": board.slug})
            )
    back = reverse("child_deaths:cdop-statistics", kwargs={"board_slug": board.slug})
    return form_page(request, form, "Child death overview panel settings", back)

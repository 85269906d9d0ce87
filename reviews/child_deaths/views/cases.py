"""The panel's case pages: CDOP members only, every view of a case logged."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from board.access import board_view
from board.audit import log_access
from core.confirm import confirm_page
from core.forms import form_page
from core.links import board_url
from core.paging import paginate
from core.years import latest_year

from .. import forms, selectors
from ..filters import CaseFilter
from ..models import AgencyForm, CdopCase
from ..services import cases as services

CDOP = tuple(selectors.CDOP_ROLES)
CASES_PER_PAGE = 50


def _case(request: HttpRequest, case_id) -> CdopCase:
    return get_object_or_404(CdopCase, board=request.board, pk=case_id)


def _case_url(request: HttpRequest, case: CdopCase) -> str:
    return board_url(request, "child_deaths:cdop-case-detail", case_id=case.pk)


def filtered_cases(request: HttpRequest, cases=None) -> CaseFilter:
    """The case list's filters as asked in the query; the register's export reads them too."""
    board = request.board
    cases = selectors.cdop_cases(board=board) if cases is None else cases
    return CaseFilter(request.GET, queryset=cases, board=board)


@board_view(*CDOP)
def case_list(request: HttpRequest) -> HttpResponse:
    """The panel's cases, filtered by stage, year notified and category; ?forms=outstanding
    (the home page's link) lists only the cases still waiting for an agency's form."""
    board = request.board
    settings = services.cdop_settings(board=board)
    # The performance panel shows the latest year with reviews, not an empty current one.
    review_days = CdopCase.objects.current().filter(board=board, panel_review_on__isnull=False)
    year = latest_year(review_days.dates("panel_review_on", "month"))
    reviewed = list(selectors.cdop_cases_reviewed_in(board=board, year=year))
    filters = filtered_cases(request)
    page = paginate(request, filters.qs, CASES_PER_PAGE)
    context = {
        "page": page,
        "filters": filters,
        "year": year,
        "settings": settings,
        "timeliness": selectors.review_timeliness(reviewed, settings.review_target_months),
        "outstanding": selectors.outstanding_agency_forms(board=board)[:20],
        "today": timezone.localdate(),
    }
    return render(request, "child_deaths/case_list.html", context)


@board_view(*CDOP)
def case_create(request: HttpRequest) -> HttpResponse:
    form = forms.NotificationForm(request.POST or None, board=request.board)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.cdop_case_notify(board=request.board, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Notification recorded as case {case.number}")
            return redirect(_case_url(request, case))
    return form_page(
        request, form, "Notify a child's death", board_url(request, "child_deaths:cdop-case-list")
    )


@board_view(*CDOP)
def case_detail(request: HttpRequest, case_id) -> HttpResponse:
    board = request.board
    case = get_object_or_404(selectors.cdop_case_with_details(board=board), pk=case_id)
    log_access(case)
    settings = services.cdop_settings(board=board)
    context = {
        "case": case,
        "settings": settings,
        "deadline": selectors.review_deadline(case.date_of_death, settings.review_target_months),
        "today": timezone.localdate(),
    }
    return render(request, "child_deaths/case_detail.html", context)


@board_view(*CDOP)
def case_edit(request: HttpRequest, case_id) -> HttpResponse:
    case = _case(request, case_id)
    fields = forms.CaseEditForm.base_fields
    initial = {name: getattr(case, name) for name in fields}
    form = forms.CaseEditForm(
        request.POST or None, initial=initial, board=request.board, chosen_locality=case.locality_id
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.cdop_case_update(case=case, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Case {case.number} saved")
            return redirect(_case_url(request, case))
    return form_page(
        request, form, f"Case {case.number}: details and meetings", _case_url(request, case)
    )


@board_view(*CDOP)
def case_analysis(request: HttpRequest, case_id) -> HttpResponse:
    case = _case(request, case_id)
    fields = [name for name in forms.AnalysisForm.base_fields if name != "risk_factors"]
    initial = {name: getattr(case, name) for name in fields}
    initial["risk_factors"] = list(case.risk_factors.all())
    form = forms.AnalysisForm(request.POST or None, initial=initial, case=case)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        risk_factors = list(data.pop("risk_factors"))
        try:
            services.cdop_case_record_analysis(case=case, risk_factors=risk_factors, **data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"The panel's analysis of case {case.number} is saved")
            return redirect(_case_url(request, case))
    return form_page(request, form, f"Case {case.number}: panel analysis", _case_url(request, case))


@board_view(*CDOP)
def agency_form_request(request: HttpRequest, case_id) -> HttpResponse:
    case = _case(request, case_id)
    form = forms.AgencyFormRequestForm(
        request.POST or None, board=request.board, initial={"requested_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            agency_form = services.agency_form_request(case=case, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Form requested from {agency_form.agency}")
            return redirect(_case_url(request, case))
    return form_page(
        request, form, f"Case {case.number}: request an agency form", _case_url(request, case)
    )


@board_view(*CDOP)
def agency_form_update(request: HttpRequest, case_id, form_id) -> HttpResponse:
    case = _case(request, case_id)
    agency_form = get_object_or_404(AgencyForm, board=request.board, case=case, pk=form_id)
    initial = {
        "contact_email": agency_form.contact_email,
        "requested_on": agency_form.requested_on,
        "received_on": agency_form.received_on or timezone.localdate(),
    }
    form = forms.AgencyFormUpdateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.agency_form_update(agency_form=agency_form, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"{agency_form.agency} form saved")
            return redirect(_case_url(request, case))
    title = f"Case {case.number}: {agency_form.agency} form"
    return form_page(request, form, title, _case_url(request, case))


@board_view(*CDOP)
def recommendation_create(request: HttpRequest, case_id) -> HttpResponse:
    case = _case(request, case_id)
    form = forms.RecommendationForm(request.POST or None, board=request.board)
    if request.method == "POST" and form.is_valid():
        try:
            services.cdop_recommendation_create(
                case=case, created_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "Recommendation added to the board's action tracker")
            return redirect(_case_url(request, case))
    return form_page(
        request, form, f"Case {case.number}: add a recommendation", _case_url(request, case)
    )


@board_view(*CDOP)
def case_close(request: HttpRequest, case_id) -> HttpResponse:
    """A confirmation page before closing: there is no page to reopen a closed case yet."""
    case = _case(request, case_id)
    form = forms.CloseForm(request.POST or None, initial={"closed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.cdop_case_close(case=case, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Case {case.number} closed")
            return redirect(_case_url(request, case))
    return form_page(
        request,
        form,
        f"Are you sure you want to close case {case.number}?",
        _case_url(request, case),
        lead="Close the case only when the panel's review is complete and nothing is outstanding.",
    )


@board_view(*CDOP)
def case_remove(request: HttpRequest, case_id) -> HttpResponse:
    """Remove a wrong case (a duplicate, a death that is not the panel's), with a reason:
    it stays in the audit trail and leaves every list and statistic."""
    case = _case(request, case_id)
    form = forms.RemoveCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cdop_case_remove(case=case, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"Case {case.number} removed")
            return redirect(board_url(request, "child_deaths:cdop-case-list"))
    return confirm_page(
        request,
        title=f"Remove case {case.number}?",
        button="Yes, remove this case",
        back_url=_case_url(request, case),
        text="Remove a case only if it is wrong: a second record of the same death, or a "
        "death that is not the panel's. It is left out of every list and statistic.",
        warning="This cannot be undone here. The audit trail keeps the case and your reason.",
        form=form,
    )

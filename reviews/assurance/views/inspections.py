"""Inspections: the list (filtered by inspectorate and year), each inspection with its
judgements and its recommendations' actions, and the pages to record them. Every board
role reads. Only the board manager writes: as for the board's other records (board.views
.base.WRITE), the independent chair scrutinises them but does not keep them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from board.access import board_view
from board.models import ALL_ROLES, Role
from core.confirm import delete_page
from core.forms import form_page, save_form
from core.links import board_url
from core.paging import paginate
from core.years import year_from_query

from ..forms import inspections as forms
from ..models import Inspection, Inspectorate
from ..selectors import inspections as selectors
from ..services import inspections as services

WRITE = (Role.BOARD_MANAGER,)
FIELDS = sorted(services.INSPECTION_FIELDS)


def inspection_url(request: HttpRequest, inspection: Inspection) -> str:
    return board_url(request, "assurance:inspection-detail", inspection_id=inspection.pk)


def inspection_for(request: HttpRequest, inspection_id) -> Inspection:
    return get_object_or_404(Inspection, board=request.board, pk=inspection_id)


@board_view(*ALL_ROLES)
def inspection_list(request: HttpRequest) -> HttpResponse:
    board = request.board
    inspectorate = request.GET.get("inspectorate", "")
    if inspectorate not in Inspectorate.values:
        inspectorate = ""
    # The year is only a filter: none, or one not understood (under a banner), lists every year.
    year = year_from_query(request, None, instead="every year")
    found = selectors.inspections(board=board, inspectorate=inspectorate, year=year)
    context = {
        "page": paginate(request, found),
        "inspectorates": Inspectorate.choices,
        "inspectorate": inspectorate,
        "years": sorted({*selectors.inspection_years(board=board), *([year] if year else [])}),
        "year": year,
        "summary": selectors.year_summary(board=board, year=year) if year else None,
        "can_write": request.board_access.has_any(WRITE),
    }
    return render(request, "assurance/inspections/inspection_list.html", context)


@board_view(*ALL_ROLES)
def inspection_detail(request: HttpRequest, inspection_id) -> HttpResponse:
    board = request.board
    inspection = get_object_or_404(selectors.inspection_with_details(board=board), pk=inspection_id)
    recommendations = list(inspection.recommendations.all())
    grouped = selectors.actions_for_recommendations(board=board, recommendations=recommendations)
    context = {
        "inspection": inspection,
        "recommendations": [(rec, grouped.get(rec.pk, [])) for rec in recommendations],
        "can_write": request.board_access.has_any(WRITE),
    }
    return render(request, "assurance/inspections/inspection_detail.html", context)


@board_view(*WRITE)
def inspection_create(request: HttpRequest) -> HttpResponse:
    form = forms.InspectionForm(request.POST or None, board=request.board)
    created = {}

    def write(data):
        created["inspection"] = services.inspection_create(board=request.board, **data)

    back = board_url(request, "assurance:inspection-list")
    done = save_form(request, form, write, "Inspection recorded", back)
    if done is not None:
        done["Location"] = inspection_url(request, created["inspection"])
        return done
    return form_page(request, form, "Record an inspection", back)


@board_view(*WRITE)
def inspection_edit(request: HttpRequest, inspection_id) -> HttpResponse:
    inspection = inspection_for(request, inspection_id)
    initial = {name: getattr(inspection, name) for name in FIELDS}
    form = forms.InspectionForm(request.POST or None, board=request.board, initial=initial)
    back = inspection_url(request, inspection)
    done = save_form(
        request,
        form,
        lambda data: services.inspection_update(inspection=inspection, **data),
        f"{inspection} saved",
        back,
    )
    return done or form_page(request, form, f"{inspection}: details", back)


def _located(formset, problem: ValidationError) -> tuple[str, str]:
    """A service's error about a row, renumbered as the page counts its rows, with the id
    of that row's area field. The service counts only the judgements it was given: the
    formset's non-empty rows."""
    filled = [form for form in formset.forms if form.cleaned_data]
    params = problem.params or {}
    row = params.get("row")
    if row is None or not 1 <= row <= len(filled):
        return " ".join(problem.messages), ""
    form = filled[row - 1]
    message = problem.message % {**params, "row": formset.forms.index(form) + 1}
    return message, form["area"].id_for_label


@board_view(*WRITE)
def inspection_judgements(request: HttpRequest, inspection_id) -> HttpResponse:
    inspection = inspection_for(request, inspection_id)
    existing = list(inspection.judgements.all())
    data = request.POST if request.method == "POST" else None
    formset = forms.judgement_formset(data, existing=existing)
    errors: list[tuple[str, str]] = []  # (message, id of the field it is about)
    if data is not None:
        if formset.is_valid():
            try:
                services.inspection_judgements_set(
                    inspection=inspection, judgements=formset.judgements()
                )
            except ValidationError as error:
                errors = [_located(formset, problem) for problem in error.error_list]
            else:
                messages.success(request, f"Judgements saved for {inspection}")
                return redirect(inspection_url(request, inspection))
        for form in formset.forms:
            form.mark_errors()
    context = {
        "inspection": inspection,
        "formset": formset,
        "errors": [(message, "") for message in formset.non_form_errors()] + errors,
        "back_url": inspection_url(request, inspection),
    }
    return render(request, "assurance/inspections/judgements.html", context)


@board_view(*WRITE)
def recommendation_add(request: HttpRequest, inspection_id) -> HttpResponse:
    inspection = inspection_for(request, inspection_id)
    form = forms.InspectionRecommendationForm(request.POST or None, board=request.board)
    back = inspection_url(request, inspection)
    done = save_form(
        request,
        form,
        lambda data: services.inspection_recommendation_create(
            inspection=inspection, created_by=request.user, **data
        ),
        "Recommendation added, with its action in the board's action tracker",
        back,
    )
    return done or form_page(request, form, f"{inspection}: add a recommendation", back)


@board_view(*WRITE)
def inspection_delete(request: HttpRequest, inspection_id) -> HttpResponse:
    """The one confirmation page; the deletion is a POST. Refused, with the reason, while
    the tracker holds actions from the inspection's recommendations."""
    inspection = inspection_for(request, inspection_id)
    back = inspection_url(request, inspection)
    if request.method == "POST":
        try:
            services.inspection_delete(inspection=inspection)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(back)
        messages.success(request, f"Inspection deleted: {inspection}")
        return redirect(board_url(request, "assurance:inspection-list"))
    text = "Its judgements and recommendations are deleted with it."
    if actions := selectors.recommendation_action_count(inspection):
        # Said before the button, so nobody confirms a deletion that will be refused.
        text = (
            f"It cannot be deleted while its recommendations have {actions} "
            f"action{'s' if actions != 1 else ''} in the board's action tracker."
        )
    return delete_page(request, inspection, noun="inspection", back_url=back, text=text)

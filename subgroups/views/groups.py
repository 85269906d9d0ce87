"""Sub-groups and their seats: everyone on the board reads them; the manager changes them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from board.access import board_view
from board.models import ALL_ROLES
from core.forms import form_page
from core.links import board_url

from .. import selectors
from ..forms.groups import EndSeatForm, SeatForm, SettingsForm, SubGroupForm
from ..models import SubGroupMembership
from ..services import groups as services
from ..services.spec import template_spec
from .common import MANAGER, subgroup_of, subgroup_url


@board_view(*ALL_ROLES)
def subgroup_list(request: HttpRequest) -> HttpResponse:
    context = {"subgroups": selectors.subgroups(request.board)}
    return render(request, "subgroups/subgroup_list.html", context)


@board_view(*ALL_ROLES)
def subgroup_detail(request: HttpRequest, subgroup_id) -> HttpResponse:
    subgroup = subgroup_of(request, subgroup_id)
    today = timezone.localdate()
    seats = list(selectors.subgroup_seats(subgroup))
    context = {
        "subgroup": subgroup,
        "current_seats": [s for s in seats if s.is_current_on(today)],
        "past_seats": [s for s in seats if not s.is_current_on(today)],
        "spec": template_spec(subgroup),
        "questions": subgroup.questions.all(),
        "indicator_rows": subgroup.indicators.select_related("indicator"),
        "returns": subgroup.returns.order_by("-period_start"),
        "is_manager": request.board_access.is_manager,
    }
    return render(request, "subgroups/subgroup_detail.html", context)


def _subgroup_fields(form) -> dict:
    data = dict(form.cleaned_data)
    data["actions"] = list(data["actions"])
    return data


@board_view(*MANAGER)
def subgroup_create(request: HttpRequest) -> HttpResponse:
    form = SubGroupForm(request.POST or None, board=request.board, initial={"kind": "general"})
    if request.method == "POST" and form.is_valid():
        try:
            subgroup = services.subgroup_create(board=request.board, **_subgroup_fields(form))
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"{subgroup.name} added, with the default questions")
            return redirect(subgroup_url(request, subgroup))
    return form_page(
        request, form, "Add a sub-group", board_url(request, "subgroups:subgroup-list")
    )


@board_view(*MANAGER)
def subgroup_edit(request: HttpRequest, subgroup_id) -> HttpResponse:
    subgroup = subgroup_of(request, subgroup_id)
    initial = {
        "name": subgroup.name,
        "purpose": subgroup.purpose,
        "parent": subgroup.parent,
        "kind": subgroup.kind,
        "actions": list(subgroup.actions.all()),
    }
    form = SubGroupForm(
        request.POST or None, board=request.board, instance=subgroup, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.subgroup_update(subgroup=subgroup, **_subgroup_fields(form))
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"{subgroup.name} saved")
            return redirect(subgroup_url(request, subgroup))
    return form_page(request, form, f"Change {subgroup.name}", subgroup_url(request, subgroup))


@board_view(*MANAGER)
def seat_add(request: HttpRequest, subgroup_id) -> HttpResponse:
    subgroup = subgroup_of(request, subgroup_id)
    form = SeatForm(request.POST or None, board=request.board)
    if request.method == "POST" and form.is_valid():
        try:
            seat = services.subgroup_member_add(subgroup=subgroup, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"{seat.person} added as {seat.get_role_display().lower()}")
            return redirect(subgroup_url(request, subgroup))
    return form_page(
        request, form, f"Add someone to {subgroup.name}", subgroup_url(request, subgroup)
    )


@board_view(*MANAGER)
def seat_end(request: HttpRequest, subgroup_id, seat_id) -> HttpResponse:
    subgroup = subgroup_of(request, subgroup_id)
    seat = get_object_or_404(SubGroupMembership, board=request.board, subgroup=subgroup, pk=seat_id)
    form = EndSeatForm(request.POST or None, initial={"end_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.subgroup_member_end(membership=seat, **form.cleaned_data)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, f"{seat.person}'s seat ended; their access ends with it")
            return redirect(subgroup_url(request, subgroup))
    return form_page(
        request,
        form,
        f"End {seat.person}'s seat on {subgroup.name}",
        subgroup_url(request, subgroup),
    )


@board_view(*MANAGER)
def returns_settings(request: HttpRequest) -> HttpResponse:
    current = services.returns_settings(request.board)
    form = SettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        services.returns_settings_update(board=request.board, **form.cleaned_data)
        messages.success(request, "Return deadlines and reminders saved")
        return redirect(board_url(request, "subgroups:subgroup-list"))
    return form_page(
        request,
        form,
        "Return deadlines and reminders",
        board_url(request, "subgroups:subgroup-list"),
    )

"""The indicator catalogue: everyone on the board reads it; the board manager edits it."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from board.access import board_view
from board.models import ALL_ROLES, Role
from core.links import board_url

from ..forms import IndicatorForm
from ..models import Indicator
from ..selectors import indicators_for
from ..services.catalogue import catalogue_install_starter, indicator_save


@board_view(*ALL_ROLES)
def indicator_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "datasets/indicator_list.html", {"indicators": indicators_for(request.board)}
    )


def _form_page(request, form, title: str) -> HttpResponse:
    back = board_url(request, "datasets:indicator-list")
    context = {"form": form, "page_title": title, "back_url": back}
    return render(request, "includes/form_page.html", context)


@board_view(Role.BOARD_MANAGER)
def indicator_create(request: HttpRequest) -> HttpResponse:
    form = IndicatorForm(request.POST or None, board=request.board)
    if request.method == "POST" and form.is_valid():
        indicator = indicator_save(form=form)
        messages.success(request, f"Indicator {indicator.name} added")
        return redirect(board_url(request, "datasets:indicator-list"))
    return _form_page(request, form, "Add an indicator")


@board_view(Role.BOARD_MANAGER)
def indicator_edit(request: HttpRequest, pk) -> HttpResponse:
    indicator = get_object_or_404(Indicator, board=request.board, pk=pk)
    form = IndicatorForm(request.POST or None, instance=indicator, board=request.board)
    if request.method == "POST" and form.is_valid():
        indicator_save(form=form)
        messages.success(request, f"Indicator {indicator.name} saved")
        return redirect(board_url(request, "datasets:indicator-list"))
    return _form_page(request, form, f"Change {indicator.name}")


@require_POST
@board_view(Role.BOARD_MANAGER)
def install_starter(request: HttpRequest) -> HttpResponse:
    added = catalogue_install_starter(board=request.board)
    messages.success(request, f"Starter set installed: {added} indicators added")
    return redirect(board_url(request, "datasets:indicator-list"))

"""Benchmarks from the Department for Education's statistics (board manager): the file is
checked and held as an import batch, previewed and applied on the import pages."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from board.access import board_view
from board.models import Role
from core.links import board_url

from ..forms import DfeImportForm
from ..models import ImportStatus, Indicator
from ..services.dfe_statistics import dfe_import_preview, last_choices
from .data import problem_report


@board_view(Role.BOARD_MANAGER)
def dfe_import(request: HttpRequest) -> HttpResponse:
    board = request.board
    form = DfeImportForm(request.POST or None, request.FILES or None, initial=last_choices(board))
    report = {}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            preview, batch = dfe_import_preview(
                board=board,
                filename=upload.name,
                content=upload.read(),
                area=form.cleaned_data["area"],
                neighbours=form.cleaned_data["neighbours"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            if batch.status != ImportStatus.REFUSED:
                return redirect(board_url(request, "datasets:import-preview", pk=batch.pk))
            report = problem_report(request, batch, preview.errors)
            message = "The file's figures do not fit the indicators; nothing was imported"
            form.add_error("file", message)
    mapped = Indicator.objects.filter(board=board).exclude(dfe_measure="").order_by("name")
    context = {"form": form, "mapped": mapped, **report}
    return render(request, "datasets/dfe_import.html", context, status=400 if form.errors else 200)

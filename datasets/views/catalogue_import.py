"""The indicator catalogue from a file: upload, preview, apply (the board manager)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from board.access import board_view
from board.models import Role
from core.links import board_url

from ..catalogue_forms import CatalogueFileForm
from ..models import CatalogueImport, CatalogueImportStatus
from ..services.catalogue_import import COLUMNS, catalogue_apply, catalogue_preview, check_rows

PROBLEMS_SHOWN = 100


@board_view(Role.BOARD_MANAGER)
def catalogue_import(request: HttpRequest) -> HttpResponse:
    form = CatalogueFileForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        preview, batch = catalogue_preview(
            board=request.board, filename=upload.name, content=upload.read(), user=request.user
        )
        if batch is not None:
            return redirect(board_url(request, "datasets:catalogue-import-preview", pk=batch.pk))
        problems = preview.errors
        count = len(problems)
        form.add_error(
            "file",
            f"The file has {count:,} problem{'' if count == 1 else 's'}; nothing was imported",
        )
    context = {"form": form, "columns": COLUMNS, "problems": problems[:PROBLEMS_SHOWN]}
    return render(
        request, "datasets/catalogue_import.html", context, status=400 if problems else 200
    )


@board_view(Role.BOARD_MANAGER)
def catalogue_import_preview(request: HttpRequest, pk) -> HttpResponse:
    batch = get_object_or_404(CatalogueImport, board=request.board, pk=pk)
    applied = batch.status == CatalogueImportStatus.APPLIED
    preview = None if applied else check_rows(request.board, batch.rows)
    context = {"batch": batch, "preview": preview, "applied": applied}
    return render(request, "datasets/catalogue_import_preview.html", context)


@require_POST
@board_view(Role.BOARD_MANAGER)
def catalogue_import_apply(request: HttpRequest, pk) -> HttpResponse:
    batch = get_object_or_404(CatalogueImport, board=request.board, pk=pk)
    try:
        counts = catalogue_apply(batch=batch)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages[:5]))
        return redirect(board_url(request, "datasets:catalogue-import-preview", pk=batch.pk))
    messages.success(
        request,
        f"Imported {batch.filename}: {counts['new']} new, {counts['changed']} changed, "
        f"{counts['unchanged']} unchanged indicators",
    )
    return redirect(board_url(request, "datasets:indicator-list"))

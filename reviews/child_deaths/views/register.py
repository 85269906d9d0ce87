"""Importing a historic register of child deaths: upload, preview, apply (CDOP roles)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from board.access import board_view
from board.audit import log_access
from core.links import board_url
from core.paging import paginate

from .. import forms, selectors
from ..models import RegisterImport, RegisterImportStatus
from ..services import register_import as service

CDOP = tuple(selectors.CDOP_ROLES)
PREVIEW_PAGE = 50


@board_view(*CDOP)
def register_upload(request: HttpRequest) -> HttpResponse:
    form = forms.RegisterUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        held = service.register_preview(
            board=request.board, filename=upload.name, content=upload.read(), user=request.user
        )
        return redirect(board_url(request, "child_deaths:cdop-register-preview", pk=held.pk))
    context = {
        "form": form,
        "required": service.REQUIRED,
        "optional": service.OPTIONAL,
        "recent": RegisterImport.objects.filter(board=request.board)[:10],
    }
    return render(request, "child_deaths/register_upload.html", context)


@board_view(*CDOP)
def register_preview(request: HttpRequest, pk) -> HttpResponse:
    """The held file: its problems, or the cases it would record; a POST applies it."""
    held = get_object_or_404(RegisterImport, board=request.board, pk=pk)
    log_access(held)
    if request.method == "POST":
        try:
            made = service.register_apply(held=held, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"{made} cases imported from {held.filename}")
            return redirect(board_url(request, "child_deaths:cdop-case-list"))
        held.refresh_from_db()
    context = {"held": held, "problems": held.problems[: service.PROBLEMS_SHOWN]}
    if held.status == RegisterImportStatus.PREVIEWED:
        try:
            cases = service.preview_cases(held)
        except ValidationError as error:  # the board changed since the upload
            context["stale"] = error.messages[: service.PROBLEMS_SHOWN]
            cases = []
        context["count"] = len(cases)
        context["page"] = paginate(request, cases, PREVIEW_PAGE)
    status = 400 if held.status == RegisterImportStatus.REFUSED else 200
    return render(request, "child_deaths/register_preview.html", context, status=status)

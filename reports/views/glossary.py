"""The board's glossary: every role reads it (and downloads it); the board manager adds,
changes and removes terms, and imports them from a spreadsheet (checked, previewed, then
written all or nothing). The report's glossary sections print it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from board.access import board_view
from board.models import Role
from board.views.base import READ, RecordDeleteView, RecordFormView
from core.exports import Table, table_download
from core.links import board_url
from core.paging import paginate

from .. import selectors as select
from ..filters import GlossaryFilter
from ..glossary_forms import AcronymForm, GlossaryFileForm
from ..glossary_services import (
    COLUMNS,
    acronym_remove,
    acronym_save,
    check_rows,
    glossary_import,
    glossary_preview,
)
from ..models import Acronym

PROBLEMS_SHOWN = 100


def _filtered(request: HttpRequest) -> GlossaryFilter:
    return GlossaryFilter(request.GET, queryset=select.glossary(request.board))


@board_view(*READ)
def glossary(request: HttpRequest) -> HttpResponse:
    filters = _filtered(request)
    context = {"page": paginate(request, filters.qs), "filters": filters}
    return render(request, "reports/glossary.html", context)


@board_view(*READ)
def glossary_export(request: HttpRequest) -> HttpResponse:
    filters = _filtered(request)
    if not filters.is_valid():
        message = " ".join(e for errors in filters.errors.values() for e in errors)
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    rows = ([a.term, a.meaning] for a in filters.qs)
    table = Table(["Term", "Meaning"], rows, title="glossary", widths={"A": 16, "B": 80})
    return table_download(request, f"glossary-{request.board.slug}", table)


class AcronymFormView(RecordFormView):
    model, form_class, noun = Acronym, AcronymForm, "term"
    list_url_name = "reports:glossary"

    def get_queryset(self):
        return select.glossary(self.request.board)

    def save(self, form) -> Acronym:
        return acronym_save(acronym=form.save(commit=False))


class AcronymDeleteView(RecordDeleteView):
    model, noun = Acronym, "term"
    list_url_name = "reports:glossary"

    def delete(self, obj) -> None:
        acronym_remove(acronym=obj)

    def consequence(self, obj) -> str:
        return f"“{obj.term}” ({obj.meaning}) will no longer print in the report's glossary."


def _held_key(request: HttpRequest) -> str:
    return f"glossary-import:{request.board.pk}"


@require_http_methods(["GET", "POST"])
@board_view(Role.BOARD_MANAGER)
def glossary_upload(request: HttpRequest) -> HttpResponse:
    """Upload a file; its rows are kept in the person's session until they apply them."""
    posted = request.method == "POST"  # a POST without a file is still a bound form
    form = GlossaryFileForm(request.POST if posted else None, request.FILES if posted else None)
    problems = []
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        preview = glossary_preview(board=request.board, filename=upload.name, content=upload.read())
        if not preview.problems:
            request.session[_held_key(request)] = {
                "filename": upload.name[:255], "rows": preview.held()
            }  # fmt: skip
            return redirect(board_url(request, "reports:glossary-import-check"))
        problems = preview.problems
        count = len(problems)
        many = "" if count == 1 else "s"
        form.add_error("file", f"The file has {count:,} problem{many}; nothing was imported")
    context = {"form": form, "columns": COLUMNS, "problems": problems[:PROBLEMS_SHOWN],
               "more": max(0, len(problems) - PROBLEMS_SHOWN)}  # fmt: skip
    return render(request, "reports/glossary_import.html", context, status=400 if problems else 200)


@require_http_methods(["GET", "POST"])
@board_view(Role.BOARD_MANAGER)
def glossary_import_check(request: HttpRequest) -> HttpResponse:
    """What the held file would add and change (checked again against the glossary as it
    is now); the POST writes it all, or nothing."""
    held = request.session.get(_held_key(request))
    if not held:
        messages.error(request, "Upload the glossary file first.")
        return redirect(board_url(request, "reports:glossary-import"))
    if request.method == "POST":
        try:
            counts = glossary_import(board=request.board, held=held["rows"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages[:5]))
            return redirect(board_url(request, "reports:glossary-import"))
        request.session.pop(_held_key(request), None)
        messages.success(
            request,
            f"Imported {held['filename']}: {counts['new']} new, {counts['changed']} changed, "
            f"{counts['unchanged']} unchanged terms",
        )
        return redirect(board_url(request, "reports:glossary"))
    table = [list(COLUMNS)] + [[term, meaning] for _number, term, meaning in held["rows"]]
    preview = check_rows(request.board, table)
    numbers = [number for number, *_cells in held["rows"]]
    rows = [(number, row) for number, row in zip(numbers, preview.rows, strict=False)]
    context = {"filename": held["filename"], "preview": preview, "rows": rows}
    return render(request, "reports/glossary_import_check.html", context)

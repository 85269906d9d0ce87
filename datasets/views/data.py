"""Import (board manager), export (any board role) and the data-quality page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from board.access import board_view
from board.models import ALL_ROLES, Role
from core.exports import download
from core.links import board_url
from core.paging import paginate
from core.years import latest_year, year_error, year_from_query

from ..forms import ImportForm
from ..models import ImportBatch, ImportStatus, Indicator
from ..selectors import import_batches
from ..services.exports import export_import_problems, export_observations
from ..services.import_jobs import applies_in_background, apply_progress, import_apply_later
from ..services.import_rows import COLUMNS, RowError
from ..services.imports import (
    PROBLEMS_SHOWN,
    batch_problems,
    import_apply,
    import_preview,
    preview_table,
)
from ..services.quality import quality_report
from ..services.snapshots import years_with_figures
from .dashboard import QUALITY_ROLES

PREVIEW_PAGE = 50
QUALITY_SECTIONS = [
    ("missing", "Missing periods", "Periods that have ended with no total recorded."),
    (
        "not_adding_up",
        "Breakdowns that do not add up",
        "Indicators whose breakdowns must add up to the total, where they do not.",
    ),
    (
        "outliers",
        "Unusual values",
        "Values more than three standard deviations from the indicator's earlier values.",
    ),
    (
        "changed_after_approval",
        "Changed after approval",
        "Values that were final and have since been changed.",
    ),
]


def problem_report(request: HttpRequest, batch: ImportBatch, problems: list[RowError]) -> dict:
    """The first problems of a file for the page, with how many more there are and where
    to download them all: a page listing 200,000 problems is too big to open."""
    return {
        "problems": problems[:PROBLEMS_SHOWN],
        "problem_count": len(problems),
        "problems_not_shown": max(0, len(problems) - PROBLEMS_SHOWN),
        "problems_url": board_url(request, "datasets:import-problems-download", pk=batch.pk),
    }


@board_view(Role.BOARD_MANAGER)
def import_upload(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    report = {}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        preview, batch = import_preview(
            board=request.board, filename=upload.name, content=upload.read(), user=request.user
        )
        if batch.status != ImportStatus.REFUSED:
            return redirect(board_url(request, "datasets:import-preview", pk=batch.pk))
        report = problem_report(request, batch, preview.errors)
        count = report["problem_count"]
        form.add_error(
            "file",
            f"The file has {count:,} problem{'' if count == 1 else 's'}; nothing was imported",
        )
    context = {
        "form": form,
        "columns": COLUMNS,
        "batches": import_batches(request.board)[:10],
        **report,
    }
    return render(request, "datasets/import_upload.html", context, status=400 if report else 200)


@board_view(Role.BOARD_MANAGER)
def import_preview_page(request: HttpRequest, pk) -> HttpResponse:
    batch = get_object_or_404(ImportBatch, board=request.board, pk=pk)
    if batch.status == ImportStatus.REFUSED:
        context = {"batch": batch, **problem_report(request, batch, batch_problems(batch))}
        return render(request, "datasets/import_refused.html", context)
    progress = apply_progress(batch)
    if progress is not None:
        # Applying, or failed or refused by its job: no need to compare every row
        # again (a 100,000-row file takes seconds) while the page polls.
        context = {"batch": batch, "progress": progress, "status_url": board_url(
            request, "datasets:import-progress", pk=batch.pk)}  # fmt: skip
        return render(request, "datasets/import_applying.html", context)
    if batch.status == ImportStatus.APPLIED:  # its counts are kept: no rows to compare again
        return render(request, "datasets/import_preview.html", {"batch": batch})
    preview = preview_table(batch.rows, [request.board])
    changes = preview.to_write if batch.status == ImportStatus.PREVIEWED else []
    page = paginate(request, changes, PREVIEW_PAGE)
    context = {"batch": batch, "preview": preview, "page": page, "counts": preview.counts}
    if preview.errors:
        context.update(problem_report(request, batch, preview.errors))
    return render(request, "datasets/import_preview.html", context)


@board_view(Role.BOARD_MANAGER)
def import_problems_download(request: HttpRequest, pk) -> HttpResponse:
    """Every problem of a refused file (or of a held file that no longer fits the
    catalogue), as CSV through the one exporter."""
    batch = get_object_or_404(ImportBatch, board=request.board, pk=pk)
    if batch.status == ImportStatus.REFUSED:
        problems = batch_problems(batch)
    elif batch.status == ImportStatus.PREVIEWED:
        problems = preview_table(batch.rows, [request.board]).errors
    else:
        problems = []
    if not problems:
        return HttpResponse("This file has no problems to download.", status=404)
    content, filename = export_import_problems(batch=batch, problems=problems)
    return download(content, filename)


@require_POST
@board_view(Role.BOARD_MANAGER)
def import_apply_view(request: HttpRequest, pk) -> HttpResponse:
    batch = get_object_or_404(ImportBatch, board=request.board, pk=pk)
    if applies_in_background(batch):
        return _apply_later(request, batch)
    try:
        counts = import_apply(batch=batch, user=request.user)
    except ValidationError as exc:
        for message in exc.messages[:20]:
            messages.error(request, message)
        return redirect(board_url(request, "datasets:import-preview", pk=batch.pk))
    if counts["new"] == counts["changed"] == 0:
        messages.success(
            request,
            f"Nothing to change: every figure in {batch.filename} is already stored.",
        )
        return redirect(board_url(request, "datasets:import-preview", pk=batch.pk))
    messages.success(
        request,
        f"Imported {batch.filename}: {counts['new']} new, {counts['changed']} changed, "
        f"{counts['unchanged']} unchanged. The dashboard will refresh shortly.",
    )
    return redirect(board_url(request, "datasets:dashboard"))


def _apply_later(request: HttpRequest, batch: ImportBatch) -> HttpResponse:
    """A big file: queued (or the job already applying it joined), and the batch's page
    shows how far it has got."""
    try:
        import_apply_later(batch=batch, user=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect(board_url(request, "datasets:import-preview", pk=batch.pk))


@board_view(Role.BOARD_MANAGER)
def import_progress(request: HttpRequest, pk) -> JsonResponse:
    """What the batch page's poll reads (static/js/job-progress.js)."""
    batch = get_object_or_404(ImportBatch, board=request.board, pk=pk)
    progress = apply_progress(batch)
    if progress is None:
        raise Http404("This import is not being applied in the background.")
    return JsonResponse(progress.as_json())


@board_view(*ALL_ROLES)
def export(request: HttpRequest) -> HttpResponse:
    """?format=csv|xlsx, optional ?year=2014-15 and ?indicator=<id> (repeatable)."""
    fmt = request.GET.get("format", "csv")
    if fmt not in ("csv", "xlsx"):
        return HttpResponse("Choose format=csv or format=xlsx", status=400)
    wanted = request.GET.getlist("indicator")
    ids = []
    if wanted:
        try:
            ids = list(
                Indicator.objects.filter(board=request.board, pk__in=wanted).values_list(
                    "pk", flat=True
                )
            )
        except ValidationError:
            return HttpResponse("Unknown indicator", status=400)
        if len(ids) != len(set(wanted)):
            return HttpResponse("Unknown indicator", status=400)
    if error := year_error(request):
        return HttpResponse(error, status=400)
    content, filename = export_observations(
        board=request.board, fmt=fmt, indicator_ids=ids, year=year_from_query(request, None)
    )
    return download(content, filename)


@board_view(*QUALITY_ROLES)
def quality(request: HttpRequest) -> HttpResponse:
    year = year_from_query(request, latest_year(years_with_figures(request.board)))
    report = quality_report(board=request.board, year=year, today=timezone.localdate())
    sections = [
        {"id": key, "title": title, "explanation": explanation, "findings": report[key]}
        for key, title, explanation in QUALITY_SECTIONS
    ]
    return render(request, "datasets/quality.html", {"sections": sections, "year": year})

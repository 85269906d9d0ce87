"""Rendering and downloads: a render is queued for the worker, the browser waits on a
page that polls the status (static JS, which stops when the job ends or its time is up;
a "Check again" link without JS), then downloads through a permission-checked view, never
a public media URL. A version whose job failed offers "Try again"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from board.access import board_view
from board.audit import log_access
from board.models import ALL_ROLES, Role
from core.links import board_url
from core.lookups import or_404

from ..models import ReportVersion, VersionStatus
from ..progress import version_progress
from ..selectors import DRAFT_VERSION_REFUSED, reads_version, report_for, version_for
from ..versions import version_request, version_retry

RENDERERS = (Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR)
ANSWERS = {
    "reused": "Nothing has changed since version {number}.",
    "joined": "Version {number} is already being made from the same records.",
}


@require_POST
@board_view(*RENDERERS)
def render_request(request: HttpRequest, year: str) -> HttpResponse:
    report = or_404(report_for, board=request.board, year=year)
    version, how = version_request(report=report, by=request.user)
    if how in ANSWERS:
        messages.success(request, ANSWERS[how].format(number=version.number))
    return redirect(board_url(request, "reports:version", year=year, version_id=version.id))


@require_POST
@board_view(*RENDERERS)
def version_try_again(request: HttpRequest, year: str, version_id) -> HttpResponse:
    """The "Try again" button of a failed version: queued again (or joined to the one
    being made from the same records)."""
    report = or_404(report_for, board=request.board, year=year)
    found = _readable_version(request, report, version_id)
    version = version_retry(version=found)
    return redirect(board_url(request, "reports:version", year=year, version_id=version.id))


@board_view(*ALL_ROLES)
def version(request: HttpRequest, year: str, version_id) -> HttpResponse:
    report = or_404(report_for, board=request.board, year=year)
    found = _readable_version(request, report, version_id)
    ids = {"year": year, "version_id": found.id}
    context = {
        "report": report,
        "version": found,
        "progress": version_progress(found),
        "can_try_again": request.board_access.has_any(RENDERERS),
        "status_url": board_url(request, "reports:version-status", **ids),
        "download_url": board_url(request, "reports:version-download", **ids),
        "try_again_url": board_url(request, "reports:version-try-again", **ids),
        "back_url": board_url(request, "reports:report", year=year),
    }
    return render(request, "reports/version.html", context)


@board_view(*ALL_ROLES)
def version_status(request: HttpRequest, year: str, version_id) -> JsonResponse:
    report = or_404(report_for, board=request.board, year=year)
    found = _readable_version(request, report, version_id)
    return JsonResponse(version_progress(found).as_json())


@board_view(*ALL_ROLES)
def version_download(request: HttpRequest, year: str, version_id) -> HttpResponse:
    report = or_404(report_for, board=request.board, year=year)
    found = _readable_version(request, report, version_id)
    if found.status != VersionStatus.DONE:
        return redirect(board_url(request, "reports:version", year=year, version_id=found.id))
    from django.core.files.storage import default_storage

    log_access(found)
    name = f"{report.board.slug}-annual-report-{report.year.slug}-v{found.number}.pdf"
    return FileResponse(
        default_storage.open(found.file_name, "rb"), as_attachment=True, filename=name,
        content_type="application/pdf",
    )  # fmt: skip


def _readable_version(request: HttpRequest, report, version_id) -> ReportVersion:
    """The report's version, or 404; a draft asked for by a role that reads published
    versions only is refused (403), as in the API."""
    found = or_404(version_for, board=request.board, report=report, version_id=version_id)
    if not reads_version(access=request.board_access, version=found):
        raise PermissionDenied(DRAFT_VERSION_REFUSED)
    return found

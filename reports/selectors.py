"""Reads of the annual report, always through the board."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from board.models import Role
from core.periods import FinancialYear

from .models import AnnualReport, ReportState, ReportTemplate, ReportVersion, Section

READS_DRAFTS = {Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR}


def report_for(request: HttpRequest, year: str) -> AnnualReport:
    try:
        start_year = FinancialYear.parse(year).start_year
    except ValueError:
        raise Http404("No such year") from None
    return get_object_or_404(
        AnnualReport.objects.select_related("board"), board=request.board, start_year=start_year
    )


def template_for(request: HttpRequest, template_id) -> ReportTemplate:
    return get_object_or_404(ReportTemplate, board=request.board, pk=template_id)


def section_for(request: HttpRequest, section_id) -> Section:
    return get_object_or_404(
        Section.objects.select_related("report", "template", "author"),
        board=request.board,
        pk=section_id,
    )


def reads_drafts(request: HttpRequest) -> bool:
    return request.board_access.has_any(READS_DRAFTS)


def may_write(request: HttpRequest, section: Section) -> bool:
    return request.board_access.is_manager or (
        section.author_id is not None and section.author_id == request.user.id
    )


def readable_versions(request: HttpRequest, versions: QuerySet[ReportVersion]) -> QuerySet:
    """The one rule for lists of versions, on the pages and in the API: the chair and the
    manager see every version; other roles published ones only."""
    if reads_drafts(request):
        return versions
    return versions.filter(report_state=ReportState.PUBLISHED)


def require_readable(request: HttpRequest, version: ReportVersion) -> ReportVersion:
    """The same rule for one version: another role asking for a draft is refused (403)."""
    if not reads_drafts(request) and version.report_state != ReportState.PUBLISHED:
        raise PermissionDenied("Only published versions of the report can be downloaded.")
    return version


def writes_in(request: HttpRequest, report: AnnualReport) -> bool:
    """The manager, or the author of one of the report's sections: who adds its images."""
    return (
        request.board_access.is_manager
        or report.sections.filter(author_id=request.user.id).exists()
    )


def reads_report(request: HttpRequest, report: AnnualReport) -> bool:
    """Who sees the report's content: drafts for the manager, the chair and its authors;
    once published, every board role."""
    return (
        report.state == ReportState.PUBLISHED or reads_drafts(request) or writes_in(request, report)
    )


def image_for(request: HttpRequest, report: AnnualReport, image_id):
    from .models import ReportImage

    return get_object_or_404(ReportImage, board=request.board, report=report, pk=image_id)


def versions_visible(request: HttpRequest, report: AnnualReport):
    return readable_versions(request, report.versions.select_related("requested_by"))


def version_for(request: HttpRequest, report: AnnualReport, version_id) -> ReportVersion:
    version = get_object_or_404(ReportVersion, board=request.board, report=report, pk=version_id)
    return require_readable(request, version)

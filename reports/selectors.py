"""Reads of the annual report, always through the board, never through the request.

A lookup takes the board (`board=`) and raises the model's `DoesNotExist` when it finds
nothing (a page maps that to 404 with `core.lookups.or_404`). A rule about who may read or
change something takes the person's standing on the board (`access=`, a
`board.access.BoardAccess`: the board, the person and their roles there) and answers True
or False; the page or the API refuses (403). So a task or the API asks exactly what a page
asks, without a request to hand."""

from django.db.models import Q, QuerySet

from board.access import BoardAccess
from board.models import Board, Role
from core.periods import FinancialYear

from .models import (
    LOCKED_STATES,
    Acronym,
    AnnualReport,
    ReportImage,
    ReportKind,
    ReportState,
    ReportTemplate,
    ReportVersion,
    Section,
)

READS_DRAFTS = {Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR}
# What the page and the API say when `reads_version` refuses: one sentence, so they agree.
DRAFT_VERSION_REFUSED = "Only published versions of the report can be downloaded."


# --- lookups --------------------------------------------------------------------------


def report_for(*, board: Board, year: str) -> AnnualReport:
    """The report of the year as its address writes it ("2014-15"); a text that is not a
    financial year names no report, so it is not found either."""
    try:
        start_year = FinancialYear.parse(year).start_year
    except ValueError:
        raise AnnualReport.DoesNotExist(f"No report for “{year[:20]}”") from None
    return AnnualReport.objects.select_related("board").get(board=board, start_year=start_year)


def template_for(*, board: Board, template_id) -> ReportTemplate:
    return ReportTemplate.objects.get(board=board, pk=template_id)


def section_for(*, board: Board, section_id) -> Section:
    sections = Section.objects.select_related("report", "template", "author")
    return sections.get(board=board, pk=section_id)


def image_for(*, board: Board, report: AnnualReport, image_id) -> ReportImage:
    return ReportImage.objects.get(board=board, report=report, pk=image_id)


def version_for(*, board: Board, report: AnnualReport, version_id) -> ReportVersion:
    """Any version of the report, draft or not: whether the person may read it is
    `reads_version`'s answer."""
    return ReportVersion.objects.get(board=board, report=report, pk=version_id)


# --- rules: who reads and who writes ----------------------------------------------------


def _on_board(access: BoardAccess, record) -> bool:
    """A person's roles say nothing about another board's records."""
    return record.board_id == access.board.pk


def reads_drafts(*, access: BoardAccess) -> bool:
    return access.has_any(READS_DRAFTS)


def may_write(*, access: BoardAccess, section: Section) -> bool:
    """The manager writes any section's text; an author writes their own."""
    if not _on_board(access, section):
        return False
    return access.is_manager or (
        section.author_id is not None and section.author_id == access.user.pk
    )


def writes_in(*, access: BoardAccess, report: AnnualReport) -> bool:
    """The manager, or the author of one of the report's sections: who adds its images."""
    if not _on_board(access, report):
        return False
    return access.is_manager or report.sections.filter(author_id=access.user.pk).exists()


def reads_report(*, access: BoardAccess, report: AnnualReport) -> bool:
    """Who sees the report's content: drafts for the manager, the chair and its authors;
    once published, every board role."""
    if not _on_board(access, report):
        return False
    return (
        report.state == ReportState.PUBLISHED
        or reads_drafts(access=access)
        or writes_in(access=access, report=report)
        # The independent scrutineer assesses the partnership's yearly report.
        or (report.is_partnership_yearly and access.has_any({Role.SCRUTINEER}))
    )


def readable_reports(*, access: BoardAccess) -> QuerySet[AnnualReport]:
    """The reports this person may open (the rule of `reads_report`, as a query)."""
    reports = AnnualReport.objects.filter(board=access.board)
    if reads_drafts(access=access):
        return reports
    written = Section.objects.filter(board=access.board, author_id=access.user.pk)
    readable = Q(state=ReportState.PUBLISHED) | Q(pk__in=written.values("report"))
    if access.has_any({Role.SCRUTINEER}):
        readable |= Q(kind=ReportKind.PARTNERSHIP)
    return reports.filter(readable)


def sections_assigned(*, access: BoardAccess) -> QuerySet[Section]:
    """The sections this person is the author of, in reports still open to writing."""
    return Section.objects.filter(
        board=access.board, author_id=access.user.pk, report__isnull=False
    ).exclude(report__state__in=LOCKED_STATES)


def readable_versions(
    *, access: BoardAccess, versions: QuerySet[ReportVersion]
) -> QuerySet[ReportVersion]:
    """The one rule for lists of versions, on the pages and in the API: the chair and the
    manager see every version; other roles published ones only."""
    versions = versions.filter(board=access.board)
    if reads_drafts(access=access):
        return versions
    return versions.filter(report_state=ReportState.PUBLISHED)


def reads_version(*, access: BoardAccess, version: ReportVersion) -> bool:
    """The same rule for one version: another role is refused a draft."""
    if not _on_board(access, version):
        return False
    return reads_drafts(access=access) or version.report_state == ReportState.PUBLISHED


def versions_visible(*, access: BoardAccess, report: AnnualReport) -> QuerySet[ReportVersion]:
    return readable_versions(access=access, versions=report.versions.select_related("requested_by"))


# --- the glossary -----------------------------------------------------------------------


def glossary(board: Board) -> QuerySet[Acronym]:
    """The board's terms, A to Z (the glossary page, its export and the report's section)."""
    return Acronym.objects.filter(board=board).order_by("term")


def acronym_for(*, board: Board, pk) -> Acronym:
    return Acronym.objects.get(board=board, pk=pk)

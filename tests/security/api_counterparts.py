"""The API endpoints' page counterparts, for tests/security/test_api_parity.py."""

from collections.abc import Callable
from dataclasses import dataclass

from tests.matrix import board_kwargs
from tests.matrix.api import (
    audit_kwargs,
    case_review_kwargs,
    cdop_case_kwargs,
    cycle_kwargs,
    dataset_kwargs,
    record_kwargs,
    return_kwargs,
    subgroup_kwargs,
)

# API reads and the pages that show the same records: tests/security/test_api_parity.py
# checks, for every persona, that the API refuses exactly where its page refuses, and
# that every row of a list is one the persona could open on a page.


@dataclass(frozen=True)
class Counterpart:
    """The page that shows what an API endpoint answers.

    `page_kwargs(context, api_kwargs)` gives the page's URL arguments for the record the
    API URL names (by default the page's own matrix entry makes its own record);
    `rows(context)` adds records a list answers (some a persona must not see);
    `row_page(row)` gives (url name, URL arguments but the board) of the page that opens
    one row of a list."""

    page: str
    page_kwargs: Callable | None = None
    rows: Callable | None = None
    row_page: Callable | None = None


def _id_as(name: str) -> Callable:
    """The page names the same record as the API's `id` under another argument name."""
    return lambda context, api: {**board_kwargs(context), name: api["id"]}


def _board_only(context, api) -> dict:
    return board_kwargs(context)


def _return_page(context, api) -> dict:
    from subgroups.models import QuarterlyReturn

    record = QuarterlyReturn.objects.get(pk=api["id"])
    return {**board_kwargs(context), "subgroup_id": record.subgroup_id, "quarter": _slug(record)}


def _slug(record) -> str:
    from subgroups.services.deadlines import quarter_slug

    return quarter_slug(record.quarter)


def _returns(context) -> None:
    """A draft return of a sub-group the sub-group chair persona does not chair."""
    from subgroups.models import QuarterlyReturn, ReturnStatus

    QuarterlyReturn.objects.filter(pk=return_kwargs(context)["id"]).update(
        status=ReturnStatus.DRAFT, content={"questions": {"q": "Not for everyone yet"}}
    )


def _return_row(row) -> tuple[str, dict]:
    from datetime import date

    from core.periods import Quarter
    from subgroups.services.deadlines import quarter_slug

    quarter = quarter_slug(Quarter.containing(date.fromisoformat(row["period_start"])))
    return "subgroups:return-detail", {"subgroup_id": row["subgroup"], "quarter": quarter}


def _versions(context, state: str = "published") -> dict:
    """A rendered version of the 2014/15 report in `state` (its PDF stored)."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from reports.models import ReportVersion, VersionStatus
    from tests.reports.factories import report_for

    report = getattr(context, "report", None) or report_for(context.board)
    context.report = report
    version = ReportVersion.objects.create(
        board=context.board,
        report=report,
        number=report.versions.count() + 1,
        status=VersionStatus.DONE,
        report_state=state,
        file_name=default_storage.save("reports/parity.pdf", ContentFile(b"%PDF-1.7 parity")),
        sha256="0" * 64,
    )
    return {**board_kwargs(context), "id": version.pk}


def _draft_version(context) -> dict:
    return _versions(context, state="drafting")


def _draft_and_published(context) -> None:
    _versions(context, "drafting")
    _versions(context, "published")


def _version_page(context, api) -> dict:
    from reports.models import ReportVersion

    version = ReportVersion.objects.select_related("report").get(pk=api["id"])
    return {**board_kwargs(context), "year": version.report.year.slug, "version_id": version.pk}


def _snapshot(context) -> None:
    from datasets.services.snapshots import snapshot_refresh

    snapshot_refresh(board=context.board, year=2014)


def _the_review(context, api) -> dict:
    """The review the list's rows were made with (the page's own would repeat its reference)."""
    from reviews.case_reviews.models import CaseReview

    return {**board_kwargs(context), "review_id": CaseReview.objects.get(board=context.board).pk}


def _rows_of(kwargs_maker: Callable) -> Callable:
    return lambda context: kwargs_maker(context) and None


def _row(url_name: str, argument: str) -> Callable:
    return lambda row: (url_name, {argument: row["id"]})


PAGE_COUNTERPART = {
    "api:board-list": Counterpart("home"),
    "api:board-detail": Counterpart("board-detail", page_kwargs=_board_only),
    "api:agency-list": Counterpart("agency-list"),
    "api:agency-detail": Counterpart("agency-list", page_kwargs=_board_only),
    "api:membership-list": Counterpart("member-list"),
    "api:membership-detail": Counterpart("member-list", page_kwargs=_board_only),
    "api:meeting-list": Counterpart(
        "meeting-list",
        rows=_rows_of(lambda c: record_kwargs(c, "meeting")),
        row_page=_row("meeting-detail", "pk"),
    ),
    "api:meeting-detail": Counterpart("meeting-detail", page_kwargs=_id_as("pk")),
    "api:action-list": Counterpart(
        "action-list",
        rows=_rows_of(lambda c: record_kwargs(c, "action")),
        row_page=_row("action-detail", "pk"),
    ),
    "api:action-detail": Counterpart("action-detail", page_kwargs=_id_as("pk")),
    "api:cdop-statistics-list": Counterpart("child_deaths:cdop-statistics"),
    "api:cdop-case-list": Counterpart(
        "child_deaths:cdop-case-list",
        rows=_rows_of(cdop_case_kwargs),
        row_page=_row("child_deaths:cdop-case-detail", "case_id"),
    ),
    "api:cdop-case-detail": Counterpart(
        "child_deaths:cdop-case-detail", page_kwargs=_id_as("case_id")
    ),
    "api:subgroup-list": Counterpart(
        "subgroups:subgroup-list",
        rows=_rows_of(subgroup_kwargs),
        row_page=_row("subgroups:subgroup-detail", "subgroup_id"),
    ),
    "api:subgroup-detail": Counterpart(
        "subgroups:subgroup-detail", page_kwargs=_id_as("subgroup_id")
    ),
    # Each listed return carries its answers, as its return page does: no page lists
    # returns with their content, so the list answers to the return page.
    "api:return-list": Counterpart("subgroups:return-detail", rows=_returns, row_page=_return_row),
    "api:return-detail": Counterpart("subgroups:return-detail", page_kwargs=_return_page),
    "api:return-save": Counterpart("subgroups:return-edit"),
    "api:return-submit": Counterpart("subgroups:return-edit"),
    "api:audit-list": Counterpart(
        "assurance:audit-list",
        rows=_rows_of(audit_kwargs),
        row_page=_row("assurance:audit-detail", "audit_id"),
    ),
    "api:audit-detail": Counterpart("assurance:audit-detail", page_kwargs=_id_as("audit_id")),
    "api:section11-cycle-list": Counterpart(
        "assurance:section11-cycle-list",
        rows=_rows_of(cycle_kwargs),
        row_page=_row("assurance:section11-cycle-detail", "cycle_id"),
    ),
    "api:section11-cycle-detail": Counterpart(
        "assurance:section11-cycle-detail", page_kwargs=_id_as("cycle_id")
    ),
    # Each listed review carries its decision and methodology, which only the review's
    # own page shows (the register, open to every role, shows less).
    "api:case-review-list": Counterpart(
        "case_reviews:scr-review-detail",
        page_kwargs=_the_review,
        rows=_rows_of(case_review_kwargs),
        row_page=_row("case_reviews:scr-review-detail", "review_id"),
    ),
    "api:case-review-detail": Counterpart(
        "case_reviews:scr-review-detail", page_kwargs=_id_as("review_id")
    ),
    "api:case-review-action-list": Counterpart("case_reviews:scr-action-plans"),
    "api:indicator-list": Counterpart(
        "datasets:indicator-list",
        rows=_rows_of(lambda c: dataset_kwargs(c, "indicator")),
        row_page=_row("datasets:indicator-detail", "pk"),
    ),
    "api:indicator-detail": Counterpart("datasets:indicator-detail", page_kwargs=_id_as("pk")),
    # Every figure is in the export, which every board role may download.
    "api:observation-list": Counterpart("datasets:export"),
    "api:observation-detail": Counterpart("datasets:export", page_kwargs=_board_only),
    "api:observation-bulk": Counterpart("datasets:import"),
    # Benchmarks and snapshots are what the dashboard draws.
    "api:benchmark-list": Counterpart("datasets:dashboard"),
    "api:snapshot-detail": Counterpart("datasets:dashboard", rows=_snapshot),
    "api:report-version-list": Counterpart(
        "reports:index",
        rows=_draft_and_published,
        row_page=lambda row: ("reports:version", {"year": row["year"], "version_id": row["id"]}),
    ),
    "api:report-version-detail": Counterpart("reports:version", page_kwargs=_version_page),
    "api:report-version-pdf": Counterpart("reports:version-download", page_kwargs=_version_page),
}

# API endpoints with no page counterpart, and why.
API_ONLY = {
    "api:schema": "describes the API itself, to any signed-in caller; no board's records",
    "api:docs": "the schema's browsable form; no board's records",
    "api:token-list": "a page (the person's own tokens), not an API read",
    "api:token-create": "a page (makes a token for oneself), not an API read",
    "api:token-revoke": "a page (revokes one's own token), not an API read",
    "api:bulk-write-detail": "the status of a bulk write the API itself accepted (202); an "
    "uploaded file's progress is shown on its batch page",
}

# The parity test opens these API records rather than the matrix entries' own: a draft
# version, which only the manager and chair may open on the version pages.
PARITY_API_KWARGS = {
    "api:report-version-detail": _draft_version,
    "api:report-version-pdf": _draft_version,
}

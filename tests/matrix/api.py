import uuid
from collections.abc import Callable
from dataclasses import dataclass

from board.models import ALL_ROLES, Role

from . import api_board, api_signed_in, board_kwargs, signed_in


def agency_kwargs(context) -> dict:
    from tests.factories import AgencyFactory

    return {**board_kwargs(context), "id": AgencyFactory(board=context.board).pk}


def record_kwargs(context, kind: str) -> dict:
    from datetime import date

    from board.models import Action, Meeting, Membership, Person

    board = context.board
    if kind == "membership":
        person = Person.objects.create(board=board, full_name="Member")
        record = Membership.objects.create(
            board=board, person=person, board_role="lay_member", start_date=date(2014, 4, 1)
        )
    elif kind == "meeting":
        record = Meeting.objects.create(board=board, kind="board", date=date(2014, 6, 1))
    else:
        from tests.factories import AgencyFactory

        record = Action.objects.create(
            board=board,
            description="x",
            due_date=date(2015, 1, 1),
            owner_agency=AgencyFactory(board=board),
        )
    return {**board_kwargs(context), "id": record.pk}


def cdop_case_kwargs(context) -> dict:
    from tests.reviews.child_deaths.factories import notify

    return {**board_kwargs(context), "id": notify(context.board).pk}


def dataset_kwargs(context, kind: str) -> dict:
    from datasets.models import Observation
    from tests.datasets.factories import catalogue, load

    indicators = catalogue(context.board)
    if kind == "indicator":
        return {**board_kwargs(context), "id": indicators["cp_plans"].pk}
    load(context.board, [["cp_plans", "2014-15 Q1", "total", "350"]])
    return {**board_kwargs(context), "id": Observation.objects.get(board=context.board).pk}


def report_version_kwargs(context) -> dict:
    """A queued version of a published report."""
    from reports.models import ReportVersion
    from tests.reports.factories import report_for

    report = report_for(context.board)
    version = ReportVersion.objects.create(
        board=context.board, report=report, number=1, report_state="published"
    )
    return {**board_kwargs(context), "id": version.pk}


def subgroup_kwargs(context) -> dict:
    from subgroups.models import SubGroup

    subgroup = SubGroup.objects.create(board=context.board, name="Health")
    return {**board_kwargs(context), "id": subgroup.pk}


def return_kwargs(context) -> dict:
    from datetime import date

    from subgroups.models import QuarterlyReturn, SubGroup

    subgroup = SubGroup.objects.create(board=context.board, name="Education")
    record = QuarterlyReturn.objects.create(
        board=context.board, subgroup=subgroup, period_start=date(2014, 4, 1)
    )
    return {**board_kwargs(context), "id": record.pk}


SCR_READERS = {Role.SCR_MEMBER, Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR}
# As the return page (subgroups:return-detail): not lay members, viewers, CDOP or SCR roles.
RETURN_READERS = {
    Role.BOARD_MANAGER,
    Role.INDEPENDENT_CHAIR,
    Role.SUBGROUP_CHAIR,
    Role.BOARD_MEMBER,
}


def case_review_kwargs(context) -> dict:
    from tests.reviews.case_reviews.factories import review_for

    return {**board_kwargs(context), "id": review_for(context.board).pk}


def audit_kwargs(context) -> dict:
    from tests.reviews.assurance.test_audits import mash_audit

    return {**board_kwargs(context), "id": mash_audit(context.board).pk}


def cycle_kwargs(context) -> dict:
    from tests.reviews.assurance.test_section11 import agencies_for, make_cycle

    cycle = make_cycle(context.board, agencies_for(context.board, "Police"))
    return {**board_kwargs(context), "id": cycle.pk}


ENTRIES = {
    "api:board-list": api_signed_in(),
    # Any slug: the caller sees a board only where they hold a role.
    "api:board-detail": api_board(kwargs=lambda c: {"slug": c.board.slug}),
    "api:agency-list": api_board(ALL_ROLES),
    "api:agency-detail": api_board(ALL_ROLES, kwargs=agency_kwargs),
    "api:membership-list": api_board(ALL_ROLES),
    "api:membership-detail": api_board(ALL_ROLES, kwargs=lambda c: record_kwargs(c, "membership")),
    "api:meeting-list": api_board(ALL_ROLES),
    "api:meeting-detail": api_board(ALL_ROLES, kwargs=lambda c: record_kwargs(c, "meeting")),
    "api:action-list": api_board(ALL_ROLES),
    "api:action-detail": api_board(ALL_ROLES, kwargs=lambda c: record_kwargs(c, "action")),
    "api:cdop-statistics-list": api_board(ALL_ROLES, data={"year": "2014"}),
    "api:cdop-case-list": api_board({Role.CDOP_MEMBER}),
    "api:cdop-case-detail": api_board({Role.CDOP_MEMBER}, kwargs=lambda c: cdop_case_kwargs(c)),
    "api:subgroup-list": api_board(ALL_ROLES),
    "api:subgroup-detail": api_board(ALL_ROLES, kwargs=lambda c: subgroup_kwargs(c)),
    "api:return-list": api_board(RETURN_READERS),
    "api:return-detail": api_board(RETURN_READERS, kwargs=lambda c: return_kwargs(c)),
    # A form post, not JSON: 415 for sub-group chairs once past the role check.
    "api:return-save": api_board({Role.SUBGROUP_CHAIR}, method="post", ok=415),
    "api:return-submit": api_board({Role.SUBGROUP_CHAIR}, method="post", ok=415),
    "api:audit-list": api_board(ALL_ROLES),
    "api:audit-detail": api_board(ALL_ROLES, kwargs=audit_kwargs),
    "api:section11-cycle-list": api_board(ALL_ROLES),
    "api:section11-cycle-detail": api_board(ALL_ROLES, kwargs=cycle_kwargs),
    "api:case-review-list": api_board(SCR_READERS),
    "api:case-review-detail": api_board(SCR_READERS, kwargs=lambda c: case_review_kwargs(c)),
    "api:case-review-action-list": api_board(SCR_READERS),
    "api:indicator-list": api_board(ALL_ROLES),
    "api:indicator-detail": api_board(ALL_ROLES, kwargs=lambda c: dataset_kwargs(c, "indicator")),
    "api:observation-list": api_board(ALL_ROLES),
    "api:observation-detail": api_board(
        ALL_ROLES, kwargs=lambda c: dataset_kwargs(c, "observation")
    ),
    # The matrix posts a form, not JSON: 415 once past the permission check.
    "api:observation-bulk": api_board({Role.BOARD_MANAGER}, method="post", ok=415),
    "api:benchmark-list": api_board(ALL_ROLES),
    # No snapshot built for the year: 404 once past the permission check.
    "api:snapshot-detail": api_board(
        ALL_ROLES, ok=404, kwargs=lambda c: {**board_kwargs(c), "year": 2014}
    ),
    "api:report-version-list": api_board(ALL_ROLES),
    # A published version, visible to every role; its PDF is not rendered yet (404).
    # A draft answers 403 to the other roles, as its page does: tests/api/
    # test_report_versions_api.py and tests/security/test_api_parity.py.
    "api:report-version-detail": api_board(ALL_ROLES, kwargs=lambda c: report_version_kwargs(c)),
    "api:report-version-pdf": api_board(
        ALL_ROLES, ok=404, kwargs=lambda c: report_version_kwargs(c)
    ),
    "api:schema": api_signed_in(),
    "api:docs": api_signed_in(),
    "api:token-list": signed_in(),
    "api:token-create": signed_in(),
    # Nobody's token but the owner's can be revoked: any other id is not found.
    "api:token-revoke": signed_in(ok=404, kwargs=lambda c: {"token_id": uuid.uuid4()}),
}


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
}

# The parity test opens these API records rather than the matrix entries' own: a draft
# version, which only the manager and chair may open on the version pages.
PARITY_API_KWARGS = {
    "api:report-version-detail": _draft_version,
    "api:report-version-pdf": _draft_version,
}

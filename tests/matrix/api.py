import uuid

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


def bulk_write_kwargs(context) -> dict:
    """A bulk write of the board's handed to a job that has not started."""
    from datetime import timedelta

    from django.utils import timezone

    from core.jobs.models import Job
    from datasets.models import ImportBatch

    job = Job.objects.create(
        task_name="datasets.tasks.apply_bulk_figures", board_id=context.board.pk,
        time_limit_seconds=600, expires_at=timezone.now() + timedelta(hours=1),
    )  # fmt: skip
    ImportBatch.objects.create(board=context.board, filename="bulk", sha256="2" * 64, job=job)
    return {**board_kwargs(context), "job_id": job.pk}


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
    Role.SCRUTINEER,
}


def case_review_kwargs(context) -> dict:
    from tests.reviews.case_reviews.factories import review_for

    return {**board_kwargs(context), "id": review_for(context.board).pk}


def audit_kwargs(context) -> dict:
    from tests.reviews.assurance.test_audits import mash_audit

    return {**board_kwargs(context), "id": mash_audit(context.board).pk}


def cycle_kwargs(context) -> dict:
    from tests.reviews.assurance.section11_factories import agencies_for, make_cycle

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
    "api:bulk-write-detail": api_board(ALL_ROLES, kwargs=bulk_write_kwargs),
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

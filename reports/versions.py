"""Rendered versions of a report. A request reads the board's change marker
(reports/changes.py, one query) rather than gathering the report: a finished version made
at the same marker is returned at once, and so is one being made at it (one render per
marker at a time: a second "Make the PDF" joins the first); otherwise a new version is
recorded with its background job (core/jobs), in one transaction, and the worker gathers
the inputs once, hashes them and renders them (or, when the hash is a finished version's,
stores that version's PDF again without rendering). Rendering never runs in a request.
The worker's part is in reports/rendering_job.py; rendering ahead of the request, as soon
as records change, in reports/render_ahead.py."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from board.models import User
from core.jobs.outbox import enqueue
from core.jobs.selectors import job_state

from .changes import change_marker
from .models import IN_PROGRESS, AnnualReport, ReportVersion, VersionStatus
from .rendering import gather_all, inputs_hash
from .rendering_job import version_failed, version_render

# A command-line render (no job) still "in progress" after this died with its process.
COMMAND_LINE_RENDER_LIMIT = timedelta(minutes=10)


def current_inputs_hash(report: AnnualReport) -> str:
    """The hash of a full gather (what a version's `inputs_hash` records)."""
    return inputs_hash(report, gather_all(report))


def reusable_version(report: AnnualReport, marker: str) -> ReportVersion | None:
    """The latest finished version made at this change marker."""
    return (
        report.versions.filter(changes_marker=marker, status=VersionStatus.DONE)
        .order_by("-number")
        .first()
    )


@transaction.atomic
def version_request(*, report: AnnualReport, by: User | None) -> tuple[ReportVersion, str]:
    """(version, how): "reused" (a finished one at the same change marker), "joined" (one
    being made at it) or "queued" (a new one, sent to the worker after commit). The marker
    is read before the lock is taken and the versions are looked at: a change committed
    meanwhile makes the next request's marker differ."""
    marker = change_marker(report)
    report = _locked(report)
    existing = reusable_version(report, marker)
    if existing is not None:
        return existing, "reused"
    joined = version_in_progress(report, marker)
    if joined is not None:
        return joined, "joined"
    version = _new_version(report, by, marker)
    _queue(version)
    return version, "queued"


@transaction.atomic
def version_retry(*, version: ReportVersion) -> ReportVersion:
    """ "Try again" on a version that failed (or whose job ran out of time): the same
    version is queued anew, unless one from the same inputs is being made (that one)."""
    _locked(version.report)
    version = ReportVersion.objects.select_related("job").get(pk=version.pk)
    if version.status == VersionStatus.DONE or _is_alive(version):
        return version
    if version.status in IN_PROGRESS:
        version_failed(version_id=version.pk, reason=_job_reason(version))
    joined = version_in_progress(version.report, change_marker(version.report))
    if joined is not None and joined.pk != version.pk:
        return joined
    version.status, version.error, version.finished_at = VersionStatus.QUEUED, "", None
    version.save(update_fields=["status", "error", "finished_at", "updated_at"])
    _queue(version)
    return version


def version_in_progress(report: AnnualReport, marker: str) -> ReportVersion | None:
    """The version being made at this change marker, if its job is still going. One whose
    job failed or ran out of time is marked failed here, so a new one can start."""
    version = (
        report.versions.filter(changes_marker=marker, status__in=IN_PROGRESS)
        .select_related("job")
        .first()
    )
    if version is None or _is_alive(version):
        return version
    version_failed(version_id=version.pk, reason=_job_reason(version))
    return None


def _is_alive(version: ReportVersion) -> bool:
    if version.status not in IN_PROGRESS:
        return False
    if version.job is None:  # rendered from the command line: alive while it is recent
        return version.updated_at > timezone.now() - COMMAND_LINE_RENDER_LIMIT
    state = job_state(version.job)
    return not state.is_finished and not state.is_overdue


def _job_reason(version: ReportVersion) -> str:
    if version.job is not None and version.job.error:
        return version.job.error
    return "It was not finished in time."


def _locked(report: AnnualReport) -> AnnualReport:
    """The report's row, locked until commit: one render request of a report at a time."""
    return AnnualReport.objects.select_for_update().get(pk=report.pk)


def _new_version(report: AnnualReport, by: User | None, marker: str, **fields) -> ReportVersion:
    """A version at this change marker; its inputs hash is the worker's, once gathered."""
    last = report.versions.aggregate(last=Max("number"))["last"] or 0
    version = ReportVersion(
        board=report.board, report=report, number=last + 1, report_state=report.state,
        requested_by=by, changes_marker=marker, **fields,
    )  # fmt: skip
    version.full_clean()
    version.save()
    return version


def _queue(version: ReportVersion) -> None:
    from .tasks import render_report_version

    version.job = enqueue(
        render_report_version, str(version.id), board_id=version.board_id,
        dedupe_key=f"reports.render:{version.id}",
    )  # fmt: skip
    version.save(update_fields=["job", "updated_at"])


def version_render_now(*, report: AnnualReport, by: User | None) -> tuple[ReportVersion, bool]:
    """For the command line: the same as a request, rendered in this process (a version
    already being made from the same inputs is finished here; storing it is safe twice)."""
    with transaction.atomic():
        marker = change_marker(report)
        report = _locked(report)
        existing = reusable_version(report, marker)
        if existing is not None:
            return existing, True
        version = version_in_progress(report, marker) or _new_version(report, by, marker)
    try:
        return version_render(version_id=version.id), False
    except Exception as exc:
        version_failed(version_id=version.id, reason=f"{type(exc).__name__}: {exc}")
        raise

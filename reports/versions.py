"""Rendered versions of a report. A request gathers the inputs and hashes them: a finished
version made from the same inputs is returned at once, and so is one being made from them
(one render per inputs at a time: a second "Make the PDF" joins the first); otherwise a
new version is recorded with its background job (core/jobs), in one transaction, and the
worker renders it. Rendering never runs in a request. The worker's part is in
reports/rendering_job.py."""

from datetime import timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from board.models import User
from core.jobs.outbox import enqueue
from core.jobs.selectors import job_state

from .models import IN_PROGRESS, AnnualReport, ReportVersion, VersionStatus
from .rendering import gather_all, inputs_hash
from .rendering_job import version_failed, version_render

# A command-line render (no job) still "in progress" after this died with its process.
COMMAND_LINE_RENDER_LIMIT = timedelta(minutes=10)


def current_inputs_hash(report: AnnualReport) -> str:
    return inputs_hash(report, gather_all(report))


def reusable_version(report: AnnualReport, digest: str) -> ReportVersion | None:
    return (
        report.versions.filter(inputs_hash=digest, status=VersionStatus.DONE)
        .order_by("-number")
        .first()
    )


@transaction.atomic
def version_request(*, report: AnnualReport, by: User | None) -> tuple[ReportVersion, str]:
    """(version, how): "reused" (a finished one from the same inputs), "joined" (one being
    made from them) or "queued" (a new one, sent to the worker after commit)."""
    digest = current_inputs_hash(report)
    report = _locked(report)
    existing = reusable_version(report, digest)
    if existing is not None:
        return existing, "reused"
    joined = version_in_progress(report, digest)
    if joined is not None:
        return joined, "joined"
    version = _new_version(report, by, digest)
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
    joined = version_in_progress(version.report, version.inputs_hash)
    if joined is not None:
        return joined
    version.status, version.error, version.finished_at = VersionStatus.QUEUED, "", None
    version.save(update_fields=["status", "error", "finished_at", "updated_at"])
    _queue(version)
    return version


def version_in_progress(report: AnnualReport, digest: str) -> ReportVersion | None:
    """The version being made from these inputs, if its job is still going. One whose job
    failed or ran out of time is marked failed here, so a new one can start."""
    version = (
        report.versions.filter(inputs_hash=digest, status__in=IN_PROGRESS)
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


def _new_version(report: AnnualReport, by: User | None, digest: str) -> ReportVersion:
    last = report.versions.aggregate(last=Max("number"))["last"] or 0
    version = ReportVersion(
        board=report.board, report=report, number=last + 1, report_state=report.state,
        requested_by=by, inputs_hash=digest,
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
        digest = current_inputs_hash(report)
        report = _locked(report)
        existing = reusable_version(report, digest)
        if existing is not None:
            return existing, True
        version = version_in_progress(report, digest) or _new_version(report, by, digest)
    try:
        return version_render(version_id=version.id), False
    except Exception as exc:
        version_failed(version_id=version.id, reason=f"{type(exc).__name__}: {exc}")
        raise

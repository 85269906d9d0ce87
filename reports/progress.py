"""Where a version stands, from its own status and its job's (core/jobs): what the waiting
page shows and its poll reads. Every version ends "ready" or "failed" within a bounded
time: a job that fails, or outlives its time, shows as failed with "Try again"."""

from dataclasses import dataclass

from django.utils import timezone

from core.jobs.models import JobStatus
from core.jobs.selectors import job_state

from .models import ReportVersion, VersionStatus
from .versions import COMMAND_LINE_RENDER_LIMIT

READY, FAILED, WAITING = "ready", "failed", "waiting"
TOO_LONG = "It is taking much longer than it should."


@dataclass(frozen=True)
class VersionProgress:
    status: str  # the version's status (queued, rendering, done, failed)
    outcome: str  # READY, FAILED or WAITING
    label: str
    reason: str = ""
    attempt: int = 0
    max_attempts: int = 0
    seconds_left: int = 0  # before the page stops waiting for it

    @property
    def is_finished(self) -> bool:
        return self.outcome != WAITING

    def as_json(self) -> dict:
        return {
            "status": self.status, "outcome": self.outcome, "label": self.label,
            "finished": self.is_finished, "attempt": self.attempt,
            "max_attempts": self.max_attempts, "seconds_left": self.seconds_left,
        }  # fmt: skip


def version_progress(version: ReportVersion) -> VersionProgress:
    status = version.status
    if status == VersionStatus.DONE:
        return VersionProgress(status, READY, "Ready")
    if status == VersionStatus.FAILED:
        return VersionProgress(status, FAILED, "Failed", version.error)
    if version.job_id is None:
        return _rendered_elsewhere(version)
    job = job_state(version.job)
    if job.status == JobStatus.FAILED:  # the version is marked too, unless that failed
        return VersionProgress(status, FAILED, "Failed", job.error, job.attempts)
    if job.status == JobStatus.READY:  # the job ended without storing the PDF
        return VersionProgress(status, FAILED, "Failed", job.error or TOO_LONG, job.attempts)
    if job.is_overdue:
        return VersionProgress(status, FAILED, "Failed", TOO_LONG, job.attempts)
    left = int((job.give_up_at - timezone.now()).total_seconds())
    return VersionProgress(
        status, WAITING, version.get_status_display(), job.error, job.attempts,
        job.max_attempts, max(left, 1),
    )  # fmt: skip


def _rendered_elsewhere(version: ReportVersion) -> VersionProgress:
    """Rendered from the command line, with no job."""
    left = (version.updated_at + COMMAND_LINE_RENDER_LIMIT - timezone.now()).total_seconds()
    if left <= 0:
        return VersionProgress(version.status, FAILED, "Failed", TOO_LONG)
    return VersionProgress(
        version.status, WAITING, version.get_status_display(), seconds_left=int(left) + 1
    )

"""Reading a job's state, for pages and APIs that show one (a report version, an import's
progress). Take the job id from your own board's record: a job is never looked up from
an id in a URL alone."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.utils import timezone

from .models import Job, JobStatus
from .timing import SWEEP_EVERY


@dataclass(frozen=True)
class JobState:
    id: UUID
    status: str  # a JobStatus value: waiting, running, ready, failed
    label: str  # "Waiting", "Running", "Ready", "Failed"
    attempts: int
    max_attempts: int
    error: str
    progress_done: int | None
    progress_total: int | None
    result: object
    created_at: datetime
    finished_at: datetime | None
    # After this a page stops waiting: the sweeper has ended the job by then, or is not
    # running at all.
    give_up_at: datetime

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.READY, JobStatus.FAILED)

    @property
    def is_overdue(self) -> bool:
        return not self.is_finished and timezone.now() > self.give_up_at

    def as_json(self) -> dict:
        return {
            "status": self.status, "label": self.label, "finished": self.is_finished,
            "overdue": self.is_overdue, "attempts": self.attempts,
            "max_attempts": self.max_attempts, "done": self.progress_done,
            "total": self.progress_total, "give_up_at": self.give_up_at.isoformat(),
        }  # fmt: skip


def job_state(job: Job) -> JobState:
    return JobState(
        id=job.pk, status=job.status, label=job.get_status_display(), attempts=job.attempts,
        max_attempts=job.max_attempts, error=job.error, progress_done=job.progress_done,
        progress_total=job.progress_total, result=job.result, created_at=job.created_at,
        finished_at=job.finished_at, give_up_at=job.expires_at + 2 * SWEEP_EVERY,
    )  # fmt: skip


def job_status(job_id) -> JobState | None:
    """The job's state, or None if there is no such job (never made, or deleted after
    KEEP_FINISHED)."""
    job = Job.objects.filter(pk=job_id).first() if job_id else None
    return job_state(job) if job else None


def oldest_waiting_since() -> datetime | None:
    """When the longest-waiting job was asked for (None when none waits): for /healthz,
    which reports the outbox as backed up when this is older than its threshold."""
    oldest = Job.objects.filter(status=JobStatus.WAITING).order_by("created_at").first()
    return oldest.created_at if oldest else None

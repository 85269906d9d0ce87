"""One row per background job: written in the same transaction as the change that asks
for it, so a job is never lost when the broker is away and never sent for a change that
was rolled back. Its id is the Celery task id of every message sent for it."""

import uuid

from django.db import models
from django.db.models import Q


class JobStatus(models.TextChoices):
    WAITING = "waiting", "Waiting"
    RUNNING = "running", "Running"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


ACTIVE = (JobStatus.WAITING, JobStatus.RUNNING)
FINISHED = (JobStatus.READY, JobStatus.FAILED)


class Job(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    task_name = models.CharField(max_length=200)
    # Ids and other plain values only: the task reloads its records from them.
    args = models.JSONField(default=list, blank=True)
    # A plain id, not a foreign key: core cannot know the board model. Pages show a job only
    # through the record of their board that points at it (a report version, an import).
    board_id = models.UUIDField(null=True, blank=True, db_index=True)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.WAITING)
    attempts = models.PositiveSmallIntegerField(default=0)
    max_attempts = models.PositiveSmallIntegerField(default=3)
    time_limit_seconds = models.PositiveIntegerField()
    error = models.TextField(blank=True)  # the last attempt's error, or why the job failed
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)  # the last message that reached Redis
    started_at = models.DateTimeField(null=True, blank=True)
    deadline = models.DateTimeField(null=True, blank=True)  # when the running attempt must end
    expires_at = models.DateTimeField()  # when the job as a whole must have ended
    finished_at = models.DateTimeField(null=True, blank=True)
    worker = models.CharField(max_length=200, blank=True)
    progress_done = models.PositiveIntegerField(null=True, blank=True)
    progress_total = models.PositiveIntegerField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)
    # Same key while one is waiting or running: the second request joins the first.
    dedupe_key = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"], name="job_status_created")]
        constraints = [
            models.UniqueConstraint(
                fields=["dedupe_key"],
                condition=Q(status__in=ACTIVE) & ~Q(dedupe_key=""),
                name="job_one_active_per_dedupe_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.task_name} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

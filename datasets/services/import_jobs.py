"""Applying a big import as a background job (core/jobs): the page answers at once and
shows the job's progress, then its result. A file of 17,040 rows took over 30 s to apply
in the request, gunicorn's timeout. Files up to settings.IMPORT_APPLY_IN_BACKGROUND_ROWS
rows are still applied in the request (imports.import_apply), where the manager sees the
result straight away."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.jobs.models import Job, JobStatus
from core.jobs.outbox import enqueue
from core.jobs.selectors import job_status

from ..models import ImportBatch, ImportStatus, Source
from .imports import import_apply, write_table
from .observations import FiguresBusy

FAILED_TEXT = "Failed: try again"


def applies_in_background(batch: ImportBatch) -> bool:
    return len(batch.rows) - 1 > settings.IMPORT_APPLY_IN_BACKGROUND_ROWS  # less the header


@transaction.atomic
def import_apply_later(*, batch: ImportBatch, user) -> Job:
    """Queue the batch's apply. A second click while it waits or runs joins the same job
    (its dedupe key), without waiting for the worker, which holds the batch's row."""
    from ..tasks import apply_import_batch

    batch = ImportBatch.objects.get(pk=batch.pk)
    if batch.status == ImportStatus.APPLIED:
        raise ValidationError("This file has already been applied.", code="applied")
    if batch.status == ImportStatus.REFUSED:
        raise ValidationError("This file has problems: correct them and upload it again.")
    job = enqueue(
        apply_import_batch, str(batch.pk), str(user.pk), board_id=batch.board_id,
        dedupe_key=f"datasets.import-apply:{batch.pk}",
    )  # fmt: skip
    if batch.job_id != job.pk:
        ImportBatch.objects.filter(pk=batch.pk).update(job=job, updated_at=timezone.now())
    return job


def apply_batch(batch_id, user_id) -> dict:
    """The job's work, safe to run twice: a batch already applied returns its counts. A
    file that no longer fits the catalogue ends the job with its problems (trying again
    would not help); figures held by another writer raise, so the job tries again."""
    batch = ImportBatch.objects.select_related("board").get(pk=batch_id)
    if batch.status == ImportStatus.APPLIED:
        return {**batch.summary, "applied": True}
    user = get_user_model().objects.filter(pk=user_id).first()
    try:
        counts = import_apply(batch=batch, user=user)
    except FiguresBusy:
        raise
    except ValidationError as exc:
        if getattr(exc, "code", None) == "applying":  # a request applying it right now
            raise
        if getattr(exc, "code", None) == "applied":
            return {**ImportBatch.objects.get(pk=batch_id).summary, "applied": True}
        return {"refused": exc.messages[:20]}
    return {**counts, "applied": True}


@dataclass(frozen=True)
class ApplyProgress:
    finished: bool
    text: str  # "Applying: 4,000 of 17,040 figures", "Failed: try again"
    failed: bool = False
    reason: str = ""
    problems: tuple = ()  # the file no longer fits the catalogue
    seconds_left: int = 0  # before the page stops waiting

    def as_json(self) -> dict:
        return {"finished": self.finished, "failed": self.failed, "text": self.text,
                "seconds_left": self.seconds_left}  # fmt: skip


def apply_progress(batch: ImportBatch) -> ApplyProgress | None:
    """Where the batch's background apply stands; None when it has none (or is applied,
    which its own page shows). Bounded: a job overdue shows as failed."""
    if batch.job_id is None or batch.status == ImportStatus.APPLIED:
        return None
    state = job_status(batch.job_id)
    if state is None:  # deleted after two weeks: the batch was never applied
        return None
    if state.status == JobStatus.READY:
        result = state.result if isinstance(state.result, dict) else {}
        if result.get("refused"):
            return ApplyProgress(True, "Not applied", True, problems=tuple(result["refused"]))
        return ApplyProgress(True, "Applied")
    if state.status == JobStatus.FAILED or state.is_overdue:
        return ApplyProgress(True, FAILED_TEXT, True, reason=state.error)
    if state.progress_total:
        text = f"Applying: {state.progress_done or 0:,} of {state.progress_total:,} figures"
    elif state.status == JobStatus.RUNNING:
        text = f"Checking {len(batch.rows) - 1:,} rows against the stored figures"
    else:
        text = "Waiting to start"
    left = int((state.give_up_at - timezone.now()).total_seconds())
    return ApplyProgress(False, text, seconds_left=max(left, 1))


# A bulk API write of many figures (api/endpoints/datasets.py) is kept as a batch of its
# own, so that its rows wait in the database rather than in the job's message, and its
# problems, if any, are kept like a refused file's.
BULK_FILENAME = "Figures sent by the API"


def applies_bulk_in_background(rows: int) -> bool:
    return rows > settings.API_BULK_IN_BACKGROUND_ROWS


@transaction.atomic
def bulk_write_later(*, table: list[list[str]], board, user) -> Job:
    from ..tasks import apply_bulk_figures

    content = "\n".join(",".join(row) for row in table).encode()
    batch = ImportBatch.objects.create(
        board=board, filename=BULK_FILENAME, sha256=hashlib.sha256(content).hexdigest(),
        rows=table, uploaded_by=user,
    )  # fmt: skip
    job = enqueue(apply_bulk_figures, str(batch.pk), str(user.pk), board_id=board.pk)
    ImportBatch.objects.filter(pk=batch.pk).update(job=job)
    return job


def apply_bulk(batch_id, user_id) -> dict:
    """The job's work, safe to run twice (a batch applied or refused returns its answer).
    Rows with problems are refused all-or-nothing, as in the request; figures held by
    another writer raise FiguresBusy, so the job tries again shortly."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().select_related("board").get(pk=batch_id)
        if batch.status == ImportStatus.APPLIED:
            return batch.summary
        if batch.status == ImportStatus.REFUSED:
            return {"refused": len(batch.problems)}
        user = get_user_model().objects.filter(pk=user_id).first()
        preview = write_table(batch.rows, [batch.board], user=user, source=Source.API)
        if preview.errors:
            batch.status, batch.rows = ImportStatus.REFUSED, []
            batch.problems = [[e.row, e.column, e.message] for e in preview.errors]
            batch.summary = {"refused": len(preview.errors)}
        else:
            batch.status, batch.applied_at = ImportStatus.APPLIED, timezone.now()
            batch.summary = preview.counts
        batch.save()
    return batch.summary


def bulk_batch_of_job(board, job_id) -> ImportBatch | None:
    """The board's bulk write of that job: another board's job is not found."""
    try:
        return ImportBatch.objects.filter(board=board, job_id=job_id).first()
    except ValidationError:  # not a job id at all
        return None

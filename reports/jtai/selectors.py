"""Reads of the packs, through the board, and where a pack's job stands (what its page
shows and polls): every pack ends ready or failed within a bounded time."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from board.models import Board
from core.jobs.models import JobStatus
from core.jobs.selectors import job_state

from .models import JtaiPack, PackStatus

TOO_LONG = "It is taking much longer than it should."
STEPS_TEXT = {1: "Gathering the records", 2: "Making the PDF", 3: "Making the workbook"}


def packs(board: Board) -> QuerySet[JtaiPack]:
    return JtaiPack.objects.filter(board=board).select_related("requested_by", "job")


def pack_for(*, board: Board, pack_id) -> JtaiPack:
    """The board's pack; raises JtaiPack.DoesNotExist (a page's 404) for any other."""
    return packs(board).get(pk=pack_id)


@dataclass(frozen=True)
class PackProgress:
    outcome: str  # a PackStatus value
    text: str
    reason: str = ""
    seconds_left: int = 0

    @property
    def finished(self) -> bool:
        return self.outcome != PackStatus.WAITING

    def as_json(self) -> dict:
        return {"finished": self.finished, "outcome": self.outcome, "text": self.text,
                "seconds_left": self.seconds_left}  # fmt: skip


def pack_progress(pack: JtaiPack) -> PackProgress:
    if pack.status == PackStatus.READY:
        return PackProgress(PackStatus.READY, "Ready")
    if pack.status == PackStatus.FAILED or pack.job_id is None:
        return PackProgress(PackStatus.FAILED, "Failed: try again", pack.error)
    job = job_state(pack.job)
    if job.status in (JobStatus.FAILED, JobStatus.READY) or job.is_overdue:
        # Failed, or ended without storing the files, or outlived its time.
        return PackProgress(PackStatus.FAILED, "Failed: try again", job.error or TOO_LONG)
    text = STEPS_TEXT.get(job.progress_done or 0, "Waiting to start")
    if job.status == JobStatus.RUNNING and not job.progress_done:
        text = "Gathering the records"
    left = int((job.give_up_at - timezone.now()).total_seconds())
    return PackProgress(PackStatus.WAITING, text, seconds_left=max(left, 1))

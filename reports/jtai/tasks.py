"""Background work of the readiness pack: thin wrappers taking ids."""

from celery import shared_task

from board.scoping import for_board, scope
from core.jobs.models import Job

from .building import pack_build, pack_failed
from .models import JtaiPack


# A pack takes seconds; five minutes is a pack gone wrong (the job says so).
@shared_task(soft_time_limit=5 * 60, time_limit=6 * 60)
@for_board(JtaiPack)
def build_jtai_pack(pack_id: str) -> dict:
    """Build one pack's PDF and workbook and store them; returns its counts."""
    return pack_build(pack_id=pack_id).counts


def pack_job_failed(sender, job: Job, **kwargs) -> None:
    """core.jobs.signals.job_failed: the pack says so too ("Failed: try again")."""
    if job.task_name != build_jtai_pack.name or not job.args:
        return
    with scope(board=job.board_id):
        pack_failed(pack_id=job.args[0], reason=job.error)

"""Background work of the annual report: thin wrappers taking ids."""

from celery import shared_task

from board.scoping import for_board, scope
from core.jobs.models import Job

from .models import AnnualReport, ReportVersion
from .render_ahead import render_ahead, render_ahead_failed
from .rendering_job import version_failed, version_render


# Renders take seconds; five minutes is a report gone wrong (the job says so).
@shared_task(soft_time_limit=5 * 60, time_limit=6 * 60)
@for_board(ReportVersion)
def render_report_version(version_id: str) -> str:
    """Render one queued version to PDF and store it; returns its SHA-256."""
    return version_render(version_id=version_id).sha256


# One attempt: a render ahead that fails is made again by the next change or the click.
@shared_task(soft_time_limit=5 * 60, time_limit=6 * 60, max_attempts=1)
@for_board(AnnualReport)
def render_report_ahead(report_id: str) -> str:
    """Render an open report whose records changed, before anyone asks (render_ahead.py)."""
    return render_ahead(report_id=report_id)


def render_job_failed(sender, job: Job, **kwargs) -> None:
    """core.jobs.signals.job_failed: the version says so too ("Failed: try again")."""
    if job.task_name == render_report_ahead.name:
        with scope(board=job.board_id):
            render_ahead_failed(job)
    if job.task_name != render_report_version.name or not job.args:
        return
    with scope(board=job.board_id):
        version_failed(version_id=job.args[0], reason=job.error)

"""Background work of the annual report: thin wrappers taking ids."""

from celery import shared_task

from board.scoping import for_board

from .models import ReportVersion
from .versions import version_render


@shared_task
@for_board(ReportVersion)
def render_report_version(version_id: str) -> str:
    """Render one queued version to PDF and store it; returns its SHA-256."""
    return version_render(version_id=version_id).sha256

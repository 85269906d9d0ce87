"""Background work of the annual report: thin wrappers taking ids."""

from celery import shared_task

from .versions import version_render


@shared_task
def render_report_version(version_id: str) -> str:
    """Render one queued version to PDF and store it; returns its SHA-256."""
    return version_render(version_id=version_id).sha256

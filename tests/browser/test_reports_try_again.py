"""A render that failed: the manager opens its version, reads "Failed: try again" and
why, presses Try again, and the page waits (polling, static JS) until a real worker has
made the PDF, then offers it for download."""

import pytest
from django.utils import timezone

from core.jobs.models import Job, JobStatus
from reports.models import ReportVersion, VersionStatus
from reports.tasks import render_report_version
from reports.versions import current_inputs_hash
from tests.reports.factories import report_for
from tests.reports.test_worker import worker  # noqa: F401 - a real Celery worker
from tests.test_celery import needs_redis

pytestmark = pytest.mark.browser
LOST = "The worker stopped while running it. No attempt is left (it had 3)."


def failed_version(report) -> ReportVersion:
    """A version as the sweeper leaves it when every attempt of its render was lost."""
    job = Job.objects.create(
        task_name=render_report_version.name, board_id=report.board_id, attempts=3,
        status=JobStatus.FAILED, error=LOST, time_limit_seconds=300,
        expires_at=timezone.now(), finished_at=timezone.now(),
    )  # fmt: skip
    return ReportVersion.objects.create(
        board=report.board, report=report, number=1, status=VersionStatus.FAILED,
        report_state=report.state, inputs_hash=current_inputs_hash(report), job=job,
        error=LOST, finished_at=timezone.now(),
    )  # fmt: skip


@needs_redis
def test_the_manager_tries_a_failed_render_again_and_downloads_the_pdf(
    page,
    sign_in,
    board,
    manager,
    worker,  # noqa: F811
):
    version = failed_version(report_for(board))
    sign_in(manager)
    page.goto(f"/boards/{board.slug}/reports/2014-15/versions/{version.id}/")
    assert page.locator("#version-outcome").inner_text() == "Failed: try again"
    page.get_by_text("What went wrong").click()
    assert LOST in page.locator(".govuk-details__text").inner_text()

    page.get_by_role("button", name="Try again").click()
    page.get_by_role("link", name="Download the PDF").wait_for(timeout=60_000)
    assert page.locator("#version-outcome").inner_text() == "Ready"
    assert ReportVersion.objects.get().number == 1  # the same version, made this time

"""The database drops the worker's connection in the middle of a render, after the PDF is
made and before it is stored (pg_terminate_backend, as a failover or a restart does): the
attempt fails, its file is not left behind, and the job runs again and ends Ready."""

from django.db import connection

from core.jobs.models import Job, JobStatus
from tests.reports.factories import report_for

from .conftest import needs_real_services, renders, wait_for
from .reports import assert_one_ready_version_and_its_one_file, make_the_pdf, version_page

pytestmark = needs_real_services


def drop_every_other_connection() -> int:
    """End every session on the test database but this one: the worker's among them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return len(cursor.fetchall())


def test_a_render_whose_database_connection_drops_is_run_again_and_leaves_no_stray_file(
    board, manager, client_for, workers, render_log
):
    report_for(board)
    workers(pause=5, paused_renders=1)
    client = client_for(manager)
    version = make_the_pdf(client, board)
    assert wait_for(lambda: len(renders(render_log)) == 1)
    assert drop_every_other_connection() >= 1

    def attempts_and_status():
        job = Job.objects.get(pk=version.job_id)
        return job.attempts, job.status

    # The first attempt fails storing the PDF; the worker records that on a new
    # connection and sends the job again a few seconds later.
    assert wait_for(lambda: attempts_and_status()[0] == 2, 60)
    assert wait_for(lambda: Job.objects.get(pk=version.job_id).is_finished, 90)
    job = Job.objects.get(pk=version.job_id)
    assert (job.status, job.attempts, job.error) == (JobStatus.READY, 2, "")
    assert len(renders(render_log)) == 2
    assert_one_ready_version_and_its_one_file(version)
    assert "Ready" in version_page(client, version)

"""A real worker SIGKILLed in the middle of a render (what the OOM killer or a lost
machine does): the render is run again and the version ends Ready, with one version and
one PDF, however the worker died."""

import os
import signal

import pytest

from core.jobs.models import Job, JobStatus
from core.jobs.sweeper import sweep
from tests.reports.factories import report_for

from .conftest import needs_real_services, renders, wait_for
from .reports import assert_one_ready_version_and_its_one_file, make_the_pdf, version_page

pytestmark = needs_real_services


@pytest.fixture
def report(board):
    return report_for(board)


def test_the_whole_worker_killed_mid_render_then_started_again_makes_one_ready_version(
    report, board, manager, client_for, workers, render_log
):
    first = workers(pause=120)
    client = client_for(manager)
    version = make_the_pdf(client, board)
    assert wait_for(lambda: len(renders(render_log)) == 1)  # made, not yet stored
    job = Job.objects.get(pk=version.job_id)
    assert (job.status, job.attempts) == (JobStatus.RUNNING, 1)

    first.kill()
    workers()
    # Redis keeps the dead worker's message unacknowledged for its visibility timeout
    # (over half an hour); the sweeper sees that nobody holds the job's lock any more and sends
    # it again at once.
    assert wait_for(lambda: sweep()["recovered"] == 1, 20, every=1)
    assert wait_for(lambda: Job.objects.get(pk=job.pk).is_finished, 90)

    job.refresh_from_db()
    assert (job.status, job.attempts, job.error) == (JobStatus.READY, 2, "")
    assert len(renders(render_log)) == 2
    assert_one_ready_version_and_its_one_file(version)
    assert "Ready" in version_page(client, version)
    assert Job.objects.filter(task_name=job.task_name).count() == 1


def test_the_pool_process_killed_mid_render_is_run_again_by_its_worker(
    report, board, manager, client_for, workers, render_log
):
    workers(pause=120, paused_renders=1)
    client = client_for(manager)
    version = make_the_pdf(client, board)
    assert wait_for(lambda: len(renders(render_log)) == 1)
    os.kill(int(renders(render_log)[0]), signal.SIGKILL)  # the process rendering, alone

    # The worker's main process puts the message back (reject on worker lost) and a new
    # pool process takes it: no sweeper needed.
    assert wait_for(lambda: Job.objects.get(pk=version.job_id).is_finished, 90)
    job = Job.objects.get(pk=version.job_id)
    assert (job.status, job.attempts) == (JobStatus.READY, 2)
    first_pid, second_pid = renders(render_log)
    assert first_pid != second_pid
    assert_one_ready_version_and_its_one_file(version)
    assert "Ready" in version_page(client, version)

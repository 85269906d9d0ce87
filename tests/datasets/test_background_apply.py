"""A big import applied by a background job (core/jobs) on a real Celery worker and
Redis: the apply answers at once, the batch page shows how far the job has got, then the
result; a second click joins the running job; a failed job says "Failed: try again". A
small import is still applied in the request."""

import threading
from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.db import connections, transaction
from django.urls import reverse
from django.utils import timezone

from core.jobs import progress_writer
from core.jobs.models import Job, JobStatus
from core.jobs.running import _current_job, report_progress
from datasets.models import ImportBatch, ImportStatus, Observation
from datasets.services import imports
from datasets.services.imports import import_preview
from lscb.celery import app

from ..concurrency import wait_until
from .factories import HEADER, catalogue, csv_bytes
from .test_imports import GOOD, rows_for

needs_redis = pytest.mark.skipif(
    not settings.REDIS_URL, reason="needs REDIS_URL: a real worker needs a real broker"
)
DEDUPE = "datasets.import-apply:{}"


def quarter(board) -> bytes:
    """Five figures; the range needs its upper value."""
    rows = [[*row, "450" if row[-1] == "range" else ""] for row in GOOD]
    return csv_bytes(rows_for(board, rows), [*HEADER, "value_high"])


@pytest.fixture
def big_batch(transactional_db, board, manager, settings):
    """The quarter's file (five figures), counted as big: more rows than the setting."""
    settings.IMPORT_APPLY_IN_BACKGROUND_ROWS = 3
    catalogue(board)
    content = quarter(board)
    return import_preview(board=board, filename="q1.csv", content=content, user=manager)[1]


@pytest.fixture
def paused_after_first_step(monkeypatch):
    """The worker stops once it has written the first step of figures (two), until the
    test lets it go on: the moment a manager looks at the page of a big file applying."""
    monkeypatch.setattr(imports, "WRITE_STEP", 2)
    reached, go_on = threading.Event(), threading.Event()
    real = imports.report_progress

    def report_then_pause(done, total=None):
        real(done, total)
        if 0 < done < (total or 0):
            reached.set()
            go_on.wait(30)

    monkeypatch.setattr(imports, "report_progress", report_then_pause)
    yield reached, go_on
    go_on.set()


@pytest.fixture
def worker(transactional_db):
    app.control.purge()
    with start_worker(app, perform_ping_check=False, loglevel="WARNING") as worker:
        yield worker
    app.control.purge()


def url(name, batch) -> str:
    return reverse(f"datasets:{name}", kwargs={"board_slug": batch.board.slug, "pk": batch.pk})


@needs_redis
def test_a_big_import_applies_in_the_background_showing_progress_then_the_result(
    big_batch, paused_after_first_step, worker, client_for, manager
):
    reached, go_on = paused_after_first_step
    client = client_for(manager)
    answer = client.post(url("import-apply", big_batch))
    assert answer.status_code == 302 and answer.url == url("import-preview", big_batch)
    assert reached.wait(30), "the worker never started writing"

    status = client.get(url("import-progress", big_batch)).json()
    assert status["finished"] is False and status["seconds_left"] > 0
    assert status["text"] == "Applying: 2 of 5 figures"
    page = client.get(url("import-preview", big_batch)).content.decode()
    assert "Applying: 2 of 5 figures" in page and 'id="job-progress"' in page

    # A second click while it runs joins the running job: one job, one set of figures.
    assert client.post(url("import-apply", big_batch)).status_code == 302
    assert Job.objects.filter(dedupe_key=DEDUPE.format(big_batch.pk)).count() == 1

    go_on.set()
    job = Job.objects.get(dedupe_key=DEDUPE.format(big_batch.pk))
    wait_until(lambda: Job.objects.get(pk=job.pk).status == JobStatus.READY, "the job to end")
    job.refresh_from_db()
    assert (job.progress_done, job.progress_total) == (5, 5)
    assert client.get(url("import-progress", big_batch)).status_code == 404  # no more polling
    page = client.get(url("import-preview", big_batch)).content.decode()
    assert "This file has been imported" in page
    assert "5 new, 0 changed, 0 unchanged" in page
    assert Observation.objects.filter(board=big_batch.board).count() == 5
    assert ImportBatch.objects.get(pk=big_batch.pk).status == ImportStatus.APPLIED


@needs_redis
def test_a_second_click_joins_the_waiting_job(big_batch, client_for, manager):
    client = client_for(manager)
    for _ in range(2):
        assert client.post(url("import-apply", big_batch)).status_code == 302
    jobs = Job.objects.filter(dedupe_key=DEDUPE.format(big_batch.pk))
    assert jobs.count() == 1
    assert ImportBatch.objects.get(pk=big_batch.pk).job_id == jobs.get().pk
    page = client.get(url("import-preview", big_batch)).content.decode()
    assert "Waiting to start" in page
    assert Observation.objects.filter(board=big_batch.board).count() == 0
    app.control.purge()


def test_a_small_import_is_applied_in_the_request(transactional_db, board, manager, client_for):
    catalogue(board)
    content = quarter(board)
    batch = import_preview(board=board, filename="q1.csv", content=content, user=manager)[1]
    answer = client_for(manager).post(url("import-apply", batch), follow=True)
    assert "Imported q1.csv: 5 new, 0 changed, 0 unchanged" in answer.content.decode()
    batch.refresh_from_db()
    assert batch.status == ImportStatus.APPLIED and batch.job_id is None
    assert not Job.objects.filter(dedupe_key=DEDUPE.format(batch.pk)).exists()


def test_a_failed_background_apply_says_failed_try_again(big_batch, client_for, manager):
    client = client_for(manager)
    client.post(url("import-apply", big_batch))
    big_batch.refresh_from_db()
    Job.objects.filter(pk=big_batch.job_id).update(
        status=JobStatus.FAILED, error="The worker stopped.", finished_at=timezone.now()
    )
    page = client.get(url("import-preview", big_batch)).content.decode()
    assert "Failed: try again" in page and "The worker stopped." in page
    assert 'id="try-again"' in page
    assert client.get(url("import-progress", big_batch)).json()["finished"] is True

    client.post(url("import-apply", big_batch))  # trying again queues a new job
    assert Job.objects.filter(dedupe_key=DEDUPE.format(big_batch.pk)).count() == 2
    assert "Waiting to start" in client.get(url("import-preview", big_batch)).content.decode()
    app.control.purge()


def test_a_job_overdue_shows_as_failed(big_batch, client_for, manager):
    client = client_for(manager)
    client.post(url("import-apply", big_batch))
    big_batch.refresh_from_db()
    Job.objects.filter(pk=big_batch.job_id).update(expires_at=timezone.now() - timedelta(hours=1))
    assert "Failed: try again" in client.get(url("import-preview", big_batch)).content.decode()
    app.control.purge()


def test_progress_of_a_batch_not_applying_or_of_another_board_is_not_found(
    big_batch, other_board, other_board_manager, client_for, manager
):
    assert client_for(manager).get(url("import-progress", big_batch)).status_code == 404
    client_for(manager).post(url("import-apply", big_batch))
    other = client_for(other_board_manager)
    foreign = reverse("datasets:import-progress",
                      kwargs={"board_slug": other_board.slug, "pk": big_batch.pk})  # fmt: skip
    assert other.get(foreign).status_code == 404
    app.control.purge()


def test_progress_is_seen_by_the_page_while_the_jobs_transaction_is_open(transactional_db):
    job = Job.objects.create(task_name="t", time_limit_seconds=60,
                             expires_at=timezone.now() + timedelta(hours=1))  # fmt: skip
    token = _current_job.set(job.pk)
    page = connections.create_connection("default")  # the page's request, elsewhere
    try:
        with transaction.atomic():
            report_progress(4000, 17040)
            with page.cursor() as cursor:
                cursor.execute(
                    "SELECT progress_done, progress_total FROM jobs_job WHERE id = %s", [job.pk]
                )
                assert cursor.fetchone() == (4000, 17040)
    finally:
        _current_job.reset(token)
        page.close()
        progress_writer.close_own_connection()  # this thread is not a worker's: let it go

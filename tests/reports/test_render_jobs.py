"""A report render as a durable job: one render per inputs at a time, a waiting page that
ends in "Ready" or "Failed: try again", and no PDF left without its version."""

import threading
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone
from django_scopes import scope

from core.jobs.models import Job, JobStatus
from core.jobs.sweeper import sweep
from reports.models import ReportVersion, VersionStatus
from reports.rendering_job import version_render
from reports.versions import version_request

from .factories import report_for
from .test_views import url


def version_url(board, version, name="version"):
    return url(board, name, year="2014-15", version_id=version.id)


def test_a_second_click_while_the_first_is_waiting_joins_it(board, manager, client_for):
    report_for(board)
    client = client_for(manager)
    first = client.post(url(board, "render", year="2014-15"))
    second = client.post(url(board, "render", year="2014-15"), follow=True)
    version = ReportVersion.objects.get()
    assert first.url == version_url(board, version)
    assert second.redirect_chain[-1][0] == version_url(board, version)
    assert "Version 1 is already being made from the same records." in second.content.decode()
    assert Job.objects.count() == 1 and version.job.status == JobStatus.WAITING


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers")
def test_two_clicks_at_the_same_moment_make_one_version(transactional_db, board, manager):
    report = report_for(board)
    answers, start = [], threading.Barrier(2)

    def click():  # as a request does, in the board's scope
        start.wait(10)
        try:
            with scope(board=board):
                answers.append(version_request(report=report, by=manager)[1])
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(answers) == ["joined", "queued"]
    assert ReportVersion.objects.count() == 1 and Job.objects.count() == 1


def test_a_version_whose_job_failed_says_so_and_can_be_tried_again(board, manager, client_for):
    report_for(board)
    client = client_for(manager)
    client.post(url(board, "render", year="2014-15"))
    version = ReportVersion.objects.get()
    leftover = f"reports/{board.id}/{version.report_id}/1-0123456789abcdef.pdf"
    default_storage.save(leftover, ContentFile(b"%PDF half"))  # from an attempt killed
    long_ago = timezone.now() - timedelta(hours=1)
    Job.objects.filter(pk=version.job_id).update(
        status=JobStatus.RUNNING, attempts=3, started_at=long_ago, deadline=long_ago
    )
    sweep()  # its worker is gone (on SQLite: its time is up), and it had no attempt left

    version.refresh_from_db()
    assert version.status == VersionStatus.FAILED
    assert version.error.endswith("No attempt is left (it had 3).")
    assert not default_storage.exists(leftover)
    page = client.get(version_url(board, version)).content.decode()
    assert "Failed: try again" in page and 'id="try-again"' in page
    assert "No attempt is left (it had 3)." in page
    assert client.get(version_url(board, version, "version-status")).json()["finished"] is True

    again = client.post(version_url(board, version, "version-try-again"))
    assert again.url == version_url(board, version)
    version.refresh_from_db()
    assert version.status == VersionStatus.QUEUED and version.error == ""
    assert version.job.status == JobStatus.WAITING and version.job.attempts == 0
    assert ReportVersion.objects.count() == 1 and Job.objects.count() == 2


def test_a_version_whose_job_outlived_its_time_shows_failed_and_stops_the_poll(
    board, manager, client_for
):
    report_for(board)
    client = client_for(manager)
    client.post(url(board, "render", year="2014-15"))
    version = ReportVersion.objects.get()
    status = client.get(version_url(board, version, "version-status")).json()
    assert status["finished"] is False and status["seconds_left"] > 0
    # Nothing ended it (no sweeper running): the page stops waiting all the same.
    Job.objects.filter(pk=version.job_id).update(expires_at=timezone.now() - timedelta(hours=1))
    status = client.get(version_url(board, version, "version-status")).json()
    assert (status["finished"], status["outcome"]) == (True, "failed")
    assert "Failed: try again" in client.get(version_url(board, version)).content.decode()
    # "Make the PDF" again does not join the dead render: a new version is made.
    client.post(url(board, "render", year="2014-15"))
    assert list(ReportVersion.objects.values_list("number", "status")) == [
        (2, VersionStatus.QUEUED), (1, VersionStatus.FAILED)
    ]  # fmt: skip


def test_try_again_on_a_ready_version_or_another_boards_changes_nothing(
    board, other_board, manager, client_for
):
    report_for(board)
    client = client_for(manager)
    client.post(url(board, "render", year="2014-15"))
    version = version_render(version_id=ReportVersion.objects.get().id)
    again = client.post(version_url(board, version, "version-try-again"))
    assert again.url == version_url(board, version)
    assert ReportVersion.objects.get().status == VersionStatus.DONE and Job.objects.count() == 1
    assert client.get(version_url(board, version, "version-try-again")).status_code == 405
    theirs = report_for(other_board)
    elsewhere = url(other_board, "version-try-again", year="2014-15", version_id=version.id)
    assert client.post(elsewhere).status_code == 404
    assert theirs.versions.count() == 0


def test_a_render_sent_twice_stores_one_file(board, manager, client_for):
    report_for(board)
    client_for(manager).post(url(board, "render", year="2014-15"))
    version = ReportVersion.objects.get()
    stray = f"reports/{board.id}/{version.report_id}/1-fedcba9876543210.pdf"
    default_storage.save(stray, ContentFile(b"%PDF half"))
    first = version_render(version_id=version.id)
    second = version_render(version_id=version.id)  # the job sent again: already done
    assert second.file_name == first.file_name and second.sha256 == first.sha256
    folder = Path(settings.MEDIA_ROOT) / "reports" / str(board.id) / str(version.report_id)
    assert [f.name for f in folder.glob("*.pdf")] == [Path(first.file_name).name]

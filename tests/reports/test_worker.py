"""Rendering runs on a real Celery worker (as in tests/test_celery.py), and from the
command line."""

import pytest
from django.core.management import CommandError, call_command

from board.models import Role
from core.pdf_parts import split
from lscb.celery import app
from reports.models import ReportVersion, VersionStatus
from reports.rendering import gather_all, render_html, render_pdf
from reports.rendering_job import version_bytes
from reports.versions import version_request
from tests.factories import BoardFactory, user_with_role
from tests.test_celery import needs_redis, wait_for

from .factories import pdf_pages, report_for


@pytest.fixture
def worker(transactional_db):
    from celery.contrib.testing.worker import start_worker

    app.control.purge()  # tasks queued by other tests' data that no longer exists
    with start_worker(app, perform_ping_check=False, loglevel="WARNING") as worker:
        yield worker


@needs_redis
def test_a_real_worker_renders_the_report_after_commit(worker):
    board = BoardFactory()
    manager = user_with_role(board, Role.BOARD_MANAGER)
    report = report_for(board)
    version, how = version_request(report=report, by=manager)
    assert how == "queued"

    def finished():
        return ReportVersion.objects.get(pk=version.pk).is_finished

    assert wait_for(finished, seconds=60)
    version.refresh_from_db()
    assert version.status == VersionStatus.DONE, version.error
    assert version.pages > 1


@needs_redis
def test_a_real_worker_renders_a_long_report_in_parts_as_one_process_would(worker, settings):
    # The worker's task runs in a thread beside this one: the parts are forked from a
    # process with other threads, as in the embedded default and a threaded server.
    settings.PDF_PARTS_FROM_CHARS = 0  # any report is long enough to be cut
    board = BoardFactory()
    manager = user_with_role(board, Role.BOARD_MANAGER)
    report = report_for(board)
    assert len(split(render_html(report, gather_all(report)), settings.PDF_RENDER_PARTS)) == 4
    version, _ = version_request(report=report, by=manager)
    assert wait_for(lambda: ReportVersion.objects.get(pk=version.pk).is_finished, seconds=60)
    version.refresh_from_db()
    assert version.status == VersionStatus.DONE, version.error
    settings.PDF_RENDER_PARTS = 1
    one_process, pages, _ = render_pdf(report)
    assert version.pages == pages
    assert pdf_pages(version_bytes(version)) == pdf_pages(one_process)


def test_the_command_writes_the_pdf_and_reuses_an_unchanged_render(board, tmp_path, capsys):
    report_for(board, Introduction_from_the_independent_chair="From the command line.")
    out = tmp_path / "report.pdf"
    call_command("render_annual_report", board=board.slug, year="2014-15", output=str(out))
    assert "rendered" in capsys.readouterr().out
    assert "From the command line." in "\n".join(pdf_pages(out.read_bytes()))
    call_command("render_annual_report", board=board.slug, year="2014/15", output=str(out))
    assert "reused" in capsys.readouterr().out
    assert ReportVersion.objects.count() == 1
    with pytest.raises(CommandError):
        call_command("render_annual_report", board=board.slug, year="2013-14", output=str(out))

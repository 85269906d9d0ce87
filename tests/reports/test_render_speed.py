"""What makes "Make the PDF" quick: one gather per render, the "unchanged" answer from the
board's change marker (no gather), a render made ahead of the click as records change
(debounced: many changes, one job), and the training summary added up by PostgreSQL."""

import datetime

import pytest
from django.test import override_settings

from board.models import AuditEntry, Course, CourseLevel, Delivery, TrainingSession
from board.selectors.training import year_summary
from board.services.training import attendance_record
from core.jobs.models import Job, JobStatus
from reports import render_ahead, rendering, rendering_job
from reports.changes import change_marker
from reports.models import Acronym, ReportState, ReportVersion, VersionStatus
from reports.render_ahead import dedupe_key
from reports.rendering_job import version_render
from reports.tasks import render_report_ahead
from reports.versions import version_request
from tests.factories import AgencyFactory, BoardFactory

from .factories import YEAR, acronyms, report_for


@pytest.fixture
def counted(monkeypatch):
    """How many times the report is gathered and rendered (our own functions, wrapped)."""
    calls = {"gather": 0, "render": 0}

    def counting(name, function):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return function(*args, **kwargs)

        return wrapper

    for module in (rendering_job, render_ahead):
        monkeypatch.setattr(module, "gather_all", counting("gather", rendering.gather_all))
    monkeypatch.setattr(rendering_job, "report_pdf", counting("render", rendering.report_pdf))
    return calls


def rename_a_section(report, title="Our year") -> None:
    section = report.sections.exclude(section_type="contents").first()
    section.title = title
    section.save()  # audited, as every edit through the app is


def test_a_fresh_render_gathers_the_report_once(board, manager, counted):
    report = report_for(board)
    version, how = version_request(report=report, by=manager)
    assert how == "queued" and counted["gather"] == 0  # the request reads the marker only
    version = version_render(version_id=version.pk)
    assert version.status == VersionStatus.DONE
    assert counted == {"gather": 1, "render": 1}
    assert version.inputs_hash == rendering.inputs_hash(report, rendering.gather_all(report))


def test_unchanged_records_are_answered_from_the_marker_without_a_gather(
    board, manager, counted, django_assert_max_num_queries
):
    report = report_for(board)
    version = version_render(version_id=version_request(report=report, by=manager)[0].pk)
    with django_assert_max_num_queries(6):
        again, how = version_request(report=report, by=manager)
    assert (again, how) == (version, "reused")
    assert counted["gather"] == 1  # the first render's, and no other


def test_a_changed_record_is_seen_as_a_change(board, manager):
    report = report_for(board)
    version = version_render(version_id=version_request(report=report, by=manager)[0].pk)
    before = change_marker(report)
    assert version.changes_marker == before
    rename_a_section(report)
    assert change_marker(report) != before
    new, how = version_request(report=report, by=manager)
    assert how == "queued" and new.number == 2
    new = version_render(version_id=new.pk)
    assert new.inputs_hash != version.inputs_hash
    assert new.sha256 != version.sha256


def test_a_new_record_and_a_deleted_one_are_changes_too(board):
    report = report_for(board)
    acronyms(board)
    before = change_marker(report)
    AgencyFactory(board=board)
    after_create = change_marker(report)
    Acronym.objects.filter(board=board).first().delete()
    assert len({before, after_create, change_marker(report)}) == 3


def test_the_marker_ignores_the_renders_own_writes_and_other_boards(board, manager):
    report = report_for(board)
    before = change_marker(report)
    version_render(version_id=version_request(report=report, by=manager)[0].pk)
    assert AuditEntry.objects.filter(board=board, object_pk__isnull=False).exists()
    assert change_marker(report) == before  # the version's own audit entries
    report_for(BoardFactory())  # another board's records
    assert change_marker(report) == before
    assert change_marker(report, today=datetime.date(2030, 1, 1)) != before


def test_a_change_the_report_does_not_show_stores_the_same_pdf_without_rendering(
    board, manager, counted
):
    report = report_for(board)
    first = version_render(version_id=version_request(report=report, by=manager)[0].pk)
    AgencyFactory(board=board)  # on the board, but in no section of this report
    second, how = version_request(report=report, by=manager)
    assert how == "queued"
    second = version_render(version_id=second.pk)
    assert counted == {"gather": 2, "render": 1}
    assert (second.status, second.sha256, second.file_name) == (
        VersionStatus.DONE, first.sha256, first.file_name
    )  # fmt: skip
    assert version_request(report=report, by=manager) == (second, "reused")


# Turned on once the report is made: its making, in the test's one transaction, would
# otherwise have registered the board's callback already.
ahead = override_settings(REPORTS_RENDER_AHEAD=True, REPORTS_RENDER_AHEAD_SECONDS=30)


def test_many_changes_make_one_render_ahead_job_that_ends_ready(
    board, manager, counted, django_capture_on_commit_callbacks
):
    report = report_for(board)
    with ahead, django_capture_on_commit_callbacks(execute=True) as callbacks:
        for n in range(5):  # one request saving five records
            rename_a_section(report, f"Title {n}")
    assert len(callbacks) == 2  # one for the board's changes, one sending its job
    for n in range(3):  # three more requests while the job waits for its delay
        with ahead, django_capture_on_commit_callbacks(execute=True):
            rename_a_section(report, f"Again {n}")
    job = Job.objects.get(dedupe_key=dedupe_key(report.pk))
    assert job.status == JobStatus.WAITING and job.board_id == board.pk
    assert counted["gather"] == 0  # nothing rendered per change

    render_report_ahead.apply(args=[str(report.pk)], task_id=str(job.pk))  # as a worker

    job.refresh_from_db()
    assert job.status == JobStatus.READY, job.error
    assert job.result == "rendered version 1"
    version = ReportVersion.objects.get(report=report)
    assert (version.status, version.requested_by, version.job_id) == (
        VersionStatus.DONE, None, job.pk
    )  # fmt: skip
    assert counted == {"gather": 1, "render": 1}
    assert version_request(report=report, by=manager) == (version, "reused")  # the click


def test_a_render_ahead_of_unchanged_inputs_only_moves_the_marker(
    board, manager, counted, django_capture_on_commit_callbacks
):
    report = report_for(board)
    version = version_render(version_id=version_request(report=report, by=manager)[0].pk)
    with ahead, django_capture_on_commit_callbacks(execute=True):
        AgencyFactory(board=board)  # not shown in this report
    job = Job.objects.get(dedupe_key=dedupe_key(report.pk))
    render_report_ahead.apply(args=[str(report.pk)], task_id=str(job.pk))
    job.refresh_from_db()
    assert job.result == "unchanged: version 1"
    assert ReportVersion.objects.count() == 1 and counted["render"] == 1
    assert version_request(report=report, by=manager) == (version, "reused")


def test_approved_reports_are_not_rendered_ahead(board, django_capture_on_commit_callbacks):
    report = report_for(board)
    report.state = ReportState.APPROVED
    report.save()
    with ahead, django_capture_on_commit_callbacks(execute=True):
        rename_a_section(report)
    assert not Job.objects.filter(dedupe_key=dedupe_key(report.pk)).exists()


def test_no_render_ahead_where_it_is_off(board, django_capture_on_commit_callbacks):
    report = report_for(board)  # the test settings turn it off
    with django_capture_on_commit_callbacks(execute=True):
        rename_a_section(report)
    assert not Job.objects.exists()


def training_year(board, courses: int, sessions_per_course: int, agencies: int) -> None:
    partners = [AgencyFactory(board=board) for _ in range(agencies)]
    for c in range(courses):
        course = Course.objects.create(
            board=board, title=f"Course {c}", level=CourseLevel.LEVEL_1,
            delivery=Delivery.FACE_TO_FACE,
        )  # fmt: skip
        for s in range(sessions_per_course):
            session = TrainingSession.objects.create(
                board=board, course=course, date=datetime.date(2014, 5, 1 + s), place="Hall"
            )
            for agency in partners:
                attendance_record(board=board, session=session, agency=agency, attendees=2)


@pytest.mark.parametrize(("courses", "sessions", "agencies"), [(1, 1, 1), (6, 5, 4)])
def test_the_training_summary_takes_four_queries_whatever_its_size(
    board, courses, sessions, agencies, django_assert_num_queries
):
    training_year(board, courses, sessions, agencies)
    with django_assert_num_queries(4):
        summary = year_summary(board, YEAR)
    assert summary.total == 2 * courses * sessions * agencies
    assert [row.sessions for row in summary.rows] == [sessions] * courses

"""The report's selectors answered with a board and a person, and no request: run as a
task runs them (in the board's scope, nothing else at hand), they give the pages' answers."""

from contextlib import contextmanager

import pytest

from board.access import access_for
from board.scoping import scope, unscoped
from reports import selectors
from reports.models import AnnualReport, ReportState, ReportVersion

from .factories import report_for


@contextmanager
def as_a_task(board):
    """What a task has: scoping on, the board's scope open, and no request."""
    with unscoped(), scope(board=board):
        yield


def a_version(report, state: str) -> ReportVersion:
    number = report.versions.count() + 1
    return ReportVersion.objects.create(
        board=report.board, report=report, number=number, report_state=state
    )


def test_a_draft_version_is_read_by_the_chair_and_not_by_a_viewer(board, chair, viewer):
    report = report_for(board)
    draft = a_version(report, ReportState.DRAFTING)
    published = a_version(report, ReportState.PUBLISHED)
    with as_a_task(board):
        for_chair, for_viewer = access_for(chair, board), access_for(viewer, board)
        found = selectors.version_for(board=board, report=report, version_id=draft.pk)
        assert selectors.reads_version(access=for_chair, version=found)
        assert not selectors.reads_version(access=for_viewer, version=found)
        assert set(selectors.versions_visible(access=for_chair, report=report)) == {
            draft,
            published,
        }
        assert list(selectors.versions_visible(access=for_viewer, report=report)) == [published]


def test_a_manager_of_another_board_reads_none_of_this_boards_versions(
    board, other_board_manager, other_board
):
    published = a_version(report_for(board), ReportState.PUBLISHED)
    elsewhere = access_for(other_board_manager, other_board)
    assert not selectors.reads_version(access=elsewhere, version=published)
    assert not selectors.readable_versions(access=elsewhere, versions=ReportVersion.objects.all())


@pytest.mark.parametrize("year", ["2015-16", "2014-1x", ""])
def test_a_year_with_no_report_or_no_year_at_all_is_not_found(board, year):
    report_for(board)
    with as_a_task(board), pytest.raises(AnnualReport.DoesNotExist):
        selectors.report_for(board=board, year=year)


def test_another_boards_report_is_not_found_through_this_board(board, other_board):
    report_for(other_board)
    with pytest.raises(AnnualReport.DoesNotExist):
        selectors.report_for(board=board, year="2014-15")


def test_an_author_writes_their_own_section_and_reads_the_draft_report(
    board, manager, board_member, lay_member
):
    report = report_for(board)
    section = report.sections.first()
    section.author = board_member
    section.save()
    with as_a_task(board):
        found = selectors.report_for(board=board, year="2014-15")
        author, other = access_for(board_member, board), access_for(lay_member, board)
        assert selectors.may_write(access=author, section=section)
        assert selectors.reads_report(access=author, report=found)
        assert not selectors.may_write(access=other, section=section)
        assert not selectors.reads_report(access=other, report=found)
        assert selectors.may_write(access=access_for(manager, board), section=section)

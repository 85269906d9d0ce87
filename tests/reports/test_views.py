"""The report's pages: assembling, bad input, locking, versions and downloads."""

import pytest
from django.urls import reverse

from reports.models import ReportState, ReportVersion, Section
from reports.rendering_job import version_render

from .factories import report_for


def url(board, name, **kwargs):
    return reverse(f"reports:{name}", kwargs={"board_slug": board.slug, **kwargs})


def test_the_manager_copies_a_template_and_reorders_retitles_and_removes_sections(
    board, manager, client_for
):
    client = client_for(manager)
    response = client.post(
        url(board, "template-copy-builtin", key="short-review"), {"name": "Our report"}
    )
    template = board.reports_reporttemplate_set.get()
    assert response.url == url(board, "template", template_id=template.id)
    first, second = template.sections.all()[:2]
    client.post(url(board, "section-move", section_id=second.id), {"direction": "up"})
    assert list(template.sections.all()[:2]) == [second, first]
    client.post(url(board, "section-edit", section_id=first.id), {"title": "Welcome"})
    first.refresh_from_db()
    assert first.title == "Welcome"
    client.post(url(board, "section-remove", section_id=first.id))
    assert not Section.objects.filter(pk=first.pk).exists()
    response = client.post(
        url(board, "template-section-add", template_id=template.id),
        {"section_type": "glossary", "title": "Acronyms"},
    )
    assert template.sections.last().title == "Acronyms"


@pytest.mark.parametrize(
    "data, error",
    [({"section_type": "nonsense", "title": "X"}, "Select a valid choice"),
     ({"section_type": "glossary", "title": ""}, "Enter the section&#x27;s title")],
)  # fmt: skip
def test_adding_a_section_with_bad_input_says_what_is_wrong(
    board, manager, client_for, data, error
):
    report = report_for(board)
    count = report.sections.count()
    response = client_for(manager).post(url(board, "report-section-add", year="2014-15"), data)
    assert response.status_code == 200 and error in response.content.decode()
    assert report.sections.count() == count


def test_a_second_report_for_the_same_year_or_a_bad_year_is_refused(board, manager, client_for):
    report = report_for(board)
    template = board.reports_reporttemplate_set.get()
    client = client_for(manager)
    for year, error in [("2014-15", "already has a report"), ("2014-16", "such as 2014-15")]:
        response = client.post(url(board, "report-create"), {"year": year, "template": template.id})
        assert error in response.content.decode()
    assert board.reports_annualreport_set.get() == report


def test_another_boards_template_cannot_be_chosen(board, other_board, manager, client_for):
    from reports.services import template_copy_builtin

    theirs = template_copy_builtin(board=other_board, key="short-review")
    response = client_for(manager).post(
        url(board, "report-create"), {"year": "2014-15", "template": theirs.id}
    )
    assert "Choose a template" in response.content.decode()


def test_the_author_writes_their_section_and_nobody_else_can(
    board, manager, subgroup_chair, board_member, client_for
):
    report = report_for(board)
    section = report.sections.get(section_type="strengths")
    client_for(manager).post(
        url(board, "section-edit", section_id=section.id),
        {"title": section.title, "author": subgroup_chair.id, "narrative": ""},
    )
    write = url(board, "section-write", section_id=section.id)
    response = client_for(subgroup_chair).post(write, {"narrative": "## Early help\n+ Good"})
    assert response.status_code == 302
    preview = client_for(subgroup_chair).get(url(board, "section-preview", section_id=section.id))
    assert "Early help" in preview.content.decode()
    assert client_for(board_member).post(write, {"narrative": "Mine"}).status_code == 403
    # The author sees the draft report with only their section.
    page = client_for(subgroup_chair).get(url(board, "report", year="2014-15"))
    assert page.status_code == 200 and "Preview" in page.content.decode()


def test_an_approved_report_is_locked(board, manager, client_for):
    report = report_for(board)
    report.state = ReportState.APPROVED
    report.save()
    section = report.sections.first()
    client = client_for(manager)
    response = client.post(url(board, "section-write", section_id=section.id), {"narrative": "x"})
    assert response.status_code == 403
    # Removal is no longer offered; reached all the same, it changes nothing and says why
    # (tests/reports/test_locked_report.py).
    response = client.post(url(board, "section-remove", section_id=section.id))
    assert response.status_code == 302
    assert Section.objects.filter(pk=section.pk).exists()


def test_a_render_with_nothing_changed_returns_the_stored_version(board, manager, client_for):
    report = report_for(board)
    client = client_for(manager)
    first = client.post(url(board, "render", year="2014-15"))
    version = ReportVersion.objects.get()
    assert first.url == url(board, "version", year="2014-15", version_id=version.id)
    # The worker's part (on_commit does not fire inside a test's transaction).
    version_render(version_id=version.id)
    version.refresh_from_db()
    assert version.status == "done" and len(version.sha256) == 64 and version.pages > 1
    assert version.report_state == ReportState.DRAFTING and version.requested_by == manager
    again = client.post(url(board, "render", year="2014-15"))
    assert again.url == first.url and ReportVersion.objects.count() == 1
    download = client.get(url(board, "version-download", year="2014-15", version_id=version.id))
    body = b"".join(download.streaming_content)
    assert download["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")
    section = report.sections.filter(section_type="narrative").first()
    section.narrative = "New words."
    section.save()  # as the app saves it: audited, so the change marker sees it
    client.post(url(board, "render", year="2014-15"))
    assert ReportVersion.objects.count() == 2


def test_other_roles_download_published_versions_only(board, manager, board_member, client_for):
    report = report_for(board)
    client_for(manager).post(url(board, "render", year="2014-15"))
    version = version_render(version_id=ReportVersion.objects.get().id)
    download = url(board, "version-download", year="2014-15", version_id=version.id)
    assert client_for(board_member).get(download).status_code == 403
    report.state = ReportState.PUBLISHED
    report.save()
    assert client_for(board_member).get(download).status_code == 403  # a draft's version
    ReportVersion.objects.filter(pk=version.pk).update(report_state=ReportState.PUBLISHED)
    assert client_for(board_member).get(download).status_code == 200


def test_the_waiting_page_works_without_javascript(board, manager, client_for):
    report_for(board)
    client = client_for(manager)
    client.post(url(board, "render", year="2014-15"))
    version = ReportVersion.objects.get()
    page = client.get(url(board, "version", year="2014-15", version_id=version.id)).content
    assert b"Check again" in page and b"http-equiv" not in page and b"<script>" not in page
    status = client.get(url(board, "version-status", year="2014-15", version_id=version.id))
    answer = status.json()
    assert (answer["status"], answer["label"], answer["finished"]) == (
        "queued",
        "Waiting to start",
        False,
    )
    assert 0 < answer["seconds_left"] <= 60 * 60  # the page stops waiting, within the hour


def test_a_bad_year_or_another_boards_section_is_not_found(board, other_board, manager, client_for):
    theirs = report_for(other_board).sections.first()
    client = client_for(manager)
    assert client.get(url(board, "report", year="nonsense")).status_code == 404
    assert client.get(url(board, "section-edit", section_id=theirs.id)).status_code == 404

"""Checks that can be worked through (issue 18's Done-when): the chair asks to approve and
sees what remains and who can clear it; the manager accepts three problems with one
reason (after leaving the reason out once) and fixes the fourth through its link; the
chair approves after a confirmation and downloads the PDF. A four-section report keeps
it quick."""

import re

import pytest
from pypdf import PdfReader

from reports import services
from reports.models import AnnualReport, ReportState, ReportTemplate
from tests.reports.factories import YEAR
from tests.reports.test_worker import worker  # noqa: F401 - a real Celery worker
from tests.test_celery import needs_redis

pytestmark = pytest.mark.browser
INTRO = "Introduction from the independent chair"
EMPTY = "Accept: The section has no content."


def report_in_review(board) -> AnnualReport:
    """An introduction with a draft note, and three sections with nothing to print."""
    template = ReportTemplate.objects.create(board=board, name="Short")
    report = services.report_create(board=board, year=YEAR, template=template)
    for section_type, title in [
        ("narrative", INTRO),
        ("calendar", "Meeting calendar"),
        ("priorities", "Priorities"),
        ("glossary", "Glossary"),
    ]:
        services.section_add(owner=report, section_type=section_type, title=title)
    services.section_update(section=report.sections.get(title=INTRO),
                            narrative="A year of progress. Figures TBC.")  # fmt: skip
    report.state = ReportState.IN_REVIEW
    report.save()
    return report


@needs_redis
def test_the_chair_asks_the_manager_clears_and_the_chair_approves_and_downloads(
    page,
    sign_in,
    board,
    manager,
    chair,
    worker,  # noqa: F811
):
    report_in_review(board)
    report_page = f"/boards/{board.slug}/reports/2014-15/"

    sign_in(chair)
    page.goto(report_page)
    page.get_by_role("button", name="Record the board's approval").click()
    assert page.get_by_role("heading", level=1).inner_text() == "The report cannot be approved yet"
    remaining = page.locator("#remaining").inner_text()
    assert "4 consistency problems are still to be resolved" in page.inner_text("main")
    assert "Contains a 'to be confirmed' note" in remaining
    assert "The board manager can change the text, or accept it with a reason." in remaining
    assert AnnualReport.objects.get(board=board).state == ReportState.IN_REVIEW

    sign_in(manager)
    page.goto(report_page + "checks/")
    boxes = page.get_by_role("checkbox", name=EMPTY)
    assert boxes.count() == 3
    for box in boxes.all():
        box.check()
    page.get_by_role("button", name="Accept the chosen problems").click()
    summary = page.locator(".govuk-error-summary")
    assert "Enter why the 3 problems you chose can be accepted" in summary.inner_text()
    assert all(box.is_checked() for box in page.get_by_role("checkbox", name=EMPTY).all())
    page.get_by_label("Why the problems you chose are acceptable").fill(
        "Nothing of this kind in 2014/15: agreed at the board meeting"
    )
    page.get_by_role("button", name="Accept the chosen problems").click()
    assert "3 problems accepted" in page.locator(".govuk-notification-banner").inner_text()

    page.get_by_role("link", name=re.compile(f"Change the text of “{INTRO}”")).click()
    page.get_by_label("Text").fill("A year of progress.")
    page.get_by_role("button", name="Save text").click()
    page.goto(report_page + "checks/")
    assert page.locator("#no-problems").is_visible()

    sign_in(chair)
    page.goto(report_page)
    page.get_by_role("button", name="Record the board's approval").click()
    assert "Once approved, the report is locked" in page.inner_text("main")
    assert AnnualReport.objects.get(board=board).state == ReportState.IN_REVIEW
    page.get_by_role("button", name="Record the board's approval").click()
    assert page.locator("#report-state").inner_text() == "Approved by the board"
    assert "its sections are locked" in page.inner_text("main")

    page.get_by_role("button", name="Make the PDF").click()
    page.get_by_role("link", name="Download the PDF").wait_for(timeout=60_000)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    text = "\n".join(p.extract_text() for p in PdfReader(download.value.path()).pages)
    assert "A year of progress." in text and "TBC" not in text
    assert "Approved by the board on" in text

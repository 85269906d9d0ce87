"""The annual report journey: the board manager assembles the year's report, fixes a
flagged consistency problem, accepts the rest with one reason and records the board's
approval after its confirmation; a real worker renders the PDF; the chair signs in and
downloads it."""

import pytest
from pypdf import PdfReader

from reports.models import AnnualReport, ReportState
from tests.reports.test_worker import worker  # noqa: F401 - a real Celery worker
from tests.test_celery import needs_redis

pytestmark = pytest.mark.browser


@needs_redis
def test_the_manager_assembles_and_approves_and_the_chair_downloads(
    page,
    sign_in,
    board,
    manager,
    chair,
    worker,  # noqa: F811
):
    sign_in(manager)
    base = f"/boards/{board.slug}/reports/"
    page.goto(base + "templates/")
    page.get_by_role(
        "link", name="Copy Strengths, areas for development and work programme"
    ).click()
    page.get_by_label("Name of your template").fill(
        "Strengths, areas for development and work programme"
    )
    page.get_by_role("button", name="Copy template").click()
    page.get_by_role("button", name="Move up Strengths and areas for development").click()

    page.goto(base + "new/")
    page.get_by_label("Financial year").fill("2014-15")
    page.get_by_label("Template").select_option(
        label="Strengths, areas for development and work programme"
    )
    page.get_by_role("button", name="Create report").click()
    page.get_by_role("link", name="Write Introduction from the independent chair").click()
    page.get_by_label("Text").fill("A year of progress. Figures TBC.")
    page.get_by_role("button", name="Save text").click()
    assert "A year of progress." in page.locator(".lscb-report-preview").inner_text()

    page.goto(base + "2014-15/")
    page.get_by_role("button", name="Send for review").click()
    page.get_by_role("link", name="Consistency checks").click()
    problems = page.locator("#problems")
    assert "Contains a 'to be confirmed' note" in problems.inner_text()

    # Fix the flagged draft note in the text...
    page.goto(base + "2014-15/")
    page.get_by_role("link", name="Write Introduction from the independent chair").click()
    page.get_by_label("Text").fill("A year of progress.")
    page.get_by_role("button", name="Save text").click()
    # ...and accept the sections left empty this year, with one reason.
    page.goto(base + "2014-15/checks/")
    assert "to be confirmed" not in page.locator("#problems").inner_text()
    for box in page.get_by_role("checkbox").all():
        box.check()
    page.get_by_label("Why the problems you chose are acceptable").fill(
        "Nothing to report this year"
    )
    page.get_by_role("button", name="Accept the chosen problems").click()
    assert page.locator("#no-problems").is_visible()

    page.goto(base + "2014-15/")
    page.get_by_role("button", name="Record the board's approval").click()
    page.get_by_role("button", name="Record the board's approval").click()
    assert page.locator("#report-state").inner_text() == "Approved by the board"
    assert AnnualReport.objects.get(board=board).state == ReportState.APPROVED

    page.get_by_role("button", name="Make the PDF").click()
    # The waiting page polls the status (static JS) and reloads when the worker is done.
    page.get_by_role("link", name="Download the PDF").wait_for(timeout=60_000)

    sign_in(chair)
    page.goto(base + "2014-15/")
    page.get_by_role("link", name="Version 1").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    reader = PdfReader(download.value.path())
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "A year of progress." in text and "Approved by the board on" in text
    assert download.value.suggested_filename == f"{board.slug}-annual-report-2014-15-v1.pdf"

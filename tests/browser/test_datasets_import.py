"""The board manager imports a CSV, checks the preview, applies it, and the dashboard
shows the new figures once the refresh task has run (on a real worker when REDIS_URL is
set, in-process otherwise)."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from playwright.sync_api import expect

from datasets.services.catalogue import catalogue_install_starter
from lscb.celery import app

pytestmark = pytest.mark.browser


@pytest.fixture
def refresh_worker(transactional_db):
    if not settings.REDIS_URL:
        yield None  # tasks run in-process when the import commits
        return
    with start_worker(app, perform_ping_check=False, loglevel="WARNING") as worker:
        yield worker


def test_the_manager_imports_previews_applies_and_sees_the_dashboard(
    page, sign_in, manager, board, refresh_worker
):
    catalogue_install_starter(board=board)
    csv = (
        "board,indicator,period,breakdown,value,qualifier\n"
        f"{board.slug},assessments,2014-15 Q1,total,320,\n"
        f"{board.slug},assessments_45,2014-15 Q1,total,264,\n"
        f"{board.slug},cp_plans,2014-15 Q1,total,392,\n"
        f"{board.slug},cp_plans,2014-15 Q1,category_of_abuse:neglect,392,\n"
    )
    sign_in(manager)
    page.goto(f"/boards/{board.slug}/data/")
    expect(page.get_by_text("No figures yet.")).to_be_visible()
    page.get_by_role("link", name="Import figures").click()

    page.get_by_label("Upload a file").set_input_files(
        files=[{"name": "q1.csv", "mimeType": "text/csv", "buffer": csv.encode()}]
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", name="Check what the import will change")).to_be_visible()
    counts = page.locator("#import-counts")
    expect(counts).to_contain_text("New figures")
    expect(counts.locator("dd").first).to_have_text("4")
    expect(
        page.get_by_role("cell", name="Children with a child protection plan").first
    ).to_be_visible()

    page.get_by_role("button", name="Apply the import").click()
    expect(page.get_by_text("Imported q1.csv: 4 new, 0 changed, 0 unchanged")).to_be_visible()

    deadline = time.monotonic() + 20
    row = page.locator("tr[data-indicator='assessments_45_pct']")
    while not row.count() and time.monotonic() < deadline:
        time.sleep(0.3)
        page.reload()
    expect(row).to_contain_text("82.5%")  # 264 of 320, computed and shown to 1 decimal
    expect(page.locator("tr[data-indicator='cp_plans']")).to_contain_text("392")
    expect(page.locator("#refreshed")).to_contain_text("Figures refreshed")

    page.get_by_role("link", name="Children with a child protection plan").click()
    expect(
        page.get_by_role("heading", name="Children with a child protection plan")
    ).to_be_visible()
    # One quarter imported: the figure is shown, and no trend line of a single point.
    expect(page.locator("main")).to_contain_text("392")
    expect(
        page.get_by_role("img", name="Children with a child protection plan, last periods")
    ).to_have_count(0)


def test_a_file_with_many_problems_shows_the_first_and_downloads_them_all(
    page, sign_in, manager, board
):
    catalogue_install_starter(board=board)
    lines = [f"{board.slug},cp_plans,2014-15 Q1,total,row {n}," for n in range(150)]
    csv = "board,indicator,period,breakdown,value,qualifier\n" + "\n".join(lines) + "\n"
    sign_in(manager)
    page.goto(f"/boards/{board.slug}/data/import/")
    page.get_by_label("Upload a file").set_input_files(
        files=[{"name": "q1.csv", "mimeType": "text/csv", "buffer": csv.encode()}]
    )
    page.get_by_role("button", name="Check the file").click()

    expect(page.locator(".govuk-error-summary")).to_contain_text("The file has 150 problems")
    expect(page.locator("#problems-not-shown")).to_contain_text(
        "The first 100 of 150 problems are shown: 50 more are not."
    )
    expect(page.locator("#problem-list tbody tr")).to_have_count(100)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download every problem (CSV)").click()
    text = open(download.value.path(), encoding="utf-8-sig").read()  # noqa: SIM115
    assert text.splitlines()[0] == "row,column,problem"
    assert len(text.splitlines()) == 151

    # The refused file stays listed, with its problems on its own page.
    page.goto(f"/boards/{board.slug}/data/import/")
    page.get_by_role("link", name="q1.csv").click()
    expect(page.get_by_role("heading", name="The file was not imported")).to_be_visible()

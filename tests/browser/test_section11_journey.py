"""The board manager starts a Section 11 cycle for two agencies; the sub-group chair tries
to enter a return for an agency outside the cycle (refused, nothing lost), then enters
the police's return; the grid shows the police's ratings as words, the counts worked
out from them, and the health service's return as outstanding."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import AgencyFactory
from tests.forms import fill_date

pytestmark = pytest.mark.browser


def rate(page, number: int, rag: str) -> None:
    standard = page.get_by_role("group", name=re.compile(rf"^{number}\. "))
    standard.get_by_label(rag, exact=True).check()


def test_a_cycle_a_refused_return_a_received_return_and_the_grid(
    page, sign_in, board, manager, subgroup_chair
):
    AgencyFactory(board=board, name="Testshire Police")
    AgencyFactory(board=board, name="Testshire Health")
    AgencyFactory(board=board, name="Testshire Schools")
    sign_in(manager)
    page.goto(f"/boards/{board.slug}/")
    page.get_by_role("link", name="Section 11", exact=True).click()
    page.get_by_role("button", name="Start a cycle").click()
    page.get_by_label("Title").fill("Section 11 audit 2014-16")
    page.get_by_label("Biennial (agencies)").check()
    fill_date(page, "Opens on", "1/9/2014")
    fill_date(page, "Returns due by", "31/1/2015")
    page.get_by_label("Testshire Police").check()
    page.get_by_label("Testshire Health").check()
    page.get_by_role("button", name="Save the cycle").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Section 11 audit 2014-16")

    page.context.clear_cookies()
    sign_in(subgroup_chair)
    page.goto(f"/boards/{board.slug}/sections/assurance/")
    page.get_by_role("link", name="Section 11", exact=True).click()
    page.get_by_role("link", name="Section 11 audit 2014-16").click()
    page.get_by_role("button", name="Enter a return").click()
    page.get_by_label("Agency", exact=True).select_option(label="Testshire Schools")
    rate(page, 1, "Green")
    page.get_by_label("Evidence for standard 1", exact=True).fill("Chief officer chairs the group.")
    page.get_by_role("button", name="Save the return").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Testshire Schools is not one of the agencies in")
    expect(page.get_by_label("Evidence for standard 1", exact=True)).to_have_value(
        "Chief officer chairs the group."
    )

    page.get_by_label("Agency", exact=True).select_option(label="Testshire Police")
    for number in range(1, 9):
        rate(page, number, "Amber" if number == 5 else "Green")
    fill_date(page, "Date submitted", "20/1/2015")
    page.get_by_role("button", name="Save the return").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Testshire Police")

    page.get_by_role("link", name=re.compile("^Back to")).click()
    grid = page.locator("#section11-grid")
    police = grid.get_by_role("row", name=re.compile("Testshire Police"))
    expect(police.locator(".lscb-rag")).to_have_count(8)
    expect(police).to_contain_text("Amber")
    counts = page.locator("#section11-counts")
    training = counts.get_by_role("row", name=re.compile("^5\\. "))
    expect(training.get_by_role("cell").nth(1)).to_have_text("1 (100%)")  # amber: 1 of 1
    outstanding = page.locator("#section11-outstanding")
    expect(outstanding).to_contain_text("Testshire Health")
    expect(outstanding).not_to_contain_text("Testshire Police")

import pytest
from playwright.sync_api import expect

from board.models import ExpenditureLine, Meeting

pytestmark = pytest.mark.browser


def test_the_manager_adds_a_meeting_and_a_budget_line(page, sign_in, manager, board):
    sign_in(manager)
    page.goto(f"/boards/{board.slug}/meetings/?year=2014-15")
    page.get_by_role("link", name="Add a meeting").click()
    page.get_by_label("Executive meeting").check()
    date = page.get_by_role("group", name="Date")
    date.get_by_label("Day").fill("20")
    date.get_by_label("Month").fill("11")
    date.get_by_label("Year").fill("2014")
    page.get_by_role("button", name="Save meeting").click()
    expect(page.get_by_role("heading", name="Executive meeting, 20 November 2014")).to_be_visible()
    assert Meeting.objects.get(board=board).kind == "executive"

    page.goto(f"/boards/{board.slug}/budget/?year=2014-15")
    page.get_by_role("link", name="Add an expenditure line").click()
    page.get_by_label("Heading").fill("Training")
    page.get_by_label("Outturn (£)").fill("-1")
    page.get_by_role("button", name="Save line").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Outturn must be £0 or more")
    page.get_by_label("Outturn (£)").fill("26387")
    page.get_by_role("button", name="Save line").click()
    expect(page.locator("#expenditure-total")).to_contain_text("£26,387")
    assert ExpenditureLine.objects.get(board=board).year == 2014

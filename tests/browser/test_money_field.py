"""An amount typed in words is an error naming the field, not a line saved with no money
(a browser `type=number` box submitted a blank for "twelve thousand")."""

import pytest
from playwright.sync_api import expect

from board.models import ExpenditureLine

pytestmark = pytest.mark.browser


def test_words_in_the_budget_are_refused_then_pounds_and_commas_are_saved(
    page, sign_in, manager, board
):
    sign_in(manager)
    page.goto(f"/boards/{board.slug}/budget/?year=2014-15")
    page.get_by_role("link", name="Add an expenditure line").click()
    page.get_by_label("Heading").fill("Training")
    amount = page.get_by_label("Budget (£)")
    expect(amount).to_have_attribute("inputmode", "decimal")
    amount.fill("twelve thousand")
    page.get_by_role("button", name="Save line").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the budget as a number, like 12,000")
    summary.get_by_role("link", name="Enter the budget as a number, like 12,000").click()
    expect(amount).to_be_focused()
    expect(amount).to_have_value("twelve thousand")  # what was typed is kept to correct
    expect(page.get_by_text("Expenditure line added")).to_have_count(0)
    assert not ExpenditureLine.objects.exists()

    amount.fill("£12,000")
    page.get_by_role("button", name="Save line").click()
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    expect(page.get_by_role("row", name="Training")).to_contain_text("£12,000")
    assert ExpenditureLine.objects.get(board=board).budget == 12000

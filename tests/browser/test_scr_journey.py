"""An SCR sub-group member records a decision to initiate a review, adds milestones and a
recommendation with its action; the board manager sees the action in the agency's
composite action plan."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import AgencyFactory
from tests.forms import fill_date

pytestmark = pytest.mark.browser


def test_a_review_goes_from_decision_to_the_agencys_composite_plan(
    page, sign_in, board, scr_member, manager
):
    AgencyFactory(board=board, name="Testshire Police")
    today = timezone.localdate()
    incident = today - timedelta(days=20)
    sign_in(scr_member)

    page.goto(f"/boards/{board.slug}/reviews/case-reviews/")
    page.get_by_role("button", name="Add a case to the register").click()
    page.get_by_label("Case reference").fill("Child M")
    page.get_by_label("Type of review").select_option("scr")
    fill_date(page, "Date of the incident", incident)
    fill_date(page, "Date the board was notified", incident + timedelta(days=2))
    page.get_by_label("Criteria considered").fill("A child has died; abuse suspected.")
    page.get_by_label("Testshire Police").check()
    page.get_by_role("button", name="Save the review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Child M")
    expect(page.get_by_text("Awaiting decision")).to_be_visible()

    page.get_by_role("link", name="Record the decision").click()
    page.get_by_label("Initiate a review", exact=True).check()
    fill_date(page, "Date of the decision", today)
    page.get_by_label("Reasons for the decision").fill("The criteria are met.")
    page.get_by_label("Decided by").fill("Independent chair")
    page.get_by_label("Methodology").select_option("silp")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Decision on Child M recorded")).to_be_visible()
    expect(page.get_by_text("Completion (board sign-off)")).to_be_visible()

    page.get_by_role("link", name="Add a milestone").click()
    page.get_by_label("Milestone", exact=True).select_option("agency_requested")
    page.get_by_label("Agency (agency reports only)").select_option(label="Testshire Police")
    fill_date(page, "Actual date", today)
    page.get_by_role("button", name="Save the milestone").click()
    expect(
        page.get_by_role("cell", name="Agency report requested (Testshire Police)", exact=True)
    ).to_be_visible()

    page.get_by_role("link", name="Add a milestone").click()
    page.get_by_label("Milestone", exact=True).select_option("practitioner_event")
    fill_date(page, "Planned date", today + timedelta(days=30))
    page.get_by_role("button", name="Save the milestone").click()
    expect(page.get_by_role("cell", name="Practitioner event", exact=True)).to_be_visible()

    page.get_by_role("link", name="Add a recommendation").click()
    page.get_by_label("Recommendation", exact=True).fill("Plan for every child who goes missing.")
    page.get_by_label("Multi-agency").check()
    page.get_by_label("Agency that owns the first action").select_option(label="Testshire Police")
    page.get_by_label("First action", exact=True).fill("Police join the missing children panel.")
    fill_date(page, "Action due by", today + timedelta(days=90))
    page.get_by_role("button", name="Add the recommendation").click()
    expect(page.get_by_text("Recommendation added")).to_be_visible()
    expect(
        page.get_by_role("cell", name="Police join the missing children panel.", exact=True)
    ).to_be_visible()

    page.context.clear_cookies()
    sign_in(manager)
    page.goto(f"/boards/{board.slug}/reviews/case-reviews/")
    page.get_by_role("link", name="Composite action plans by agency").click()
    page.get_by_role("link", name="Testshire Police").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Testshire Police")
    row = page.get_by_role("row", name="Police join the missing children panel.")
    expect(row).to_contain_text("Child M, recommendation 1")
    expect(row).to_contain_text("Not started")

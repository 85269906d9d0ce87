"""The quality assurance sub-group chair records a multi-agency audit with its ratings,
is stopped when the counts exceed the cases audited, adds a finding and turns it into an
action; the board manager finds that action in the board's action tracker."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import AgencyFactory, UserFactory
from tests.forms import fill_date
from tests.subgroups.factories import subgroup_with_chair

pytestmark = pytest.mark.browser


def test_an_audit_finding_becomes_an_action_in_the_managers_tracker(page, sign_in, board, manager):
    AgencyFactory(board=board, name="Testshire Police")
    # The chair's role comes from their seat on the sub-group, as it does for real users.
    qa_chair = UserFactory(full_name="Quality Chair", email="qa.chair@example.org")
    subgroup_with_chair(board, qa_chair, name="Quality assurance")
    due = timezone.localdate() + timedelta(days=90)
    sign_in(qa_chair)

    page.goto(f"/boards/{board.slug}/")
    page.get_by_role("link", name="Audits", exact=True).click()
    page.get_by_role("button", name="Record an audit").click()
    page.get_by_label("Title").fill("MASH decisions")
    page.get_by_label("Type of audit").select_option("multi_agency")
    page.get_by_label("Commissioning sub-group").fill("Quality assurance sub-group")
    fill_date(page, "Start of the period covered", "1/4/2014")
    fill_date(page, "End of the period covered", "31/3/2015")
    page.get_by_label("Number of cases audited").fill("135")
    page.get_by_label("Cases rated outstanding").fill("20")
    page.get_by_label("Cases rated good").fill("176")  # a slip: more than were audited
    page.get_by_label("Cases rated requires improvement").fill("30")
    page.get_by_label("Cases rated inadequate").fill("9")
    page.get_by_role("button", name="Save the audit").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("add up to 235, more than the 135 cases audited")
    expect(page.get_by_label("Title")).to_have_value("MASH decisions")  # nothing typed is lost

    page.get_by_label("Cases rated good").fill("76")
    page.get_by_role("button", name="Save the audit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("MASH decisions")
    good = page.get_by_role("row", name="Good")
    expect(good.get_by_role("cell").nth(0)).to_have_text("76")
    expect(good.get_by_role("cell").nth(1)).to_have_text("56.3%")  # 76 of 135, half-up
    expect(page.get_by_role("cell", name="135 of 135")).to_be_visible()

    page.get_by_role("link", name="Add a finding").click()
    page.get_by_label("Finding").fill("Strategy discussions were held late in 12 cases.")
    page.get_by_role("button", name="Add the finding").click()
    expect(page.get_by_text("Finding added")).to_be_visible()

    page.get_by_role("link", name="Make this finding an action").click()
    expect(page.get_by_label("Recommendation", exact=True)).to_have_value(
        "Strategy discussions were held late in 12 cases."
    )
    page.get_by_label("Recommendation", exact=True).fill(
        "Hold every strategy discussion within one working day."
    )
    page.get_by_label("Agency that owns the action").select_option(label="Testshire Police")
    fill_date(page, "Action due by", due)
    page.get_by_role("button", name="Add the recommendation").click()
    expect(page.get_by_text("with its action in the board's action tracker")).to_be_visible()
    expect(page.get_by_text("Answers the finding: Strategy discussions")).to_be_visible()

    page.context.clear_cookies()
    sign_in(manager)
    page.goto(f"/boards/{board.slug}/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Board business").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Board business")
    page.get_by_role("link", name="Actions", exact=True).click()
    action = page.get_by_role("link", name="Hold every strategy discussion within one working day.")
    expect(action).to_be_visible()
    row = page.get_by_role("row").filter(has=action)
    expect(row).to_contain_text("Testshire Police")
    expect(row).to_contain_text(due.strftime("%-d %b %Y"))
    action.click()
    expect(page.get_by_text("MASH decisions recommendation 1")).to_be_visible()

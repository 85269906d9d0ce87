"""The board manager records an Ofsted inspection, its judgements (a repeated area is
refused first, with nothing saved) and a recommendation, and finds its action in the
board's tracker."""

import pytest
from playwright.sync_api import expect

from tests.factories import AgencyFactory
from tests.forms import fill_date

pytestmark = pytest.mark.browser


def test_the_manager_records_an_inspection_its_judgements_and_a_recommendation(
    page, sign_in, board, manager
):
    AgencyFactory(board=board, name="Testshire Children's Social Care")
    sign_in(manager)
    page.goto(f"/boards/{board.slug}/")
    page.get_by_role("link", name="Inspections").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inspections")
    page.get_by_role("button", name="Record an inspection").click()

    page.get_by_label("Inspectorate").select_option("ofsted")
    page.get_by_label("Title").fill("Children's services and review of the LSCB")
    fill_date(page, "First day of the inspection", "2/2/2015")
    fill_date(page, "Last day of the inspection", "25/2/2015")
    fill_date(page, "Report published", "15/4/2015")
    page.get_by_label("Overall judgement").select_option("requires_improvement")
    page.get_by_role("button", name="Save the inspection").click()
    expect(page.get_by_text("Inspection recorded")).to_be_visible()

    page.get_by_role("link", name="Record or change the judgements").click()
    page.get_by_label("Area, row 1").fill("The effectiveness of the LSCB")
    page.get_by_label("Grade, row 1").select_option("requires_improvement")
    page.get_by_label("Qualifier, row 1").fill("to be good")
    page.get_by_label("Area, row 2").fill("the effectiveness of the LSCB")
    page.get_by_label("Grade, row 2").select_option("good")
    page.get_by_role("button", name="Save the judgements").click()
    expect(page.get_by_role("alert")).to_contain_text("is judged twice")
    page.get_by_label("Area, row 2").fill("Children who need help and protection")
    page.get_by_role("button", name="Save the judgements").click()
    expect(page.get_by_text("Judgements saved")).to_be_visible()
    row = page.get_by_role("row", name="The effectiveness of the LSCB")
    expect(row).to_contain_text("Requires improvement to be good")

    page.get_by_role("link", name="Add a recommendation").click()
    page.get_by_label("Recommendation").fill("Evaluate the impact of early help")
    page.get_by_label("Agency that owns the action").select_option(
        label="Testshire Children's Social Care"
    )
    fill_date(page, "Action due by", "31/3/2016")
    page.get_by_role("button", name="Add the recommendation").click()
    expect(page.get_by_text("Recommendation added")).to_be_visible()
    expect(page.get_by_role("row", name="Evaluate the impact of early help")).to_contain_text(
        "Not started"
    )

    page.goto(f"/boards/{board.slug}/actions/")
    expect(page.get_by_text("Evaluate the impact of early help")).to_be_visible()

"""The independent scrutineer plans an area, records a finding with its evidence and
raises a challenge from it; the board manager is told and finds the challenge in the
challenge log. The board is a partnership, and its pages say so."""

from datetime import date

import pytest
from playwright.sync_api import expect

from board.models import BoardArrangement
from core.years import this_year
from tests.factories import AgencyFactory
from tests.forms import fill_date

pytestmark = pytest.mark.browser


def test_a_scrutiny_finding_becomes_a_challenge_in_the_log(
    page, sign_in, board, scrutineer, manager
):
    board.arrangement, board.partnership_since = BoardArrangement.PARTNERSHIP, date(2019, 9, 29)
    board.save()
    AgencyFactory(board=board, name="Testshire Health Trust")
    year = this_year()
    sign_in(scrutineer)

    page.goto(f"/boards/{board.slug}/")
    menu = page.get_by_role("navigation", name="Menu")
    expect(menu.get_by_role("link", name="Partnership business")).to_be_visible()
    page.get_by_role("link", name="Independent scrutiny").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Independent scrutiny plan")
    page.get_by_role("link", name="Add an area").click()
    page.get_by_label("Area to look at").fill("Learning from reviews")
    fill_date(page, "Planned start", f"1/5/{year.start_year}")
    fill_date(page, "Planned end", f"1/4/{year.start_year}")  # a slip: before the start
    page.get_by_role("button", name="Save area").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The planned end must be on or after the planned start"
    )
    fill_date(page, "Planned end", f"31/7/{year.start_year}")
    page.get_by_role("button", name="Save area").click()
    expect(page.get_by_role("cell", name="Learning from reviews", exact=True)).to_be_visible()

    page.get_by_role("link", name="Findings").click()
    page.get_by_role("link", name="Record a finding").click()
    page.get_by_label("Area of the plan").select_option(label="Learning from reviews")
    page.get_by_label("Finding", exact=True).fill("Actions closed without evidence.")
    page.get_by_label("Evidence").fill(f"/boards/{board.slug}/actions/")
    page.get_by_role("button", name="Save finding").click()
    expect(page.get_by_text("Finding added")).to_be_visible()

    page.get_by_role("link", name="Raise a challenge").click()
    expect(page.get_by_label("Issue raised")).to_have_value("Actions closed without evidence.")
    page.get_by_label("Agency challenged").select_option(label="Testshire Health Trust")
    page.get_by_role("button", name="Raise the challenge").click()
    expect(page.get_by_text("Challenge raised in the challenge log")).to_be_visible()
    expect(page.get_by_text("with Testshire Health Trust")).to_be_visible()

    sign_in(manager)
    page.goto(f"/boards/{board.slug}/notifications/")
    told = page.get_by_role("link", name="A challenge has been raised from independent scrutiny")
    expect(told).to_be_visible()
    page.goto(f"/boards/{board.slug}/challenges/")
    expect(
        page.get_by_role("cell", name="Actions closed without evidence.", exact=True)
    ).to_be_visible()

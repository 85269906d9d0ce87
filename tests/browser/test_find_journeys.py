"""Finding things: the manager searches the board from its home and opens an action;
filters the tracker by agency and keeps the filter on the next page and in the download;
an SCR sub-group member links a review to a child death by typing part of its number in
the searchable picker, and a manager picks an indicator's numerator the same way."""

from datetime import date

import pytest
from playwright.sync_api import expect

from datasets.models import Indicator
from reviews.case_reviews.models import CaseReview
from tests.board.factories import ActionFactory
from tests.factories import AgencyFactory
from tests.reviews.case_reviews.factories import review_for
from tests.reviews.child_deaths.factories import notify

pytestmark = pytest.mark.browser


def test_the_manager_searches_the_board_and_opens_the_action(page, sign_in, board, manager):
    ActionFactory(board=board, description="Audit the fostering panel's minutes")
    ActionFactory(board=board, description="Refresh the escalation policy")
    sign_in(manager)
    page.goto(f"/boards/{board.slug}/")
    page.get_by_role("search").get_by_label("Search this board").fill("fostering")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 result for “fostering”")).to_be_visible()
    page.get_by_role("link", name="Audit the fostering panel's minutes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Action")
    expect(page.get_by_text("Audit the fostering panel's minutes")).to_be_visible()


def test_the_tracker_is_filtered_by_agency_across_pages(page, sign_in, board, manager):
    police = AgencyFactory(board=board, name="Testshire Police")
    health = AgencyFactory(board=board, name="Testshire Health", sector="health")
    for n in range(30):
        ActionFactory(board=board, description=f"Police action {n:02}", owner_agency=police)
    ActionFactory(board=board, description="Health action", owner_agency=health)
    sign_in(manager)
    page.goto(f"/boards/{board.slug}/actions/")
    page.get_by_label("Agency").select_option(label="Testshire Police")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_text("30 actions match the filters.")).to_be_visible()
    expect(page.get_by_text("Health action")).to_have_count(0)
    page.get_by_role("link", name="Next page").click()
    expect(page.get_by_text("30 actions match the filters.")).to_be_visible()
    expect(page.get_by_label("Agency")).to_have_value(str(police.pk))
    download = page.get_by_role("link", name="CSV of these actions")
    export = f"/boards/{board.slug}/actions/export/?agency={police.pk}&format=csv"
    expect(download).to_have_attribute("href", export)

    page.goto(f"/boards/{board.slug}/actions/?status=nonsense")
    expect(page.get_by_role("alert")).to_contain_text("Choose the status from the list")


def test_a_review_is_linked_to_a_child_death_with_the_picker(page, sign_in, board, scr_member):
    for day in range(1, 20):
        notify(board, date_of_death=date(2013, 6, day))
    wanted = notify(board, date_of_death=date(2013, 7, 1))
    review = review_for(board, reference="Child M")
    sign_in(scr_member)
    page.goto(f"/boards/{board.slug}/reviews/case-reviews/{review.pk}/edit/")
    expect(page.locator("select[data-picker]")).to_be_hidden()  # the picker has replaced it
    picker = page.get_by_role("combobox", name="Child death (CDOP) case, if there is one")
    picker.fill(wanted.number[-3:])
    page.get_by_role("option", name=wanted.number).click()
    expect(picker).to_have_value(wanted.number)
    page.get_by_role("button", name="Save the review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Child M")
    assert CaseReview.objects.get(pk=review.pk).cdop_case == wanted


def test_an_indicators_numerator_is_picked_by_typing(page, sign_in, board, manager):
    for n in range(40):
        Indicator.objects.create(board=board, code=f"i{n}", name=f"Indicator {n}", theme="T")
    referrals = Indicator.objects.create(
        board=board, code="referrals", name="Referrals to children's social care", theme="T"
    )
    rate = Indicator.objects.create(board=board, code="rate", name="Re-referral rate", theme="T")
    sign_in(manager)
    page.goto(f"/boards/{board.slug}/data/indicators/{rate.pk}/edit/")
    expect(page.locator("select[data-picker]")).to_have_count(2)
    expect(page.locator("select[data-picker]").first).to_be_hidden()
    picker = page.get_by_role("combobox", name="Numerator")
    picker.fill("social care")
    page.get_by_role("option", name="Referrals to children's social care").click()
    page.get_by_role("button", name="Save indicator").click()
    numerator = page.get_by_role("link", name="Referrals to children's social care", exact=True)
    expect(numerator).to_be_visible()
    rate.refresh_from_db()
    assert rate.numerator == referrals


def test_a_cdop_member_finds_a_case_by_its_number_from_the_home_page(
    page, sign_in, board, cdop_member
):
    case = notify(board)
    sign_in(cdop_member)
    page.goto(f"/boards/{board.slug}/")
    page.get_by_role("search").get_by_label("Search this board").fill(case.number)
    page.get_by_role("search").get_by_role("button", name="Search").click()
    page.get_by_role("link", name=case.number).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(case.number)

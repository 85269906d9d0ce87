"""The board manager shortens the retention period for child death records and sees a
case closed three years ago appear on the records past retention report."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from reviews.case_reviews.retention import add_years
from reviews.child_deaths.services.cases import cdop_case_close
from tests.reviews.child_deaths.factories import notify, review

pytestmark = pytest.mark.browser


def test_the_manager_shortens_the_cdop_period_and_a_closed_case_appears(
    page, sign_in, board, manager
):
    today = timezone.localdate()
    died = add_years(today, -4)
    case = review(notify(board, date_of_birth=died - timedelta(days=400), date_of_death=died))
    closed_on = add_years(today, -3)
    cdop_case_close(case=case, closed_on=closed_on)
    sign_in(manager)

    page.goto(f"/boards/{board.slug}/")
    page.get_by_role("link", name="Records past retention").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Records past retention")
    expect(page.get_by_text("No child death cases are past retention.")).to_be_visible()
    expect(page.get_by_text(case.number)).to_have_count(0)

    page.get_by_role("link", name="Change the retention periods").click()
    field = page.get_by_label("Keep child death (CDOP) records for")
    field.fill("0")
    page.get_by_role("button", name="Save the retention periods").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Keep child death records for at least 1 year"
    )
    field.fill("2")
    page.get_by_role("button", name="Save the retention periods").click()

    expect(page.get_by_text("Retention periods saved")).to_be_visible()
    expect(page.get_by_text("2 years after the case is closed")).to_be_visible()
    row = page.get_by_role("row", name=case.number)
    expect(row).to_contain_text(f"{closed_on:%-d %b %Y}")
    expect(row).to_contain_text(f"{add_years(closed_on, 2):%-d %b %Y}")

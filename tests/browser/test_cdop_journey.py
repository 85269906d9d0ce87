"""A CDOP member notifies a death, records the agency forms, records the panel's analysis,
and sees the case counted in the year's statistics."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.periods import FinancialYear
from tests.factories import AgencyFactory
from tests.forms import fill_date
from tests.reviews.child_deaths.factories import locality

pytestmark = pytest.mark.browser


def test_a_cdop_member_takes_a_death_from_notification_to_the_statistics(
    page, sign_in, board, cdop_member
):
    AgencyFactory(board=board, name="Testshire Police")
    locality(board, "Selhurst")
    today = timezone.localdate()
    died = today - timedelta(days=40)
    sign_in(cdop_member)

    page.goto(f"/boards/{board.slug}/reviews/cdop/cases/")
    page.get_by_role("button", name="Notify a child's death").click()
    fill_date(page, "Date of birth", died - timedelta(days=90))
    fill_date(page, "Date of death", died)
    page.get_by_label("Female").check()
    page.get_by_label("Ethnicity").select_option("mixed")
    page.get_by_label("Place of death").select_option("home")
    page.get_by_label("Area of residence").select_option(label="Selhurst")
    page.get_by_label("Unexpected", exact=True).check()
    page.get_by_label("Notified by").fill("Police (SPOC)")
    fill_date(page, "Date notified", died + timedelta(days=1))
    page.get_by_role("button", name="Record the notification").click()

    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Case CDOP-")
    notified_year = FinancialYear.containing(died + timedelta(days=1)).slug
    expect(heading).to_contain_text(f"Case CDOP-{notified_year}-001")
    expect(page.get_by_text("28 days to under 1 year")).to_be_visible()

    page.get_by_role("link", name="Request a form from an agency").click()
    page.get_by_label("Agency", exact=True).select_option(label="Testshire Police")
    page.get_by_label("Agency contact's e-mail address").fill("spoc@police.example.org")
    fill_date(page, "Date requested", died + timedelta(days=2))
    page.get_by_role("button", name="Record the request").click()
    expect(page.get_by_text("Outstanding,")).to_be_visible()

    page.get_by_role("link", name="Record receipt").click()
    fill_date(page, "Date received", died + timedelta(days=20))
    page.get_by_role("button", name="Save the form's dates").click()
    expect(page.get_by_text("Testshire Police form saved")).to_be_visible()
    expect(page.get_by_text("Outstanding,")).to_have_count(0)

    page.get_by_role("link", name="Record the panel's analysis").click()
    fill_date(page, "Date of the panel review", today)
    page.get_by_label("Category of death").select_option(
        label="10. Sudden unexpected, unexplained death"
    )
    page.get_by_label("Modifiable factors identified", exact=True).check()
    page.get_by_label("Factors in the family and environment").fill("Co-sleeping; parental smoking")
    page.get_by_label("Co-sleeping").check()
    page.get_by_label("Learning points").fill("Safer sleep advice at every contact")
    page.get_by_role("button", name="Save the panel's analysis").click()
    expect(page.get_by_text("Reviewed by the panel")).to_be_visible()

    review_year = FinancialYear.containing(today).slug
    page.goto(f"/boards/{board.slug}/reviews/cdop/statistics/?year={review_year}")
    reviewed_year = page.get_by_role("heading", level=1)
    expect(reviewed_year).to_contain_text("Child death statistics")
    category = page.locator("#table-category tr", has_text="Sudden unexpected, unexplained")
    expect(category).to_contain_text("1")
    expect(category).to_contain_text("100.0%")
    risk = page.locator("#table-risk_factors tr", has_text="Co-sleeping")
    expect(risk).to_contain_text("1")

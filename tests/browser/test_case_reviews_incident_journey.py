"""A serious incident from its notification to a published practice review: an SCR
sub-group member records the notification, asks an agency for its summary and records it
received, records the rapid review meeting and its sending to the Panel, decides (and
confirms) to hold a local child safeguarding practice review, then gives the Panel notice
and publishes it. At each step the board's calendar and home page show the due dates."""

from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone
from playwright.sync_api import expect

from board.working_days import add_working_days, working_days_before
from tests.factories import AgencyFactory
from tests.forms import fill_date

pytestmark = pytest.mark.browser


def long(day) -> str:
    return f"{day:%-d %B %Y}"


def check_due(page, board, day, calendar_title, home_text) -> None:
    """The month page lists the deadline on its day; the home page's card says it."""
    page.goto(f"/boards/{board.slug}/calendar/?month={day:%Y-%m}")
    expect(page.locator("#calendar-list")).to_contain_text(calendar_title)
    page.goto(f"/boards/{board.slug}/")
    expect(page.get_by_text(home_text)).to_be_visible()


def test_a_serious_incident_goes_through_rapid_review_to_a_published_practice_review(
    page, sign_in, board, scr_member
):
    AgencyFactory(board=board, name="Testshire Police")
    today = timezone.localdate()
    aware = today - timedelta(days=1)
    sign_in(scr_member)

    page.goto(f"/boards/{board.slug}/reviews/serious-incidents/")
    page.get_by_role("button", name="Record a serious incident notification").click()
    page.get_by_label("Case reference").fill("Child N")
    page.get_by_label("Serious harm to a child").check()
    page.get_by_label("Summary of the incident category").fill("Non-accidental injury")
    fill_date(page, "Date the local authority became aware", aware)
    fill_date(page, "Date notified to the Panel", today)
    page.get_by_label("Testshire Police").check()
    page.get_by_role("button", name="Save the incident").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Child N")
    expect(page.locator("#incident-stage")).to_have_text("In rapid review")
    partners_due = add_working_days(aware, 5)
    rapid_due = add_working_days(today, 15)
    check_due(page, board, partners_due, "Serious incident due",
              f"1 incident to tell the partners of by {long(partners_due)}")  # fmt: skip
    check_due(page, board, rapid_due, "Serious incident due",
              f"1 rapid review to send to the Panel by {long(rapid_due)}")  # fmt: skip

    page.get_by_role("link", name="1 rapid review to send to the Panel").click()
    page.get_by_role("link", name="Ask an agency for its summary").click()
    page.get_by_label("Agency", exact=True).select_option(label="Testshire Police")
    fill_date(page, "Date requested", today)
    page.get_by_role("button", name="Record the request").click()
    expect(page.get_by_text("Outstanding")).to_be_visible()
    page.get_by_role("link", name="Record it received the summary from Testshire Police").click()
    fill_date(page, "Date received", today)
    page.get_by_role("button", name="Save the summary's dates").click()
    expect(page.get_by_text("Outstanding")).to_have_count(0)

    page.get_by_role("link", name="Record the meeting, the Panel and its response").click()
    fill_date(page, "Date of the rapid review meeting", today)
    fill_date(page, "Date sent to the Panel", today)
    page.get_by_role("button", name="Save the rapid review").click()
    expect(page.get_by_text("Rapid review saved")).to_be_visible()
    response_due = today + timedelta(days=10)
    check_due(page, board, response_due, "Serious incident due",
              f"1 Panel response expected by {long(response_due)}")  # fmt: skip

    page.get_by_role("link", name="1 Panel response expected").click()
    page.get_by_role("link", name="Record the decision").click()
    page.get_by_role("button", name="Continue").click()  # nothing chosen: the summary says so
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    page.get_by_label("Hold a local child safeguarding practice review", exact=True).check()
    fill_date(page, "Date of the decision", today)
    page.get_by_label("Serious harm or death, and abuse or neglect known or suspected").check()
    page.get_by_label("Concerns about how organisations worked together").check()
    page.get_by_label("Reasons for the decision").fill("Agencies did not share what they knew.")
    page.get_by_label("Methodology of the practice review (if one is held)").select_option("silp")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record this decision?")
    page.get_by_role("button", name="Yes, record the decision").click()
    expect(page.locator("#incident-stage")).to_have_text("Practice review in progress")
    publication_due = today + relativedelta(months=6)
    check_due(page, board, publication_due, "Case review due",
              f"1 practice review to publish by {long(publication_due)}")  # fmt: skip

    page.get_by_role("link", name="1 practice review to publish").click()
    page.get_by_role("link", name="Child N on the review register").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Child N")
    planned = today + timedelta(days=30)
    page.get_by_role("link", name="Add a milestone").click()
    page.get_by_label("Milestone", exact=True).select_option("publication")
    fill_date(page, "Planned date", planned)
    page.get_by_role("button", name="Save the milestone").click()
    notice_due = working_days_before(planned, 7)
    check_due(page, board, notice_due, "Case review due",
              f"1 notice of publication to give the Panel by {long(notice_due)}")  # fmt: skip

    page.get_by_role("link", name="1 notice of publication to give the Panel").click()
    page.get_by_role("link", name="Child N on the review register").click()
    for kind in ("board_sign_off", "prepublication_notice"):
        page.get_by_role("link", name="Add a milestone").click()
        page.get_by_label("Milestone", exact=True).select_option(kind)
        fill_date(page, "Actual date", today)
        page.get_by_role("button", name="Save the milestone").click()
        expect(page.get_by_text("Milestone saved")).to_be_visible()
    page.get_by_role("link", name="Change Publication").click()
    fill_date(page, "Actual date", today)
    page.get_by_label("Web address of the published report").fill("https://example.org/child-n")
    page.get_by_role("button", name="Save the milestone").click()
    expect(page.get_by_text("Published", exact=True)).to_be_visible()

    page.goto(f"/boards/{board.slug}/reviews/serious-incidents/")
    page.get_by_role("link", name="Child N").click()
    expect(page.locator("#incident-stage")).to_have_text("Practice review published")
    page.goto(f"/boards/{board.slug}/")
    expect(page.get_by_text("practice review to publish")).to_have_count(0)

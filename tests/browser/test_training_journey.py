"""The board manager runs the learning and development programme: adds a course and a
session, records attendance by agency (none attending is refused), records the
evaluation (a score outside 1 to 5 is refused), reads the year's computed totals, and
cannot delete a course whose sessions count in them."""

import pytest
from playwright.sync_api import expect

from tests.factories import AgencyFactory
from tests.forms import fill_date

pytestmark = pytest.mark.browser


def record_attendance(page, agency: str, attendees: str) -> None:
    page.get_by_role("link", name="Record attendance").click()
    page.get_by_label("Agency").select_option(label=agency)
    page.get_by_label("Number of attendees").fill(attendees)
    page.get_by_role("button", name="Save attendance").click()


def test_the_manager_records_a_course_from_session_to_year_totals(page, sign_in, board, manager):
    AgencyFactory(board=board, name="Testshire Police")
    AgencyFactory(board=board, name="Testshire Health")
    sign_in(manager)

    page.goto(f"/boards/{board.slug}/")
    page.get_by_role("link", name="Training", exact=True).click()
    page.get_by_role("link", name="Courses").click()
    page.get_by_role("link", name="Add a course").click()
    page.get_by_label("Title").fill("Neglect: recognising and responding")
    page.get_by_label("Level").select_option("level_2")
    page.get_by_label("Delivery").select_option("face_to_face")
    page.get_by_role("button", name="Save course").click()
    expect(
        page.get_by_role("cell", name="Neglect: recognising and responding", exact=True)
    ).to_be_visible()

    page.goto(f"/boards/{board.slug}/training/sessions/")
    page.get_by_role("link", name="Add a session").click()
    page.get_by_label("Course").select_option(label="Neglect: recognising and responding")
    fill_date(page, "Date", "2/10/2014")
    page.get_by_label("Place").fill("Civic Centre")
    page.get_by_role("button", name="Save session").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Neglect: recognising and responding")

    record_attendance(page, "Testshire Police", "0")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter at least 1 attendee")
    page.get_by_label("Number of attendees").fill("12")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Attendance recorded for Testshire Police")).to_be_visible()
    record_attendance(page, "Testshire Health", "7")
    expect(page.get_by_role("row", name="Testshire Health")).to_contain_text("7")

    page.get_by_role("link", name="Record evaluation").click()
    page.get_by_label("End-of-course score").fill("6")
    page.get_by_role("button", name="Save evaluation").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    page.get_by_label("End-of-course score").fill("4")
    page.get_by_label("End-of-course comments").fill("Clear and practical.")
    page.get_by_role("button", name="Save evaluation").click()
    expect(page.get_by_text("Clear and practical.")).to_be_visible()

    page.goto(f"/boards/{board.slug}/training/?year=2014-15")
    row = page.get_by_role("row", name="Neglect: recognising and responding").first
    expect(row).to_contain_text("19")
    expect(page.locator("#grand-total")).to_have_text("19")

    # A course with a session in the totals is kept: the confirmation page asks, the
    # deletion is refused and says why.
    page.goto(f"/boards/{board.slug}/training/courses/")
    page.get_by_role("link", name="Delete Neglect: recognising and responding").click()
    page.get_by_role("button", name="Yes, delete this course").click()
    expect(
        page.get_by_text("cannot be deleted: it is used by training session records")
    ).to_be_visible()

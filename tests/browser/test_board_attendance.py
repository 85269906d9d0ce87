import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.periods import FinancialYear
from tests.board.factories import MeetingFactory, MembershipFactory
from tests.factories import AgencyFactory

pytestmark = pytest.mark.browser


def test_recording_attendance_changes_the_agency_attendance_rate(page, sign_in, manager, board):
    year = FinancialYear.containing(timezone.localdate())
    police = AgencyFactory(board=board, name="Metropolitan Police Service")
    member = MembershipFactory(board=board, agency=police, start_date=year.start)
    first = MeetingFactory(board=board, date=year.start + datetime.timedelta(days=30))
    second = MeetingFactory(board=board, date=year.start + datetime.timedelta(days=60))
    sign_in(manager)

    def record(meeting, status: str) -> None:
        page.goto(f"/boards/{board.slug}/meetings/?year={year.slug}")
        page.get_by_role("link", name="Board meeting").nth([first, second].index(meeting)).click()
        page.get_by_role("link", name="Record attendance").click()
        page.get_by_label(f"Attendance of {member.person.full_name}").select_option(label=status)
        page.get_by_role("button", name="Save attendance").click()
        expect(page.get_by_text("Attendance recorded")).to_be_visible()

    def agency_rate():
        page.goto(f"/boards/{board.slug}/meetings/attendance/?year={year.slug}")
        expect(page.get_by_text("How the rates are worked out")).to_be_visible()
        return page.locator("#agency-rates").get_by_role("row", name=police.name)

    record(first, "Present")
    expect(agency_rate()).to_contain_text("100%")

    # A second meeting with apologies halves the rate.
    record(second, "Apologies")
    expect(agency_rate()).to_contain_text("50%")

    # Sending a deputy counts as the agency being represented.
    page.goto(f"/boards/{board.slug}/meetings/{second.pk}/attendance/")
    page.get_by_label(f"Attendance of {member.person.full_name}").select_option(label="Deputy sent")
    page.get_by_role("button", name="Save attendance").click()
    expect(
        page.get_by_text(f"Enter the name of the deputy sent for {member.person.full_name}").first
    ).to_be_visible()
    page.get_by_label(f"Deputy for {member.person.full_name}").fill("DS Deputy")
    page.get_by_role("button", name="Save attendance").click()
    expect(page.get_by_text("Attendance recorded")).to_be_visible()
    expect(agency_rate()).to_contain_text("100%")

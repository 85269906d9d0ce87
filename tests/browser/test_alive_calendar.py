"""A person finds a meeting on the month page, makes their calendar address (asked
first), and stops it again."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.board.factories import MeetingFactory

pytestmark = pytest.mark.browser


def test_the_month_page_and_the_calendar_address(page, sign_in, board_member, board):
    day = timezone.localdate() + datetime.timedelta(days=35)
    MeetingFactory(board=board, date=day, title="Development day on neglect")
    sign_in(board_member)
    page.goto(f"/boards/{board.slug}/calendar/")
    page.get_by_role("link", name="Next month").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(day.strftime("%B %Y"))
    expect(page.locator("#calendar-list")).to_contain_text("Development day on neglect")

    page.get_by_role("link", name="Add these dates to your own calendar").click()
    page.get_by_role("link", name="Make the address").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Make your calendar address?")
    page.get_by_role("button", name="Make the address").click()
    address = page.locator("#calendar-address").inner_text()
    feed = page.request.get(address)
    assert feed.status == 200 and b"Development day on neglect" in feed.body()

    page.goto(f"/boards/{board.slug}/calendar/feed/")
    page.get_by_role("link", name="Stop the address").click()
    page.get_by_role("button", name="Stop the address").click()
    expect(page.get_by_text("Your calendar address has been stopped")).to_be_visible()
    assert page.request.get(address).status == 404

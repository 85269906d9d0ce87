"""A sub-group chair signs in and is told, on their board's home, what waits for them."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.board.home_data import chaired_returns, next_meeting_with_papers, pin_today
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_a_subgroup_chair_signs_in_to_their_home_and_follows_a_return_due(
    page, monkeypatch, board, subgroup_chair
):
    pin_today(monkeypatch)  # the live server runs in this process: its pages see the day too
    chaired_returns(board, subgroup_chair, 1)
    next_meeting_with_papers(board, 2)
    device = TOTPDevice.objects.create(user=subgroup_chair, name="Phone", confirmed=True)
    page.set_viewport_size({"width": 375, "height": 800})

    page.goto("/")
    page.get_by_label("E-mail address").fill(subgroup_chair.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code from your authenticator app").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Continue").click()

    # One board: straight to its home, not to "Your boards".
    expect(page.get_by_role("heading", name=board.name)).to_be_visible()
    expect(page.get_by_role("heading", name="Waiting for you")).to_be_visible()
    card = page.locator("#waiting-returns")
    expect(card.get_by_role("link")).to_have_text(
        ["1 return overdue", "1 return sent back to you", "1 return due"]
    )
    meeting = page.locator("#next-meeting")
    expect(meeting).to_contain_text("Board development day")
    expect(meeting.get_by_role("link", name="Paper 01")).to_be_visible()
    # Usable on a phone: nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    card.get_by_role("link", name="1 return due").click()
    expect(page.get_by_role("heading", name="My returns")).to_be_visible()
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(1)
    rows.get_by_role("link", name="Q2 2026/27 return for Sub-group 00").click()
    expect(page.get_by_role("heading", name="Return for Q2 2026/27")).to_be_visible()

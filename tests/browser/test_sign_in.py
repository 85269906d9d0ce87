import re
from base64 import b32decode

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def enter_password(page, user) -> None:
    page.goto("/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_chair_must_set_up_two_factor_then_reaches_the_board(page, chair, board):
    enter_password(page, chair)

    expect(page.get_by_role("heading", name="Set up two-factor sign-in")).to_be_visible()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    # What the chair's authenticator app does with the key shown on the page.
    key = b32decode(page.locator("#secret-key").inner_text().replace(" ", ""))
    page.get_by_label("Code from your authenticator app").fill("000000x")
    page.get_by_role("button", name="Confirm and continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("6 digits")

    page.get_by_label("Code from your authenticator app").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Confirm and continue").click()
    expect(page.get_by_text("Two-factor sign-in is set up.")).to_be_visible()
    # The chair has one board, so signing in ends on its home.
    expect(page.get_by_role("heading", name=board.name)).to_be_visible()


def test_a_manager_with_an_app_signs_in_with_a_code(page, manager, board):
    device = TOTPDevice.objects.create(user=manager, name="Phone", confirmed=True)
    enter_password(page, manager)

    expect(page.get_by_role("heading", name="Enter your sign-in code")).to_be_visible()
    page.goto(f"/boards/{board.slug}/")  # cannot skip the code by going elsewhere
    expect(page.get_by_role("heading", name="Enter your sign-in code")).to_be_visible()
    page.get_by_label("Code from your authenticator app").fill("123456")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The code is not correct")

    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code above slows retries; reset it
    device.throttling_failure_timestamp = None
    device.save()
    page.get_by_label("Code from your authenticator app").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Continue").click()
    # Back where they were going when asked for the code.
    expect(page.get_by_role("heading", name=board.name)).to_be_visible()
    expect(page.get_by_text("Your roles on this board: Board manager.")).to_be_visible()


def test_a_board_member_signs_in_with_a_password_alone(page, board_member, board):
    enter_password(page, board_member)
    # Their one board's home, not "Your boards" with one board to choose.
    expect(page.get_by_role("heading", name=board.name)).to_be_visible()
    expect(page.get_by_text("Your roles on this board: Board member.")).to_be_visible()


def test_a_wrong_password_shows_the_error_summary_and_keeps_the_email(page, manager):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(manager.email)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter a correct e-mail address and password")
    expect(page).to_have_title(re.compile(r"^Error: Sign in"))
    expect(page.get_by_label("E-mail address")).to_have_value(manager.email)


def test_signing_out_returns_to_the_sign_in_page(page, board_member):
    enter_password(page, board_member)
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()


def test_the_sign_in_fixture_gives_a_signed_in_session(page, sign_in, viewer, board):
    sign_in(viewer)
    page.goto(f"/boards/{board.slug}/")
    expect(page.get_by_text("Your roles on this board: Viewer.")).to_be_visible()

import re

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_the_board_manager_signs_in_and_opens_the_board(page, manager, board):
    page.goto("/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_label("E-mail address").fill(manager.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", name="Your boards")).to_be_visible()
    page.get_by_role("link", name=board.name).click()
    expect(page.get_by_role("heading", name=board.name)).to_be_visible()
    expect(page.get_by_text("Your roles on this board: Board manager.")).to_be_visible()


def test_a_wrong_password_shows_the_error_summary_and_keeps_the_email(page, manager):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(manager.email)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter a correct e-mail address and password")
    expect(page).to_have_title(re.compile(r"^Error: Sign in"))
    expect(page.get_by_label("E-mail address")).to_have_value(manager.email)


def test_signing_out_returns_to_the_sign_in_page(page, manager):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(manager.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()


def test_the_sign_in_fixture_gives_a_signed_in_session(page, sign_in, viewer, board):
    sign_in(viewer)
    page.goto(f"/boards/{board.slug}/")
    expect(page.get_by_text("Your roles on this board: Viewer.")).to_be_visible()

import pytest
from django.test import Client
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_member_creates_a_token_uses_it_and_revokes_it(page, sign_in, board_member, board):
    sign_in(board_member)
    page.goto("/accounts/api-tokens/")
    page.get_by_role("button", name="Create a token").click()
    page.get_by_role("button", name="Create token").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter what will use this token")

    page.get_by_label("What will use this token?").fill("Case management system")
    page.get_by_label("30 days").check()
    page.get_by_role("button", name="Create token").click()
    expect(page.get_by_text("Copy this token now. It will not be shown again.")).to_be_visible()
    secret = page.locator("#api-token").inner_text()

    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert api.get("/api/v1/boards/").status_code == 200

    page.get_by_role("link", name="Back to your tokens").click()
    expect(page.get_by_role("cell", name="Case management system", exact=True)).to_be_visible()
    page.get_by_role("link", name="Revoke Case management system").click()
    page.get_by_role("button", name="Revoke token").click()
    expect(page.get_by_text("has been revoked")).to_be_visible()
    assert api.get("/api/v1/boards/").status_code == 401


def test_the_api_documentation_opens_for_a_signed_in_person(page, sign_in, board_member):
    sign_in(board_member)
    page.goto("/api/docs/")
    expect(page.get_by_text("Safeguarding Board Manager API")).to_be_visible()
    expect(page.get_by_text("/api/v1/boards/{board_slug}/agencies/").first).to_be_visible()

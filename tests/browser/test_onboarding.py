"""Onboarding without the Django admin: a host administrator creates a board and invites
its manager, who accepts, sets up two-factor sign-in and invites a member; a manager
defines a breakdown set and an indicator catalogue from a file, and imports figures into
it. The invitation e-mail's job is run here by calling its service (no worker)."""

import re
from base64 import b32decode

import pytest
from django.core import mail
from django_otp.oath import totp
from playwright.sync_api import expect

from board.models import Board, Invitation, Role, RoleAssignment
from board.services.invitations import invitation_email_send
from datasets.models import Indicator, Observation
from tests.factories import UserFactory

pytestmark = pytest.mark.browser
NEW_PASSWORD = "the-new-managers-password-31"


def link_in_email(email: str) -> str:
    mail.outbox.clear()
    invitation_email_send(invitation=Invitation.objects.get(email=email))
    (message,) = mail.outbox
    link = re.search(r"https?://\S+/invitations/open/\?key=\S+", message.body).group(0)
    return "/" + link.split("/", 3)[3]  # the path, on the test's own server


def test_a_host_admin_starts_a_board_whose_manager_accepts_and_invites_a_member(page, sign_in):
    host_admin = UserFactory(full_name="Hana Host", is_host_admin=True)
    sign_in(host_admin)
    page.goto("/")
    expect(page.get_by_role("heading", name="Boards")).to_be_visible()
    page.get_by_role("link", name="Create a board").click()
    page.get_by_role("button", name="Create board").click()  # nothing typed
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the name of the board")
    page.get_by_label("Name of the board").fill("Newtown Safeguarding Children Partnership")
    page.get_by_label("Short name for addresses").fill("newtown")
    page.get_by_label("Area").fill("Newtown")
    page.get_by_role("button", name="Create board").click()
    expect(
        page.get_by_text("Board created: Newtown Safeguarding Children Partnership")
    ).to_be_visible()

    page.get_by_role("link", name="Invite the board manager").click()
    page.get_by_label("Board manager's e-mail address").fill("nia.manager@example.org")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("Invitation sent to nia.manager@example.org")).to_be_visible()
    expect(page.locator("#invitations")).to_contain_text("Waiting for an answer")
    # The host administrator reads none of the new board's records.
    response = page.goto("/boards/newtown/")
    assert response.status == 404

    page.context.clear_cookies()  # the manager, on their own computer
    page.goto(link_in_email("nia.manager@example.org"))
    expect(page.get_by_role("heading", name="Create your account")).to_be_visible()
    expect(page).not_to_have_url(re.compile("invitations/[0-9a-f]{20}"))  # no token shown
    page.get_by_label("Full name").fill("Nia Manager")
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_label("Password again").fill("short")
    page.get_by_role("button", name="Accept and create account").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("too short")
    page.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Password again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Accept and create account").click()

    expect(page.get_by_role("heading", name="Set up two-factor sign-in")).to_be_visible()
    key = b32decode(page.locator("#secret-key").inner_text().replace(" ", ""))
    page.get_by_label("Code from your authenticator app").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Confirm and continue").click()
    expect(
        page.get_by_role("heading", name="Newtown Safeguarding Children Partnership")
    ).to_be_visible()
    expect(page.get_by_text("Your roles on this board: Board manager.")).to_be_visible()

    page.goto("/boards/newtown/invitations/")
    page.get_by_role("link", name="Invite someone").click()
    page.get_by_label("E-mail address").fill("sam.member@example.org")
    page.get_by_label("Board member").check()
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("Invitation sent to sam.member@example.org")).to_be_visible()
    row = page.locator("tr[data-email='sam.member@example.org']")
    expect(row).to_contain_text("Waiting for an answer")
    expect(row).to_contain_text("Nia Manager")

    board = Board.objects.get(slug="newtown")
    assert RoleAssignment.objects.filter(
        board=board, role=Role.BOARD_MANAGER, user__email="nia.manager@example.org"
    ).exists()


CATALOGUE = (
    "code,name,theme,unit,period_type,rollup,breakdown_sets,breakdowns_add_up\n"
    "assessments,Assessments completed,Assessments,count,quarter,sum,timeliness,yes\n"
    "referrals,Referrals to children's social care,Referrals,count,quarter,sum,,no\n"
)


def test_a_manager_defines_breakdowns_and_a_catalogue_then_imports_figures(
    page, sign_in, manager, board
):
    sign_in(manager)
    page.goto(f"/boards/{board.slug}/data/indicators/")
    page.get_by_role("link", name="Breakdown sets").click()
    page.get_by_role("link", name="Add a breakdown set").click()
    page.get_by_label("Name of the breakdown set").fill("Assessment timeliness")
    page.get_by_label("Code").fill("timeliness")
    page.get_by_role("button", name="Save breakdown set").click()
    expect(page.get_by_role("heading", name="Assessment timeliness")).to_be_visible()
    for label, code in (("Within 45 days", "within_45"), ("Over 45 days", "over_45")):
        page.get_by_role("link", name="Add a category").click()
        page.get_by_label("Name of the category").fill(label)
        page.get_by_label("Code").fill(code)
        page.get_by_role("button", name="Save category").click()
    page.get_by_role("link", name="Add a category").click()
    page.get_by_label("Name of the category").fill("within 45 days")
    page.get_by_role("button", name="Save category").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("has a category with this name")
    page.get_by_role("link", name="Back").click()
    expect(page.locator("#categories")).to_contain_text("timeliness:over_45")

    page.goto(f"/boards/{board.slug}/data/indicators/")
    page.get_by_role("link", name="Import indicators from a file").click()
    page.get_by_label("Upload a catalogue file").set_input_files(
        files=[{"name": "catalogue.csv", "mimeType": "text/csv", "buffer": CATALOGUE.encode()}]
    )
    page.get_by_role("button", name="Check the file").click()
    expect(
        page.get_by_role("heading", name="Check the indicators the import will change")
    ).to_be_visible()
    expect(page.locator("#catalogue-counts dd").first).to_have_text("2")
    page.get_by_role("button", name="Apply the import").click()
    expect(
        page.get_by_text("Imported catalogue.csv: 2 new, 0 changed, 0 unchanged")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Assessments completed", exact=True)).to_be_visible()

    figures = (
        "board,indicator,period,breakdown,value,qualifier\n"
        f"{board.slug},assessments,2014-15 Q1,total,320,\n"
        f"{board.slug},assessments,2014-15 Q1,timeliness:within_45,264,\n"
        f"{board.slug},assessments,2014-15 Q1,timeliness:over_45,56,\n"
    )
    page.goto(f"/boards/{board.slug}/data/import/")
    page.get_by_label("Upload a file").set_input_files(
        files=[{"name": "q1.csv", "mimeType": "text/csv", "buffer": figures.encode()}]
    )
    page.get_by_role("button", name="Check the file").click()
    page.get_by_role("button", name="Apply the import").click()
    expect(page.get_by_text("Imported q1.csv: 3 new, 0 changed, 0 unchanged")).to_be_visible()
    assessments = Indicator.objects.get(board=board, code="assessments")
    assert Observation.objects.filter(indicator=assessments).count() == 3

    # With figures, its period type can no longer change, and the page says why.
    page.goto(f"/boards/{board.slug}/data/indicators/{assessments.pk}/edit/")
    page.get_by_label("Period type").select_option("month")
    page.get_by_role("button", name="Save indicator").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The period type cannot change while the indicator has figures"
    )

"""A return handed back and forth: each hand-over shows in the next person's header and
notifications page, and reaches them by e-mail as a link."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from core.periods import Quarter
from lscb.celery import app
from tests.subgroups.factories import add_referrals, subgroup_with_chair

pytestmark = pytest.mark.browser

QUESTIONS = [
    "Achievements and key issues",
    "Impact on children",
    "Impact on practice",
    "Risks and challenges",
    "Emerging themes and recommendations",
]


@pytest.fixture
def jobs_in_process():
    """The e-mail jobs run in the live server's process once each request commits (as
    with no broker), so their messages land in Django's locmem outbox."""
    before, app.conf.task_always_eager = app.conf.task_always_eager, True
    yield
    app.conf.task_always_eager = before


def _last_quarter() -> Quarter:
    return Quarter.containing(Quarter.containing(timezone.localdate()).start - timedelta(days=1))


def _open_notification(page, board, sentence: str) -> None:
    page.goto(f"/boards/{board.slug}/")
    expect(page.locator("#notifications-link")).to_contain_text("1 unread")
    page.locator("#notifications-link").click()
    expect(page.get_by_role("heading", name="Notifications")).to_be_visible()
    page.get_by_role("link", name=sentence).click()


def test_a_chair_submits_the_manager_is_notified_and_returns_it_and_the_chair_resubmits(
    page, sign_in, board, subgroup_chair, manager, jobs_in_process, settings
):
    subgroup = subgroup_with_chair(board, subgroup_chair, name="Health")
    add_referrals(subgroup)
    quarter = _last_quarter()

    sign_in(subgroup_chair)
    page.goto(f"/boards/{board.slug}/subgroups/my-returns/")
    page.get_by_role("link", name=f"{quarter.label} return for Health").click()
    for question in QUESTIONS:
        page.get_by_label(question).fill(f"{question}: the panel met twice.")
    page.get_by_label("Total").fill("10")
    page.get_by_label("Police").fill("6")
    page.get_by_label("Health", exact=True).fill("4")
    page.get_by_role("button", name="Submit return").click()
    expect(page.locator("#return-status")).to_have_text("Submitted")

    (to_manager,) = mail.outbox
    assert to_manager.to == [manager.email]
    assert to_manager.subject == "A quarterly return is waiting for your approval"
    assert f"{settings.SERVICE_URL}/boards/{board.slug}/subgroups/" in to_manager.body
    assert "the panel met twice" not in to_manager.body

    sign_in(manager)
    _open_notification(page, board, "A quarterly return is waiting for your approval")
    expect(page.locator("#return-status")).to_have_text("Submitted")
    page.get_by_role("button", name="Return for amendment").click()
    page.get_by_label("What needs to change").fill("Say which agencies attended.")
    page.get_by_role("button", name="Return for amendment").click()
    expect(page.locator("#return-status")).to_have_text("Returned for amendment")

    to_chair = mail.outbox[-1]
    assert to_chair.to == [subgroup_chair.email]
    assert "Say which agencies attended" not in to_chair.body

    sign_in(subgroup_chair)
    _open_notification(page, board, "A quarterly return has been sent back to you for amendment")
    expect(page.locator(".govuk-inset-text")).to_contain_text("Say which agencies attended.")
    page.get_by_label("Achievements and key issues").fill("Police, health and schools attended.")
    page.get_by_role("button", name="Submit return").click()
    expect(page.locator("#return-status")).to_have_text("Resubmitted")

    sign_in(manager)
    page.goto(f"/boards/{board.slug}/notifications/")
    rows = page.locator("#notifications tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text(f"Health, {quarter.label}")
    page.get_by_role("button", name="Mark all as read").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Marked as read.")
    expect(page.locator("#notifications-link")).not_to_contain_text("unread")
    assert len(mail.outbox) == 3

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.periods import Quarter
from datasets.models import Observation
from subgroups.models import QuarterlyReturn, ReturnStatus
from tests.subgroups.factories import add_referrals, subgroup_with_chair

pytestmark = pytest.mark.browser

QUESTIONS = [
    "Achievements and key issues",
    "Impact on children",
    "Impact on practice",
    "Risks and challenges",
    "Emerging themes and recommendations",
]


def _last_quarter() -> Quarter:
    return Quarter.containing(Quarter.containing(timezone.localdate()).start - timedelta(days=1))


def test_a_chair_submits_the_manager_returns_it_then_approves_it(
    page, sign_in, board, subgroup_chair, manager
):
    subgroup = subgroup_with_chair(board, subgroup_chair, name="Health")
    add_referrals(subgroup)
    quarter = _last_quarter()

    sign_in(subgroup_chair)
    page.goto(f"/boards/{board.slug}/subgroups/my-returns/")
    expect(page.get_by_role("heading", name="My returns")).to_be_visible()
    page.get_by_role("link", name=f"{quarter.label} return for Health").click()
    for question in QUESTIONS:
        page.get_by_label(question).fill(f"{question}: the panel met twice.")
    page.get_by_label("Total").fill("ten")
    page.get_by_label("Police").fill("6")
    page.get_by_label("Health", exact=True).fill("4")
    page.get_by_role("button", name="Submit return").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Referrals must be a number, like 12")
    summary.get_by_role("link", name="Referrals must be a number, like 12").click()
    expect(page.get_by_label("Total")).to_be_focused()
    page.get_by_label("Total").fill("10")
    page.get_by_role("button", name="Submit return").click()
    expect(page.locator("#return-status")).to_have_text("Submitted")

    sign_in(manager)
    page.goto(page.url)
    page.get_by_role("button", name="Return for amendment").click()
    page.get_by_label("What needs to change").fill("Say which agencies attended.")
    page.get_by_role("button", name="Return for amendment").click()
    expect(page.locator("#return-status")).to_have_text("Returned for amendment")

    sign_in(subgroup_chair)
    page.goto(f"/boards/{board.slug}/subgroups/my-returns/")
    page.get_by_role("link", name=f"{quarter.label} return for Health").click()
    expect(page.locator(".govuk-inset-text")).to_contain_text("Say which agencies attended.")
    page.get_by_label("Achievements and key issues").fill("Police, health and schools attended.")
    page.get_by_role("button", name="Submit return").click()
    expect(page.locator("#return-status")).to_have_text("Resubmitted")

    sign_in(manager)
    page.goto(page.url)
    page.get_by_role("button", name="Approve").click()
    page.get_by_role("button", name="Approve and lock the return").click()
    expect(page.locator("#return-status")).to_have_text("Approved")
    expect(page.get_by_role("button", name="Unlock")).to_be_visible()
    expect(page.locator("#history")).to_contain_text("Say which agencies attended.")
    r = QuarterlyReturn.objects.get(subgroup=subgroup)
    assert r.status == ReturnStatus.APPROVED and r.is_locked
    assert Observation.objects.filter(board=board, period_start=quarter.start).count() == 3

    sign_in(subgroup_chair)
    page.goto(page.url + "edit/")
    expect(page.locator(".govuk-notification-banner, .govuk-error-summary").first).to_contain_text(
        "approved and cannot be changed"
    )

"""The manager finds a joint inspection's fieldwork on the statutory calendar, filters it
by kind, and changes the notice period on the timescales page, which moves the clock."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from reviews.assurance.models import Inspection

pytestmark = pytest.mark.browser


def test_the_statutory_calendar_and_its_timescales(page, sign_in, manager, board):
    fieldwork = timezone.localdate() + datetime.timedelta(days=40)
    Inspection.objects.create(
        board=board, inspectorate="joint", title="JTAI: the front door", start_date=fieldwork
    )
    sign_in(manager)
    page.goto(f"/boards/{board.slug}/statutory/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Statutory calendar")
    page.get_by_label("Kind").select_option(label="Joint targeted area inspection")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("#clock-count")).to_have_text("1 clock match the filters.")
    expect(page.get_by_text("Fieldwork after 10 working days' notice")).to_be_visible()

    page.get_by_role("link", name="Change the board's timescales").click()
    page.get_by_role("link", name="Change Joint targeted area inspection: notice").click()
    page.get_by_label("Number of working days").fill("99")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    page.get_by_label("Number of working days").fill("5")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("5 working days")
    page.goto(f"/boards/{board.slug}/statutory/?kind=jtai")
    expect(page.get_by_text("Fieldwork after 5 working days' notice")).to_be_visible()

"""The partnership yearly report's last steps: the manager finds publication waiting for
the lead partners' sign-off and the scrutineer's assessment, records each partner's
sign-off from the checklist's link, the scrutineer records the assessment, the manager
publishes and records the day it was sent to the Panel; the send-on clock shows it."""

import datetime

import pytest
from django.utils import timezone

from reports.models import AnnualReport, ReportState
from tests.forms import fill_date
from tests.reports.yearly_factories import (
    AUTHORED,
    lead_agencies,
    partnership_report,
    review_of_the_year,
    scrutineer,
    training_evaluated,
)

pytestmark = pytest.mark.browser


def test_sign_off_scrutiny_publication_and_send_on(page, sign_in, board, manager):
    partners = lead_agencies(board)
    review_of_the_year(board, partners[0])
    training_evaluated(board)
    report = partnership_report(board, **AUTHORED)
    report.state = ReportState.APPROVED
    report.save()
    person = scrutineer(board)
    report_page = f"/boards/{board.slug}/reports/2014-15/"
    today = timezone.localdate()

    sign_in(manager)
    page.goto(report_page)
    assert "6 of 8 required contents are there" in page.inner_text("#checklist-count")
    page.get_by_role("button", name="Publish", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == "The report cannot be published yet"
    page.goto(report_page)
    for agency in partners:
        page.get_by_role("link", name="Record a lead partner's sign-off").first.click()
        page.get_by_label("Lead partner").select_option(label=agency.name)
        page.get_by_label("Name of the signatory").fill(f"Director, {agency.name}")
        fill_date(page, "Date of the sign-off", today)
        page.get_by_role("button", name="Record the sign-off").click()
    assert "Signed off by all 3 lead partners." in page.inner_text("#checklist-sign_off")

    sign_in(person)
    page.goto(report_page)
    page.get_by_role("link", name="Record the assessment").click()
    page.get_by_role("button", name="Record the assessment").click()
    assert "Enter the assessment" in page.inner_text(".govuk-error-summary")
    page.get_by_label("Assessment", exact=True).fill("Candid about what did not improve.")
    page.get_by_label("Effective, with improvements needed").check()
    fill_date(page, "Date of the assessment", today)
    page.get_by_label("Name of the scrutineer").fill("A. Scrutineer")
    page.get_by_role("button", name="Record the assessment").click()
    assert "Effective, with improvements needed" in page.inner_text("#scrutiny")

    sign_in(manager)
    page.goto(report_page)
    page.get_by_role("button", name="Publish", exact=True).click()
    assert "within 7 days" in page.inner_text("main")
    page.get_by_role("button", name="Publish the report").click()
    assert AnnualReport.objects.get(pk=report.pk).state == ReportState.PUBLISHED
    due = (today + datetime.timedelta(days=7)).strftime("%-d %B %Y")
    assert due in page.inner_text("#send-on")
    page.get_by_role("link", name="Record the date sent to Child Safeguarding").click()
    fill_date(page, "Date sent", today)
    page.get_by_role("button", name="Record the date sent").click()
    rows = page.locator("#send-on tbody tr")
    assert "Sent" in rows.nth(0).inner_text() and "Due" in rows.nth(1).inner_text()

"""Recording the lead partners' sign-off (the board manager) and the independent
scrutineer's assessment (the scrutineer or the manager), with bad input refused on the
form; publication's confirm page says what is still missing."""

import datetime

from django.urls import reverse

from reports.models import ReportState
from reports.yearly.models import LeadPartnerSignOff, ScrutinyAssessment
from tests.forms import date_parts

from .factories import YEAR, report_for
from .yearly_factories import (
    complete_report,
    lead_agencies,
    partnership_report,
    scrutineer,
    signed_and_scrutinised,
)


def url(board, name: str) -> str:
    return reverse(f"reports:{name}", kwargs={"board_slug": board.slug, "year": YEAR.slug})


def sign_off_data(agency, **changes) -> dict:
    data = {"agency": str(agency.pk), "signatory": "Jo Bloggs",
            **date_parts("signed_on", datetime.date(2015, 6, 1))}  # fmt: skip
    return {**data, **changes}


def scrutiny_data(**changes) -> dict:
    data = {
        "text": "A candid report.",
        "conclusion": "improvements",
        "assessed_by": "A. Scrutineer",
        **date_parts("assessed_on", datetime.date(2015, 6, 2)),
    }
    return {**data, **changes}


def test_the_manager_records_each_partners_sign_off(board, manager, client_for):
    partners = lead_agencies(board)
    report = partnership_report(board)
    client = client_for(manager)
    page = client.get(url(board, "yearly-sign-off")).content.decode()
    assert all(agency.name in page for agency in partners) and "CAFCASS" not in page
    assert client.post(url(board, "yearly-sign-off"), sign_off_data(partners[0])).status_code == 302
    # Again for the same partner: corrected, not doubled.
    client.post(url(board, "yearly-sign-off"), sign_off_data(partners[0], signatory="Sam Roe"))
    [sign_off] = LeadPartnerSignOff.objects.filter(report=report)
    assert (sign_off.signatory, sign_off.recorded_by) == ("Sam Roe", manager)


def test_bad_sign_off_input_is_shown_on_the_form(board, other_board, manager, client_for):
    partners = lead_agencies(board)
    partnership_report(board)
    cafcass = board.agencies.get(name="CAFCASS")
    elsewhere = other_board.agencies.create(name="Elsewhere Police", sector="police",
                                            is_statutory_partner=True)  # fmt: skip
    client = client_for(manager)
    future = datetime.date.today() + datetime.timedelta(days=3)
    cases = [
        (sign_off_data(partners[0], signatory=""), "Enter the name of the signatory"),
        (sign_off_data(cafcass), "Choose the lead partner from the list"),
        (sign_off_data(elsewhere), "Choose the lead partner from the list"),
        (
            {**sign_off_data(partners[0]), "agency": "not-an-id"},
            "Choose the lead partner from the list",
        ),
        ({**sign_off_data(partners[0]), **date_parts("signed_on", "31/2/2015")}, "real date"),
        ({**sign_off_data(partners[0]), **date_parts("signed_on", future)}, "today or in the past"),
    ]
    for data, message in cases:
        response = client.post(url(board, "yearly-sign-off"), data)
        assert response.status_code == 200, data
        assert message in response.content.decode(), message
    assert not LeadPartnerSignOff.objects.exists()


def test_the_scrutineer_records_the_assessment_and_reads_the_draft(board, client_for):
    report = partnership_report(board, Areas_of_little_or_no_progress="Waiting times.")
    person = scrutineer(board)
    client = client_for(person)
    page = client.get(url(board, "report")).content.decode()
    assert "Areas of little or no progress" in page and "Record the assessment" in page
    assert client.post(url(board, "yearly-scrutiny"), scrutiny_data()).status_code == 302
    found = ScrutinyAssessment.objects.get(report=report)
    assert (found.conclusion, found.recorded_by) == ("improvements", person)
    assert client.get(url(board, "yearly-sign-off")).status_code == 403
    # The form opens with what was recorded, to correct it.
    assert "A candid report." in client.get(url(board, "yearly-scrutiny")).content.decode()


def test_the_scrutineer_reads_no_lscb_annual_report(board, client_for):
    report_for(board)
    client = client_for(scrutineer(board))
    assert client.get(url(board, "report")).status_code == 403
    assert client.get(url(board, "yearly-scrutiny")).status_code == 404


def test_bad_scrutiny_input_is_shown_on_the_form(board, manager, client_for):
    partnership_report(board)
    client = client_for(manager)
    cases = [
        (scrutiny_data(text="  "), "Enter the assessment"),
        (scrutiny_data(conclusion="brilliant"), "Choose the conclusion from the list"),
        (scrutiny_data(assessed_by=""), "Enter the name of the scrutineer"),
        ({**scrutiny_data(), **date_parts("assessed_on", None)}, "Enter the date of the"),
    ]
    for data, message in cases:
        response = client.post(url(board, "yearly-scrutiny"), data)
        assert response.status_code == 200, data
        assert message in response.content.decode(), message
    assert not ScrutinyAssessment.objects.exists()


def test_nothing_is_recorded_on_a_published_report(board, manager, client_for):
    report = complete_report(board)
    report.state = ReportState.PUBLISHED
    report.save()
    response = client_for(manager).post(url(board, "yearly-scrutiny"), scrutiny_data(text="New"))
    assert "published" in response.content.decode()
    assert ScrutinyAssessment.objects.get(report=report).text == "A candid report."


def test_send_on_before_publication_is_refused(board, manager, client_for):
    partnership_report(board)
    data = {"recipient": "panel", **date_parts("sent_on", datetime.date(2015, 7, 1))}
    response = client_for(manager).post(url(board, "yearly-send-on"), data)
    assert response.status_code == 200
    assert "Only a published partnership yearly report is sent on" in response.content.decode()
    bad = client_for(manager).post(url(board, "yearly-send-on"), {"recipient": "ofsted"})
    assert "Choose the recipient from the list" in bad.content.decode()


def test_the_publish_page_says_what_is_missing(board, manager, client_for):
    partners = lead_agencies(board)
    report = partnership_report(board)
    report.state = ReportState.APPROVED
    report.save()
    client = client_for(manager)
    page = client.get(url(board, "report-publish")).content.decode()
    assert "The report cannot be published yet" in page
    assert "Not yet signed off by" in page and "scrutineer" in page
    assert client.post(url(board, "report-publish")).status_code == 200
    report.refresh_from_db()
    assert report.state == ReportState.APPROVED
    signed_and_scrutinised(report, partners)
    page = client.get(url(board, "report-publish")).content.decode()
    assert "Publish the report?" in page and "within 7 days" in page

"""Serious incident pages: recording the notification (and who is told), the rapid
review's agency summaries, the decision confirmed on its own page, the practice review it
puts on the register, the list's filters, order, paging and export, and what the calendar,
the home page and the search show. Bad input is refused with the field named."""

import csv
import io
import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from board.access import access_for
from board.calendar_sources import events_for
from board.models import Action, Notification
from board.search import search
from board.waiting import cards_for
from reviews.case_reviews.models import CaseReview, MilestoneKind, SeriousIncident
from reviews.case_reviews.services.incidents import agency_summary_request, rapid_review_update
from reviews.case_reviews.services.national import (
    national_recommendation_create,
    national_review_create,
)
from tests.factories import AgencyFactory
from tests.forms import date_parts

from .factories import HOLD, agency, decided_incident, incident_for


def base(board) -> str:
    return f"/boards/{board.slug}/reviews/serious-incidents/"


def incident_post(**overrides) -> dict:
    data = {"reference": "Child N", "category": "serious_harm", "category_summary": "Injury"}
    data |= date_parts("aware_on", date(2014, 12, 22))
    data |= date_parts("notified_on", date(2014, 12, 23))
    data |= date_parts("partners_told_on", None)
    return data | overrides


def test_recording_a_notification_tells_the_sub_group_and_the_manager(
    board, scr_member, manager, client_for
):
    police = agency(board)
    response = client_for(scr_member).post(
        f"{base(board)}new/", incident_post(agencies_involved=[police.pk])
    )
    incident = SeriousIncident.objects.get(board=board)
    assert response.status_code == 302 and response.url == f"{base(board)}{incident.pk}/"
    assert list(incident.agencies_involved.all()) == [police]
    assert incident.rapid_review.decision == ""
    told = Notification.objects.filter(board=board, kind="incident_recorded")
    assert [n.recipient for n in told] == [manager]  # not the person who recorded it
    assert "Child N" not in told.get().title


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"reference": ""}, "Enter the case reference"),
        (date_parts("aware_on", date.today() + timedelta(days=3)), "must be today or in the past"),
        (date_parts("notified_on", date(2014, 12, 1)), "on or after the date of becoming aware"),
        (date_parts("aware_on", "31/2/2014"), "must be a real date"),
        ({"category": "murder"}, "Category of incident"),
    ],
)
def test_bad_notifications_are_refused_with_the_field_named(
    board, scr_member, client_for, overrides, message
):
    response = client_for(scr_member).post(f"{base(board)}new/", incident_post(**overrides))
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert message in page
    assert not SeriousIncident.objects.filter(board=board).exists()


def test_a_second_incident_with_the_same_reference_is_refused(board, scr_member, client_for):
    incident_for(board)
    page = client_for(scr_member).post(f"{base(board)}new/", incident_post()).content.decode()
    assert "already has an incident with this reference" in page


def test_agency_summaries_show_what_is_outstanding(board, scr_member, client_for):
    incident = incident_for(board, notified_on=date(2014, 12, 23))
    police = agency(board)
    client = client_for(scr_member)
    url = f"{base(board)}{incident.pk}/summaries/new/"
    other = AgencyFactory()  # of another board
    page = client.post(url, {"agency": other.pk, **date_parts("requested_on", date(2014, 12, 23))})
    assert "govuk-error-summary" in page.content.decode()
    assert not incident.rapid_review.agency_summaries.exists()
    post = {"agency": police.pk, "contact_email": "sarah@police.example.org"}
    response = client.post(url, post | date_parts("requested_on", date(2014, 12, 23)))
    assert response.status_code == 302
    summary = incident.rapid_review.agency_summaries.get()
    told = Notification.objects.get(kind="incident_summary_requested")
    assert told.address == "sarah@police.example.org"
    detail = client.get(f"{base(board)}{incident.pk}/").content.decode()
    assert "Outstanding" in detail and "Testshire Police" in detail
    edit = f"{base(board)}{incident.pk}/summaries/{summary.pk}/"
    bad = client.post(
        edit,
        date_parts("requested_on", date(2014, 12, 23))
        | date_parts("received_on", date(2014, 12, 1)),
    )
    assert "cannot be received before it was requested" in bad.content.decode()
    client.post(
        edit,
        date_parts("requested_on", date(2014, 12, 23))
        | date_parts("received_on", date(2015, 1, 5)),
    )
    assert "Outstanding" not in client.get(f"{base(board)}{incident.pk}/").content.decode()


def decision_post(**overrides) -> dict:
    data = {
        "decision": "hold",
        "criteria": ["serious_harm", "working_together"],
        "decision_reasons": "Agencies did not share what they knew.",
        "methodology": "silp",
    }
    return data | date_parts("decided_on", date(2015, 1, 12)) | overrides


def test_the_decision_is_confirmed_then_puts_a_practice_review_on_the_register(
    board, scr_member, chair, client_for
):
    police = agency(board)
    incident = incident_for(board, [police], notified_on=date(2014, 12, 23))
    rapid_review_update(incident=incident, meeting_on=date(2015, 1, 12))
    client = client_for(scr_member)
    url = f"{base(board)}{incident.pk}/decision/"
    confirm = client.post(url, decision_post())
    assert confirm.status_code == 200 and "Record this decision?" in confirm.content.decode()
    assert not CaseReview.objects.filter(board=board).exists()  # asked, not yet recorded
    response = client.post(url, decision_post(confirm="yes"))
    assert response.status_code == 302
    incident.refresh_from_db()
    review = incident.practice_review
    assert review.review_type == "lcspr" and review.is_initiated
    assert review.decision_on == date(2015, 1, 12) and list(review.agencies_involved.all()) == [
        police
    ]
    assert review.milestones.get().kind == MilestoneKind.RAPID_REVIEW
    assert Notification.objects.filter(kind="incident_decided", recipient=chair).exists()
    page = client.get(f"{base(board)}{incident.pk}/").content.decode()
    assert "Practice review in progress" in page
    assert "Publication of the practice review" in page and "12 Jul 2015" in page
    again = client.get(url)
    assert again.status_code == 302  # a decision is recorded once


def test_a_decision_needs_its_criteria_and_the_meeting(board, scr_member, client_for):
    incident = incident_for(board, notified_on=date(2014, 12, 23))
    client = client_for(scr_member)
    url = f"{base(board)}{incident.pk}/decision/"
    page = client.post(url, decision_post(confirm="yes")).content.decode()
    assert "Record the rapid review meeting before the decision" in page
    rapid_review_update(incident=incident, meeting_on=date(2015, 1, 12))
    page = client.post(url, decision_post(criteria=[], confirm="yes")).content.decode()
    assert "Tick the criteria the case meets" in page
    page = client.post(url, decision_post(criteria=["nonsense"])).content.decode()
    assert "govuk-error-summary" in page
    page = client.post(url, decision_post(methodology="", confirm="yes")).content.decode()
    assert "Choose the methodology" in page
    assert not CaseReview.objects.filter(board=board).exists()


def test_not_holding_a_review_starts_none(board, scr_member, client_for):
    incident = incident_for(board, notified_on=date(2014, 12, 23))
    rapid_review_update(incident=incident, meeting_on=date(2015, 1, 12))
    client_for(scr_member).post(
        f"{base(board)}{incident.pk}/decision/",
        decision_post(decision="not_hold", criteria=[], methodology="", confirm="yes"),
    )
    incident.refresh_from_db()
    assert incident.rapid_review.decision == "not_hold" and incident.practice_review is None


def test_the_panel_response_needs_the_rapid_review_sent_first(board, scr_member, client_for):
    incident = incident_for(board, notified_on=date(2014, 12, 23))
    post = date_parts("meeting_on", None) | date_parts("sent_to_panel_on", None)
    post |= date_parts("panel_response_on", date(2015, 1, 20)) | {"panel_response": "Agreed"}
    page = client_for(scr_member).post(f"{base(board)}{incident.pk}/rapid-review/", post)
    assert "Record when it was sent to the Panel first" in page.content.decode()


def test_the_list_filters_sorts_and_refuses_what_it_cannot_read(board, scr_member, client_for):
    decided_incident(board)
    incident_for(
        board, reference="Child A", aware_on=date(2015, 5, 20), notified_on=date(2015, 5, 21)
    )
    client = client_for(scr_member)
    page = client.get(base(board), {"stage": "In rapid review"}).content.decode()
    assert "Child A" in page and "Child N" not in page
    page = client.get(base(board), {"stage": "Practice review in progress"}).content.decode()
    assert "Child N" in page and "Child A" not in page
    page = client.get(base(board), {"sort": "reference"}).content.decode()
    assert page.index("Child A") < page.index("Child N")
    page = client.get(base(board), {"clock": "overdue", "year": "2015-16"}).content.decode()
    assert "Child A" in page and "Child N" not in page
    bad = client.get(base(board), {"year": "2014-1x", "sort": "nonsense"})
    assert bad.status_code == 200 and "govuk-error-summary" in bad.content.decode()
    assert client.get(f"{base(board)}export/", {"sort": "nonsense"}).status_code == 400


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_holds_the_list_and_is_safe(board, scr_member, client_for, fmt):
    from tests.security.test_exports import assert_csv_safe, assert_xlsx_safe

    hostile = '=HYPERLINK("http://x","y")'
    incident_for(board, reference=hostile[:40])
    response = client_for(scr_member).get(f"{base(board)}export/", {"format": fmt})
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    (assert_csv_safe if fmt == "csv" else assert_xlsx_safe)(response.content, hostile[:40])
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[0][0] == "Case reference" and len(rows) == 2


def test_the_calendar_and_the_home_page_show_each_running_deadline(board, scr_member, viewer):
    today = timezone.localdate()
    incident = incident_for(board, aware_on=today)
    access = access_for(scr_member, board)
    events = events_for(access, today, today + timedelta(days=30))
    assert {e.title for e in events} >= {"Serious incident due"}
    assert all("Child N" not in e.title for e in events)
    cards = {card.key: card for card in cards_for(access, today)}
    lines = [line.text for line in cards["serious-incident-clocks"].lines]
    assert any(text.startswith("1 incident to notify to the Panel by") for text in lines)
    assert "serious-incident-clocks" not in {
        c.key for c in cards_for(access_for(viewer, board), today)
    }
    assert not events_for(access_for(viewer, board), today, today + timedelta(days=30))
    assert incident.pk


def test_the_home_card_costs_the_same_for_many_incidents(
    board, scr_member, django_assert_max_num_queries
):
    from reviews.case_reviews.waiting_incidents import incident_clocks_waiting

    access = access_for(scr_member, board)
    today = timezone.localdate()
    decided_incident(board)
    with django_assert_max_num_queries(10) as small:
        incident_clocks_waiting(board, access, today)
    for n in range(6):
        decided_incident(board, reference=f"Child {n}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        incident_clocks_waiting(board, access, today)


def test_search_finds_incidents_for_the_sub_group_only(board, scr_member, viewer):
    incident_for(board)
    found = search(board, access_for(scr_member, board), "Child N")
    assert any(result.kind.key == "serious_incidents" for result in found)
    seen = search(board, access_for(viewer, board), "Child N")
    assert not any(result.kind.key == "serious_incidents" for result in seen)


def test_a_national_reviews_recommendation_becomes_a_tracker_action(board, scr_member, client_for):
    review = national_review_create(
        board=board, title="The myth of invisible men", published_on=date(2021, 9, 1)
    )
    police = agency(board)
    client = client_for(scr_member)
    url = f"/boards/{board.slug}/reviews/national-reviews/{review.pk}/recommendations/new/"
    bad = client.post(url, {"text": "Involve fathers"} | date_parts("due_date", date(2022, 3, 31)))
    assert "Choose the agency that owns this recommendation" in bad.content.decode()
    post = {"text": "Involve fathers", "owner_agency": police.pk}
    assert client.post(url, post | date_parts("due_date", date(2022, 3, 31))).status_code == 302
    action = Action.objects.get(board=board)
    assert action.source_type == "national_review" and action.owner_agency == police
    page = client.get(
        f"/boards/{board.slug}/reviews/national-reviews/{review.pk}/"
    ).content.decode()
    assert "Involve fathers" in page
    second = national_recommendation_create(
        review=review,
        text="Train",
        owner_agency=police,
        due_date=date(2022, 3, 31),
        created_by=scr_member,
    )
    assert second.number == 2


def test_another_boards_agency_cannot_be_asked_for_a_summary(board, other_board):
    from django.core.exceptions import ValidationError

    incident = incident_for(board)
    with pytest.raises(ValidationError, match="Choose an agency of this board"):
        agency_summary_request(
            incident=incident, agency=agency(other_board), requested_on=date(2014, 12, 23)
        )
    assert HOLD["decision"] == "hold"


def test_the_list_issues_a_constant_number_of_queries(
    board, scr_member, client_for, django_assert_max_num_queries
):
    client = client_for(scr_member)
    decided_incident(board, [agency(board)])
    client.get(base(board))
    with django_assert_max_num_queries(40) as small:
        client.get(base(board))
    for n in range(6):
        decided_incident(board, reference=f"Child {n}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(base(board)).status_code == 200


def test_the_edit_page_starts_from_the_incident_and_keeps_its_agencies(
    board, scr_member, client_for
):
    police = AgencyFactory(board=board, name="Testshire Police")
    incident = incident_for(board, agencies=[police])
    client = client_for(scr_member)
    page = client.get(f"{base(board)}{incident.pk}/edit/").content.decode()
    boxes = re.findall(r"<input[^>]*>", page)
    [police_box] = [box for box in boxes if f'value="{police.pk}"' in box]
    assert "checked" in police_box
    assert any('value="Child N"' in box for box in boxes)
    response = client.post(
        f"{base(board)}{incident.pk}/edit/",
        incident_post(reference="Child N2", agencies_involved=[str(police.pk)]),
    )
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.reference == "Child N2"
    assert list(incident.agencies_involved.all()) == [police]

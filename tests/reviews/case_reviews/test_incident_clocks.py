"""Every serious incident clock, across Christmas, Easter and the late May and August bank
holidays: the notification to the Panel and to the partners (5 working days of becoming
aware), the rapid review (15 working days of the notification) and the Panel's response
(10 calendar days of the rapid review being sent: bank holidays count)."""

from datetime import date

import pytest
from django.core import mail

from board.models import Notification
from reviews.case_reviews.clocks import incident_clocks
from reviews.case_reviews.services.incident_notices import incident_clock_alerts_send
from reviews.case_reviews.services.incidents import rapid_review_update, serious_incident_update
from reviews.case_reviews.services.reviews import scr_settings, scr_settings_update
from tests.mail_jobs import run_now

from .factories import incident_for

# (name, date became aware, notification due, date notified, rapid review due)
HOLIDAYS = [
    # 25 and 26 December 2014 (Thursday, Friday) and 1 January 2015 are bank holidays.
    ("christmas", date(2014, 12, 22), date(2014, 12, 31), date(2014, 12, 19), date(2015, 1, 14)),
    # Good Friday 3 April and Easter Monday 6 April 2015.
    ("easter", date(2015, 4, 1), date(2015, 4, 10), date(2015, 3, 27), date(2015, 4, 21)),
    # The late May bank holiday, Monday 25 May 2015.
    ("late_may", date(2015, 5, 20), date(2015, 5, 28), date(2015, 5, 18), date(2015, 6, 9)),
    # The August bank holiday, Monday 31 August 2015.
    ("august", date(2015, 8, 26), date(2015, 9, 3), date(2015, 8, 24), date(2015, 9, 15)),
]
IDS = [case[0] for case in HOLIDAYS]


def clocks(incident, today):
    incident.refresh_from_db()
    settings = scr_settings(board=incident.board)
    return {c.key: c for c in incident_clocks(incident, settings, today)}


@pytest.mark.django_db
@pytest.mark.parametrize("name, aware, due, _notified, _rapid_due", HOLIDAYS, ids=IDS)
def test_the_panel_and_the_partners_are_told_within_five_working_days(
    board, name, aware, due, _notified, _rapid_due
):
    incident = incident_for(board, aware_on=aware)
    found = clocks(incident, aware)
    for key in ("incident_notification", "partners_told"):
        assert found[key].deadline == due
        assert found[key].working_days and found[key].limit == "5 working days"
    assert clocks(incident, due)["incident_notification"].status == "due_soon"
    assert clocks(incident, date(2016, 1, 1))["incident_notification"].status == "overdue"
    serious_incident_update(incident=incident, notified_on=due, partners_told_on=due)
    met = clocks(incident, date(2016, 1, 1))
    assert met["incident_notification"].status == "met"
    assert met["incident_notification"].elapsed == 5
    assert met["partners_told"].status == "met"
    late = incident_for(board, reference="Child Q", aware_on=aware, notified_on=_next(due))
    assert clocks(late, date(2016, 1, 1))["incident_notification"].status == "missed"


def _next(day: date) -> date:
    from board.working_days import add_working_days

    return add_working_days(day, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("name, _aware, _due, notified, rapid_due", HOLIDAYS, ids=IDS)
def test_the_rapid_review_goes_to_the_panel_within_fifteen_working_days(
    board, name, _aware, _due, notified, rapid_due
):
    incident = incident_for(board, aware_on=notified, notified_on=notified)
    rapid = clocks(incident, notified)["rapid_review"]
    assert rapid.deadline == rapid_due and rapid.status == "running"
    assert rapid.limit == "15 working days"
    assert clocks(incident, rapid_due)["rapid_review"].status == "due_soon"
    rapid_review_update(incident=incident, sent_to_panel_on=rapid_due)
    assert clocks(incident, date(2016, 1, 1))["rapid_review"].status == "met"
    assert clocks(incident, date(2016, 1, 1))["rapid_review"].elapsed == 15


@pytest.mark.django_db
@pytest.mark.parametrize(
    "sent, expected",
    [
        (date(2014, 12, 19), date(2014, 12, 29)),  # over Christmas: calendar days
        (date(2015, 4, 1), date(2015, 4, 11)),  # over Easter
        (date(2015, 5, 20), date(2015, 5, 30)),  # over the late May bank holiday
        (date(2015, 8, 26), date(2015, 9, 5)),  # over the August bank holiday
    ],
)
def test_the_panel_answers_about_ten_days_after_the_rapid_review_is_sent(board, sent, expected):
    incident = incident_for(board, aware_on=sent, notified_on=sent)
    assert "panel_response" not in clocks(incident, sent)
    rapid_review_update(incident=incident, sent_to_panel_on=sent)
    response = clocks(incident, sent)["panel_response"]
    assert response.deadline == expected and response.limit == "10 days"
    assert not response.working_days
    assert clocks(incident, date(2016, 1, 1))["panel_response"].status == "overdue"
    rapid_review_update(incident=incident, panel_response_on=expected, panel_response="Agreed.")
    assert clocks(incident, date(2016, 1, 1))["panel_response"].status == "met"


def test_each_board_sets_its_own_incident_clocks(board, other_board):
    scr_settings_update(board=board, notification_working_days=3, panel_response_days=14)
    incident = incident_for(board, aware_on=date(2015, 4, 1), notified_on=date(2015, 4, 1))
    rapid_review_update(incident=incident, sent_to_panel_on=date(2015, 4, 1))
    found = clocks(incident, date(2015, 4, 1))
    assert found["incident_notification"].deadline == date(2015, 4, 8)  # Easter skipped
    assert found["panel_response"].deadline == date(2015, 4, 15)
    other = incident_for(other_board, aware_on=date(2015, 4, 1))
    assert clocks(other, date(2015, 4, 1))["incident_notification"].deadline == date(2015, 4, 10)


@pytest.mark.django_db
def test_alerts_go_before_and_after_an_incident_deadline_once_each(board, scr_member, manager):
    incident = incident_for(board, aware_on=date(2014, 12, 22))  # notification due 31 Dec
    assert run_now(incident_clock_alerts_send, today=date(2014, 12, 20)) == 0  # running
    assert run_now(incident_clock_alerts_send, today=date(2014, 12, 24)) >= 1  # due soon
    assert run_now(incident_clock_alerts_send, today=date(2014, 12, 29)) == 0  # once
    assert run_now(incident_clock_alerts_send, today=date(2015, 1, 2)) >= 1  # passed
    kinds = set(Notification.objects.filter(board=board).values_list("kind", flat=True))
    assert {"incident_clock_due_soon", "incident_clock_passed"} <= kinds
    assert all("Child N" not in m.body and "Child N" not in m.subject for m in mail.outbox)
    assert incident.reference == "Child N"

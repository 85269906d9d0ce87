from datetime import date, timedelta

from django.core import mail

from reviews.child_deaths.models import AgencyFormReminder
from reviews.child_deaths.services.cases import agency_form_request
from reviews.child_deaths.services.reminders import agency_form_reminders_send
from reviews.child_deaths.tasks import send_cdop_form_reminders
from tests.factories import AgencyFactory
from tests.mail_jobs import run_now

from .factories import notify

REQUESTED = date(2013, 5, 12)


def overdue_form(board, **kwargs):
    case = notify(board)
    return agency_form_request(
        case=case,
        agency=AgencyFactory(board=board),
        contact_email="spoc@police.example.org",
        requested_on=REQUESTED,
        **kwargs,
    )


def test_nothing_is_sent_before_a_form_is_due(board):
    overdue_form(board)
    assert run_now(agency_form_reminders_send, today=REQUESTED + timedelta(days=27)) == 0
    assert mail.outbox == []


def test_an_overdue_form_is_reminded_once_a_stage_however_often_the_task_runs(board):
    agency_form = overdue_form(board)
    due = REQUESTED + timedelta(days=28)
    assert run_now(agency_form_reminders_send, today=due) == 1
    assert run_now(agency_form_reminders_send, today=due) == 0
    assert run_now(agency_form_reminders_send, today=due + timedelta(days=6)) == 0
    assert run_now(agency_form_reminders_send, today=due + timedelta(days=7)) == 1
    assert [r.stage for r in AgencyFormReminder.objects.all()] == [1, 2]
    agency_form.refresh_from_db()
    assert agency_form.last_chased_on == due + timedelta(days=7)
    assert len(mail.outbox) == 2


def test_the_reminder_carries_a_link_and_nothing_about_the_case(board):
    agency_form = overdue_form(board)
    run_now(agency_form_reminders_send, today=REQUESTED + timedelta(days=30))
    message = mail.outbox[0]
    assert message.to == ["spoc@police.example.org"]
    assert f"/boards/{board.slug}/reviews/cdop/cases/{agency_form.case_id}/" in message.body
    case = agency_form.case
    for secret in (case.number, case.locality.name, case.notified_by, "2013", "Female", "female"):
        assert secret not in message.body + message.subject


def test_a_received_form_is_not_chased(board):
    agency_form = overdue_form(board)
    agency_form.received_on = REQUESTED + timedelta(days=3)
    agency_form.save()
    assert run_now(agency_form_reminders_send, today=REQUESTED + timedelta(days=60)) == 0


def test_the_scheduled_task_runs_the_service(board):
    overdue_form(board)
    assert send_cdop_form_reminders.apply().get() == 1

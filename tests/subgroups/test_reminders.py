from datetime import date

from django.core import mail

from core.periods import FinancialYear
from subgroups.models import ReminderStage, ReturnReminder
from subgroups.services.deadlines import due_date
from subgroups.services.reminders import return_reminders_send
from tests.mail_jobs import run_now

from .test_workflow import submit

YEAR = FinancialYear(2025)
Q1 = YEAR.quarter(1)  # due 20 working days after 30 June 2025: 28 July 2025
DUE = due_date(Q1, 20)


def test_chairs_are_reminded_before_the_deadline_once_however_often_it_runs(health, subgroup_chair):
    assert date(2025, 7, 28) == DUE
    assert (
        run_now(return_reminders_send, today=date(2025, 7, 22)) == 0
    )  # six days before: too early
    assert run_now(return_reminders_send, today=date(2025, 7, 23)) == 1
    assert run_now(return_reminders_send, today=date(2025, 7, 23)) == 0
    assert run_now(return_reminders_send, today=date(2025, 7, 25)) == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [subgroup_chair.email]
    assert f"/subgroups/{health.pk}/returns/2025-26-q1/edit/" in message.body
    assert "Done" not in message.body  # a link, never the content


def test_they_are_reminded_again_once_it_is_overdue(health):
    run_now(return_reminders_send, today=date(2025, 7, 23))
    assert run_now(return_reminders_send, today=date(2025, 7, 29)) == 1
    assert run_now(return_reminders_send, today=date(2025, 8, 5)) == 0
    stages = set(ReturnReminder.objects.values_list("stage", flat=True))
    assert stages == {ReminderStage.DUE_SOON, ReminderStage.OVERDUE}


def test_a_submitted_return_is_not_chased(health, subgroup_chair):
    from subgroups.services import returns as services
    from subgroups.services.spec import template_spec
    from subgroups.services.validation import content_from_data

    from .factories import answers

    services.quarterly_return_submit(
        subgroup=health,
        quarter=Q1,
        content=content_from_data(template_spec(health), answers(health)),
        by=subgroup_chair,
        expected_version=0,
    )
    assert run_now(return_reminders_send, today=date(2025, 7, 29)) == 0
    assert not mail.outbox


def test_the_database_refuses_a_second_reminder_at_the_same_stage(health):
    import pytest
    from django.db import IntegrityError

    run_now(return_reminders_send, today=date(2025, 7, 23))
    sent = ReturnReminder.objects.get()
    with pytest.raises(IntegrityError):
        ReturnReminder.objects.create(
            board=sent.board,
            quarterly_return=sent.quarterly_return,
            stage=sent.stage,
            sent_on=date(2025, 7, 24),
            sent_to="x@example.org",
        )


__all__ = ["submit"]


def test_returns_overdue_for_months_are_left_to_the_manager(health):
    # On 23 July 2025 last year's four returns are long overdue: no e-mail for them.
    run_now(return_reminders_send, today=date(2025, 7, 23))
    assert ReturnReminder.objects.get().quarterly_return.period_start == Q1.start

"""Reminders to agencies whose reporting forms are overdue. Run daily by the scheduled
task reviews.child_deaths.tasks.send_cdop_form_reminders; safe to run any number of times a day."""

import logging
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_scopes import scope

from ..models import AgencyForm, AgencyFormReminder, CdopSettings
from .cases import cdop_settings
from .notices import agency_form_notify

logger = logging.getLogger(__name__)


def reminder_stage(agency_form: AgencyForm, panel: CdopSettings, today: date) -> int | None:
    """1 on the day the form falls due, 2 one chase interval later, ...; None before."""
    overdue_by = (today - agency_form.requested_on).days - panel.form_due_days
    if overdue_by < 0:
        return None
    return overdue_by // panel.chase_every_days + 1


def agency_form_remind(*, agency_form: AgencyForm, panel: CdopSettings, today: date) -> bool:
    """Send this form's reminder for today's stage, unless it has been sent already."""
    stage = reminder_stage(agency_form, panel, today)
    if stage is None or agency_form.reminders.filter(stage=stage).exists():
        return False
    try:
        with transaction.atomic():
            AgencyFormReminder.objects.create(
                board=agency_form.board,
                agency_form=agency_form,
                stage=stage,
                sent_on=today,
                sent_to=agency_form.contact_email,
            )
            agency_form.last_chased_on = today
            agency_form.save(update_fields=["last_chased_on", "updated_at"])
            # Inside the transaction: the notification and its e-mail job are recorded
            # with the reminder, or not at all.
            agency_form_notify(agency_form=agency_form, kind="cdop_form_overdue")
    except IntegrityError:
        return False  # another run sent this stage a moment ago
    return True


def agency_form_reminders_send(*, today: date | None = None) -> int:
    """Remind every board's agencies of their overdue forms; returns how many e-mails."""
    today = today or timezone.localdate()
    panels: dict = {}
    sent = 0
    # A closed or removed case waits for no form: its agencies are not chased.
    outstanding = AgencyForm.objects.filter(
        received_on__isnull=True, case__closed_on__isnull=True, case__removed_on__isnull=True
    ).select_related("board", "case")
    for agency_form in outstanding.order_by("board_id", "requested_on"):
        with scope(board=agency_form.board_id):
            if agency_form.board_id not in panels:
                panels[agency_form.board_id] = cdop_settings(board=agency_form.board)
            panel = panels[agency_form.board_id]
            try:
                sent += agency_form_remind(agency_form=agency_form, panel=panel, today=today)
            except Exception:  # one agency's bad address must not stop the others' reminders
                logger.exception("CDOP form reminder failed for form %s", agency_form.pk)
    return sent

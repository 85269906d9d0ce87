"""Reminders to sub-group chairs and deputies: once a set number of days before a return
falls due, and once when it is overdue. Run daily by subgroups.tasks.send_return_reminders;
the unique (return, stage) constraint on ReturnReminder means each is sent at most once,
however often, or however concurrently, the task runs. Each is a notification
(board.services.notifications), whose e-mail carries only a link."""

import logging
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_scopes import scope

from ..models import (
    EDITABLE,
    QuarterlyReturn,
    ReminderStage,
    ReturnReminder,
    SubGroup,
    SubGroupMembership,
)
from .deadlines import due_date
from .groups import returns_settings
from .notices import return_handed_over

logger = logging.getLogger(__name__)

KIND = {
    ReminderStage.DUE_SOON: "return_due_soon",
    ReminderStage.OVERDUE: "return_overdue",
}


# A return overdue for longer than this is the board manager's to chase (it shows on the
# completeness page); reminders are for the quarter just gone, not years of history.
CHASE_WINDOW = timedelta(days=45)


def reminder_stage(due: date, remind_days_before: int, today: date) -> str | None:
    if today - due > CHASE_WINDOW:
        return None
    if today > due:
        return ReminderStage.OVERDUE
    if today >= due - timedelta(days=remind_days_before):
        return ReminderStage.DUE_SOON
    return None


def _recipients(subgroup: SubGroup, today: date) -> list[str]:
    """Who would be told: the current chair and deputy (recorded on the reminder)."""
    seats = (
        SubGroupMembership.objects.current_on(today)
        .chairs()
        .filter(subgroup=subgroup)
        .select_related("person__user")
    )
    found = {(s.person.user.email if s.person.user else s.person.email) for s in seats}
    return sorted(e for e in found if e)


def return_remind(*, subgroup: SubGroup, quarter, today: date) -> bool:
    """Send this return's reminder for today's stage, unless already sent or not due."""
    board_settings = returns_settings(subgroup.board)
    due = due_date(quarter, board_settings.due_working_days)
    stage = reminder_stage(due, board_settings.remind_days_before, today)
    if stage is None:
        return False
    r = QuarterlyReturn.objects.filter(subgroup=subgroup, period_start=quarter.start).first()
    if r is not None and (r.status not in EDITABLE or r.first_submitted_at):
        return False  # submitted: nothing to chase (a return sent back is the manager's call)
    if r is not None and r.reminders.filter(stage=stage).exists():
        return False
    recipients = _recipients(subgroup, today)
    if not recipients:
        return False  # nobody to remind yet; tried again once a chair is recorded
    try:
        with transaction.atomic():
            r, _ = QuarterlyReturn.objects.get_or_create(
                subgroup=subgroup, period_start=quarter.start, defaults={"board": subgroup.board}
            )
            ReturnReminder.objects.create(
                board=subgroup.board,
                quarterly_return=r,
                stage=stage,
                sent_on=today,
                sent_to="\n".join(recipients),
            )
            # Inside the transaction: the notifications and their e-mail jobs are
            # recorded with the reminder, or not at all.
            return_handed_over(r, KIND[stage], None, today=today)
    except IntegrityError:
        return False  # another run sent this stage a moment ago
    return True


def return_reminders_send(*, today: date | None = None) -> int:
    """Remind chairs of every board's returns due soon or overdue; returns how many sent.
    Only the quarters still asked for (this and last financial year) are chased."""
    from ..selectors import reporting_quarters

    today = today or timezone.localdate()
    sent = 0
    chaired = SubGroupMembership.objects.current_on(today).chairs().values("subgroup_id")
    for subgroup in SubGroup.objects.filter(pk__in=chaired).select_related("board"):
        for quarter in reporting_quarters(today):
            try:
                with scope(board=subgroup.board_id):
                    sent += return_remind(subgroup=subgroup, quarter=quarter, today=today)
            except Exception:  # one bad address must not stop the others' reminders
                logger.exception("Return reminder failed for %s %s", subgroup.pk, quarter)
    return sent

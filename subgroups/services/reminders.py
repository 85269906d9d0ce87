"""Reminders to sub-group chairs and deputies: once a set number of days before a return
falls due, and once when it is overdue. Run daily by subgroups.tasks.send_return_reminders;
the unique (return, stage) constraint on ReturnReminder means each is sent at most once,
however often, or however concurrently, the task runs. E-mails carry only a link."""

import logging
from datetime import date, timedelta

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from board.links import service_url
from core.links import board_url

from ..models import (
    EDITABLE,
    QuarterlyReturn,
    ReminderStage,
    ReturnReminder,
    SubGroup,
    SubGroupMembership,
)
from .deadlines import due_date, quarter_slug
from .groups import returns_settings

logger = logging.getLogger(__name__)

SUBJECT = {
    ReminderStage.DUE_SOON: "A sub-group quarterly return is due soon",
    ReminderStage.OVERDUE: "A sub-group quarterly return is overdue",
}
BODY = """{board} is waiting for a sub-group's quarterly return for {quarter}, due on {due}.

Please sign in to see and complete it:

{link}

If you have already submitted it, you can ignore this reminder.
"""


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


def _link(r: QuarterlyReturn) -> str:
    path = board_url(
        r.board, "subgroups:return-edit", subgroup_id=r.subgroup_id, quarter=quarter_slug(r.quarter)
    )
    return service_url(path)


def _recipients(subgroup: SubGroup, today: date) -> list[str]:
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
            # Inside the transaction: if the e-mail cannot be sent, nothing is recorded and
            # the next run tries again.
            send_mail(
                SUBJECT[stage],
                BODY.format(
                    board=subgroup.board.name,
                    quarter=quarter.label,
                    due=f"{due:%-d %B %Y}",
                    link=_link(r),
                ),
                None,
                recipients,
            )
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
                sent += return_remind(subgroup=subgroup, quarter=quarter, today=today)
            except Exception:  # one bad address must not stop the others' reminders
                logger.exception("Return reminder failed for %s %s", subgroup.pk, quarter)
    return sent

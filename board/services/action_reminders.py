"""Reminders to the owners of actions: once when an action falls due within the home
page's "due soon" window, and once when it is overdue. Run daily by
board.tasks.send_action_reminders; each is a notification with a `once_key` naming the
action, the stage and the due date, so it is sent once however often the task runs, and
again only if the due date moves."""

import logging
from datetime import date, timedelta

from django.utils import timezone
from django_scopes import scope

from ..models import Action
from ..selectors.actions import DUE_SOON_DAYS
from .actions import action_owner_notify

logger = logging.getLogger(__name__)

# An action overdue for longer than this is the manager's to chase (the tracker shows it);
# reminders are about what has just fallen due, not years of history.
CHASE_WINDOW = timedelta(days=45)


def action_reminders_send(*, today: date | None = None) -> int:
    """Remind every board's action owners; returns how many notifications were made."""
    today = today or timezone.localdate()
    due = Action.objects.open().filter(
        owner_person__user__isnull=False,
        due_date__gte=today - CHASE_WINDOW,
        due_date__lte=today + timedelta(days=DUE_SOON_DAYS),
    )
    made = 0
    for action in due.select_related("board", "owner_person__user").order_by("board_id"):
        stage = "overdue" if action.due_date < today else "due_soon"
        try:
            with scope(board=action.board_id):
                made += len(
                    action_owner_notify(
                        action=action,
                        kind=f"action_{stage}",
                        once_key=f"action:{action.pk}:{stage}:{action.due_date:%Y-%m-%d}",
                    )  # fmt: skip
                )
        except Exception:  # one action's failure must not stop the others' reminders
            logger.exception("Action reminder failed for %s", action.pk)
    return made

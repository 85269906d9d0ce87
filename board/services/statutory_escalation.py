"""Escalation of the statutory calendar's clocks (board/statutory.py): the clock's holders
are told once when it comes within the board's warning (the `board.warning_days`
timescale, default 7 days) of running out, and the board manager and chair once when it
has run out, if they may read that kind (a CDOP clock goes to the panel alone). Run daily
by board.tasks.send_statutory_escalations. Each notification's `once_key` names the
clock, the stage and the due date: stored with the notification, it makes a second run
send nothing, and a moved due date a new warning."""

import logging
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from .. import statutory, timescales
from ..clock_status import OPEN
from ..models import Board, Notification, User
from .notifications import holders, notify

logger = logging.getLogger(__name__)

BEFORE, AFTER = "before", "after"
KINDS = {BEFORE: "statutory_due_soon", AFTER: "statutory_overdue"}


# A clock overdue for longer than this is on the calendar page for the manager to chase:
# escalation is about what has just run out, not a first run's years of history.
CHASE_WINDOW = timedelta(days=45)


def stage_of(clock: statutory.StatutoryClock, today: date, warn_days: int) -> str | None:
    if clock.status not in OPEN:
        return None
    if today > clock.due:
        return AFTER if today - clock.due <= CHASE_WINDOW else None
    return BEFORE if (clock.due - today).days <= warn_days else None


def _recipients(board: Board, kind: statutory.Kind, clock, stage: str) -> list[User]:
    people = {}
    if kind.holders and kind.warn_holders:
        people = {user.pk: user for user in holders(board, *kind.holders)}
    if clock.holder_ids and kind.warn_holders:
        named = User.objects.filter(pk__in=clock.holder_ids, is_active=True)
        people.update((user.pk, user) for user in named)
    if stage == AFTER:
        overseers = [role for role in statutory.OVERSEERS if role in kind.roles]
        if overseers:
            people.update((user.pk, user) for user in holders(board, *overseers))
    return list(people.values())


@transaction.atomic
def board_escalations_send(*, board: Board, today: date) -> int:
    warn = timescales.value(board, "board.warning_days")
    due = [
        (kind, clock, stage, f"statutory:{clock.uid}:{stage}:{clock.due:%Y-%m-%d}")
        for kind in statutory.all_kinds()
        if kind.escalate
        for clock in kind.clocks(board, today)
        if (stage := stage_of(clock, today, warn)) is not None
        and (stage == AFTER or kind.warn_holders)
    ]
    # The keys already sent, in one query: a clock and stage is told once, to those
    # who held it then (a second run, or a second worker, sends nothing).
    sent = set(
        Notification.objects.filter(board=board, once_key__in=[key for *_, key in due])
        .values_list("once_key", flat=True)
        .distinct()
    )
    made = 0
    for kind, clock, stage, key in due:
        if key in sent:
            continue
        made += len(
            notify(
                board=board,
                kind=KINDS[stage],
                link=clock.href,
                once_key=key,
                users=_recipients(board, kind, clock, stage),
                about=kind.label,
            )  # fmt: skip
        )
    return made


def statutory_escalations_send(*, today: date | None = None) -> int:
    """Every active board's escalations; returns how many notifications were made."""
    today = today or timezone.localdate()
    made = 0
    for board in Board.objects.order_by("pk"):
        try:
            with scope(board=board.pk):
                made += board_escalations_send(board=board, today=today)
        except Exception:  # one board's failure must not stop the others'
            logger.exception("Statutory escalation failed for board %s", board.pk)
    return made

"""Telling people of a hand-over: `notify(...)`, called by a domain app's service inside
its own transaction, writes one Notification per person and queues the e-mails as
durable jobs (core.jobs.outbox), so they are sent once that transaction commits and
never if it rolls back.

    notify(board=r.board, kind="return_submitted", users=holders(r.board, Role.BOARD_MANAGER),
           link=board_url(r.board, "subgroups:return-detail", ...), about="Health, Q1 2014/15")

Who is told: active users holding a role on the board (anyone else is left out, so a
notification never reaches someone who cannot open its link), and addresses of agency
contacts with no account (e-mailed only). An address that is an active member's account
becomes that member's notification, with their choice of e-mail."""

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from core.jobs.outbox import enqueue
from core.links import board_url

from .. import notifications
from ..links import service_url
from ..models import (
    Board,
    EmailChoice,
    EmailState,
    Notification,
    NotificationPreference,
    Role,
    User,
)

logger = logging.getLogger(__name__)

IMMEDIATE_BODY = """{title}.

Sign in to see it:

{link}

You get these e-mails because of your roles on {board}. To have one summary a day, or no
e-mails, change your choice here: {preferences}
"""
ADDRESS_BODY = """{title}.

For the safety of the family, this e-mail says nothing about the case. Please sign in to
see it:

{link}
"""
DIGEST_SUBJECT = "Your notifications from {board}"
DIGEST_BODY = """Since your last summary, {board} has {count}:

{lines}

You get this summary once a day because of your roles on {board}. To change your choice:
{preferences}
"""


STATE_FOR_CHOICE = {
    EmailChoice.IMMEDIATE: EmailState.QUEUED,
    EmailChoice.DIGEST: EmailState.DIGEST,
    EmailChoice.OFF: EmailState.NOT_SENT,
}


# Set while the demo is loaded: its hand-overs show on the notifications pages, but
# nobody is e-mailed about a board that is being made up.
_not_emailed: ContextVar[bool] = ContextVar("notifications_not_emailed", default=False)


@contextmanager
def notifications_not_emailed() -> Iterator[None]:
    token = _not_emailed.set(True)
    try:
        yield
    finally:
        _not_emailed.reset(token)


def holders(board: Board, *roles: Role) -> QuerySet[User]:
    """The active users holding any of these roles on the board."""
    return User.objects.filter(
        is_active=True, role_assignments__board=board, role_assignments__role__in=roles
    ).distinct()


def email_choice(user: User) -> str:
    found = NotificationPreference.objects.filter(user=user).values_list("email", flat=True)
    return found.first() or EmailChoice.IMMEDIATE


@transaction.atomic
def notification_preference_set(*, user: User, email: str) -> NotificationPreference:
    preference, _ = NotificationPreference.objects.get_or_create(user=user)
    preference.email = email
    preference.full_clean()
    preference.save()
    return preference


def _members(board: Board, users: Iterable[User | None], addresses: Iterable[str]):
    """The board's active members among `users` and the owners of `addresses`, and the
    addresses left over (lower case, once each)."""
    ids = {user.pk for user in users if user is not None}
    wanted = {address.strip().lower() for address in addresses if address and address.strip()}
    members = User.objects.filter(role_assignments__board=board).distinct()
    found = list(members.filter(pk__in=ids, is_active=True)) if ids else []
    if wanted:
        owners = list(User.objects.filter(email__in=wanted))
        on_board = list(members.filter(pk__in=[o.pk for o in owners], is_active=True))
        found += on_board
        # A member is told as a member; an inactive user gets nothing; anyone else (an
        # agency contact) is e-mailed at the address, as before accounts existed.
        taken = {o.email.lower() for o in owners if not o.is_active} | {
            o.email.lower() for o in on_board
        }
        wanted -= taken
    unique = {user.pk: user for user in found}
    return list(unique.values()), sorted(wanted)


def _create(once_key: str, **fields) -> Notification | None:
    row = Notification(once_key=once_key, **fields)
    row.full_clean()
    if not once_key:
        row.save()
        return row
    try:
        with transaction.atomic():  # a savepoint: a second run's duplicate is skipped
            row.save()
    except IntegrityError:
        return None
    return row


@transaction.atomic
def notify(
    *,
    board: Board,
    kind: str,
    link: str,
    users: Iterable[User | None] = (),
    addresses: Iterable[str] = (),
    about: str = "",
    once_key: str = "",
    exclude: User | None = None,
) -> list[Notification]:
    """Tell each person once (a `once_key` already sent to someone is not sent again);
    `exclude` is the person who made the hand-over, who needs no telling."""
    notifications.title_of(kind)  # an unregistered kind fails here, whoever is told
    members, others = _members(board, users, addresses)
    members = [user for user in members if exclude is None or user.pk != exclude.pk]
    choices = dict(
        NotificationPreference.objects.filter(user__in=members).values_list("user_id", "email")
    )
    made = []
    common = {"board": board, "kind": kind, "link": link, "about": about[:200]}
    if _not_emailed.get():
        choices, others = {user.pk: EmailChoice.OFF for user in members}, []
    for user in members:
        state = STATE_FOR_CHOICE[choices.get(user.pk, EmailChoice.IMMEDIATE)]
        row = _create(once_key, recipient=user, email_state=state, **common)
        made += [row] if row else []
    for address in others:
        row = _create(once_key, address=address, email_state=EmailState.QUEUED, **common)
        made += [row] if row else []
    from ..tasks import send_notification_email

    for row in made:
        if row.email_state == EmailState.QUEUED:
            enqueue(send_notification_email, str(row.pk), board_id=board.pk)
    return made


def _preferences_url(board: Board) -> str:
    return service_url(board_url(board, "notification-preferences"))


@transaction.atomic
def notification_email_send(*, notification_id) -> bool:
    """Send one notification's e-mail; False when it was sent already (a job sent twice)
    or its person can no longer have it."""
    row = (
        Notification.objects.select_for_update(of=("self",))
        .select_related("board", "recipient")
        .filter(pk=notification_id, email_state=EmailState.QUEUED)
        .first()
    )
    if row is None:
        return False
    if row.recipient is not None and not row.recipient.is_active:
        _mark(row, EmailState.NOT_SENT)
        return False
    link = service_url(row.link)
    if row.recipient is None:
        body = ADDRESS_BODY.format(title=row.title, link=link)
    else:
        body = IMMEDIATE_BODY.format(
            title=row.title, link=link, board=row.board.name,
            preferences=_preferences_url(row.board),
        )  # fmt: skip
    to = row.recipient.email if row.recipient else row.address
    send_mail(row.title, body, settings.DEFAULT_FROM_EMAIL, [to])
    _mark(row, EmailState.SENT)
    return True


def _mark(row: Notification, state: str) -> None:
    row.email_state = state
    row.emailed_at = timezone.now() if state == EmailState.SENT else None
    row.save(update_fields=["email_state", "emailed_at", "updated_at"])


@transaction.atomic
def notification_digests_queue() -> int:
    """Queue one summary job per person and board with notifications waiting for it
    (marked `digest` when they were made); returns how many were queued."""
    from ..tasks import send_notification_digest

    waiting = (
        Notification.objects.filter(email_state=EmailState.DIGEST, recipient__isnull=False)
        .order_by()  # distinct pairs, not distinct by the default ordering's column
        .values_list("board_id", "recipient_id")
        .distinct()
    )
    queued = 0
    for board_id, user_id in waiting:
        key = f"board.notification_digest:{board_id}:{user_id}"
        enqueue(send_notification_digest, str(board_id), str(user_id), board_id=board_id,
                dedupe_key=key)  # fmt: skip
        queued += 1
    return queued


@transaction.atomic
def notification_digest_send(*, board_id, user_id) -> int:
    """Send one person's summary of what waits for them on one board; returns how many
    notifications it listed (0 when another run sent them already)."""
    rows = list(
        Notification.objects.select_for_update(of=("self",))
        .select_related("board", "recipient")
        .filter(board_id=board_id, recipient_id=user_id, email_state=EmailState.DIGEST)
        .order_by("created_at")
    )
    if not rows:
        return 0
    user, board = rows[0].recipient, rows[0].board
    if not user.is_active or email_choice(user) == EmailChoice.OFF:
        Notification.objects.filter(pk__in=[r.pk for r in rows]).update(
            email_state=EmailState.NOT_SENT
        )
        return 0
    lines = "\n\n".join(f"- {row.title}:\n  {service_url(row.link)}" for row in rows)
    count = "1 notification" if len(rows) == 1 else f"{len(rows)} notifications"
    body = DIGEST_BODY.format(
        board=board.name, count=f"{count} for you", lines=lines,
        preferences=_preferences_url(board),
    )  # fmt: skip
    send_mail(DIGEST_SUBJECT.format(board=board.name), body, settings.DEFAULT_FROM_EMAIL,
              [user.email])  # fmt: skip
    Notification.objects.filter(pk__in=[r.pk for r in rows]).update(
        email_state=EmailState.SENT, emailed_at=timezone.now()
    )
    return len(rows)


@transaction.atomic
def notifications_mark_read(*, board: Board, user: User, ids: Iterable = (), every: bool = False):
    """Mark the person's own notifications read: those named (others' ids are ignored),
    or all of them on this board."""
    mine = Notification.objects.filter(board=board, recipient=user, read_at__isnull=True)
    if not every:
        mine = mine.filter(pk__in=list(ids))
    return mine.update(read_at=timezone.now())

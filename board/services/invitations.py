"""Inviting people to a board by e-mail (see board/models/invitations.py for the token).

    invitation_create(board=b, email="a@x.org", role=Role.BOARD_MEMBER, invited_by=manager)
    invitation_resend(invitation=i)     # a new link; the old one stops working
    invitation_revoke(invitation=i)
    invitation_accept(invitation=i, user=u)

The e-mail is sent by a durable job (core.jobs) that receives the invitation's id only,
so no link is ever written to the jobs table, a log or an audit entry."""

import hashlib
import secrets
from datetime import timedelta
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django_scopes import scopes_disabled

from core.jobs.outbox import enqueue

from ..links import service_url
from ..models import Board, Invitation, InvitationStatus, Person, Role, RoleAssignment, User
from .membership import person_save
from .roles import role_grant

VALID_FOR = timedelta(days=14)
TOKEN_PURPOSE = "board.invitation"  # noqa: S105 (the HMAC key salt, not a secret)


def invitation_token(invitation: Invitation) -> str:
    """The link's secret, rebuilt from the id and salt with the SECRET_KEY."""
    return salted_hmac(TOKEN_PURPOSE, f"{invitation.pk}:{invitation.token_salt}").hexdigest()


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_link(invitation: Invitation) -> str:
    query = urlencode({"key": invitation_token(invitation)})
    return service_url(f"{reverse('invitation-accept')}?{query}")


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation a link names, in any state (the page says which), or None."""
    with scopes_disabled():
        invitation = (
            Invitation.objects.select_related("board", "invited_by")
            .filter(token_hash=hash_token(token))
            .first()
        )
    if invitation is None or not constant_time_compare(invitation_token(invitation), token):
        return None
    return invitation


def _new_link(invitation: Invitation) -> None:
    """A fresh salt (and so a fresh token), sent now, valid for VALID_FOR."""
    invitation.token_salt = secrets.token_hex(16)
    invitation.token_hash = hash_token(invitation_token(invitation))
    invitation.sent_at = timezone.now()
    invitation.expires_at = invitation.sent_at + VALID_FOR


def _send(invitation: Invitation) -> None:
    from ..tasks import send_invitation_email

    # A resend while the first e-mail waits joins its job, which reads the newest link.
    key = f"board.invitation-email:{invitation.pk}"
    enqueue(send_invitation_email, str(invitation.pk), board_id=invitation.board_id, dedupe_key=key)


@transaction.atomic
def invitation_create(
    *,
    board: Board,
    email: str,
    role: Role,
    invited_by: User,
    person: Person | None = None,
) -> Invitation:
    email = User.objects.normalize_email(email).lower()
    if RoleAssignment.objects.filter(board=board, role=role, user__email__iexact=email).exists():
        raise ValidationError({"email": "This person already has this role on the board."})
    waiting = Invitation.objects.filter(
        board=board, email__iexact=email, status=InvitationStatus.PENDING
    )
    if any(other.is_open for other in waiting):
        raise ValidationError(
            {
                "email": "An invitation to this address is waiting for an answer: resend it "
                "from the list of invitations instead."
            }  # fmt: skip
        )
    if person is not None and person.board_id != board.pk:
        raise ValidationError({"person": "Choose a person of this board."})
    invitation = Invitation(
        board=board, email=email, role=role, invited_by=invited_by, person=person
    )
    _new_link(invitation)
    invitation.full_clean()
    invitation.save()
    _send(invitation)
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation) -> Invitation:
    """A new link (and a new expiry); the old link stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != InvitationStatus.PENDING:
        raise ValidationError(
            f"This invitation has been {invitation.get_status_display().lower()}."
        )
    _new_link(invitation)
    invitation.save()
    _send(invitation)
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != InvitationStatus.PENDING:
        raise ValidationError(
            f"This invitation has been {invitation.get_status_display().lower()}."
        )
    invitation.status = InvitationStatus.REVOKED
    invitation.answered_at = timezone.now()
    invitation.save()
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Invitation:
    """Give `user` the invitation's role on its board (once: a used link is dead)."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open:
        raise ValidationError("This invitation link can no longer be used.")
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(
            "This invitation was sent to another e-mail address: sign out, then open the "
            "link again."
        )
    role_grant(user=user, board=invitation.board, role=Role(invitation.role), source=invitation)
    person = invitation.person or _person_with_address(invitation)
    if person is not None and person.user_id is None:
        person.user = user
        person_save(person=person)
    invitation.status = InvitationStatus.ACCEPTED
    invitation.accepted_by = user
    invitation.answered_at = timezone.now()
    invitation.save()
    return invitation


def _person_with_address(invitation: Invitation) -> Person | None:
    """The one person of the board recorded with this address and no account (someone the
    manager added, then invited from the person page), if there is exactly one."""
    people = list(
        Person.objects.filter(
            board=invitation.board, email__iexact=invitation.email, user__isnull=True
        )[:2]
    )
    return people[0] if len(people) == 1 else None


@transaction.atomic
def invitation_accept_with_new_account(
    *, invitation: Invitation, full_name: str, password: str
) -> User:
    """Make the account the invitation was sent for (the password already checked by
    Django's validators on the form), then accept."""
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError("There is already an account for this e-mail address: sign in.")
    user = User.objects.create_user(invitation.email, password, full_name=full_name)
    invitation_accept(invitation=invitation, user=user)
    return user


def invitation_email_send(*, invitation: Invitation) -> bool:
    """The e-mail with the link: nothing of the board's records, only who asks and the
    link. Sent only while the invitation is open (a job sent twice, or run after a
    revocation, sends nothing more). Kept in this one function so the notifications
    plumbing can take it over."""
    from django.core.mail import send_mail

    if not invitation.is_open:
        return False
    inviter = invitation.invited_by.full_name if invitation.invited_by else "The service"
    body = (
        f"{inviter} has invited you to {invitation.board.name} as "
        f"{invitation.get_role_display().lower()}.\n\n"
        f"To accept, open this link before {invitation.expires_at:%-d %B %Y}:\n\n"
        f"{invitation_link(invitation)}\n\n"
        "If you did not expect this e-mail, you can ignore it."
    )
    send_mail(f"Invitation to {invitation.board.name}", body, None, [invitation.email])
    return True

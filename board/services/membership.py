"""Membership and access are one thing: a current membership of someone with a user
account gives the access role of their board role; ending or removing it takes it away
(unless the person holds that role for another reason, see services/roles.py)."""

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from ..models import Agency, Board, Membership, Person, Role, RoleGrant
from .roles import role_grant, role_revoke, source_key


def membership_sync_access(*, membership: Membership, today: date | None = None) -> None:
    today = today or timezone.localdate()
    user = membership.person.user
    wanted = None
    if user is not None and user.is_active and membership.is_current_on(today):
        wanted = (user.pk, membership.access_role.value)
    held = RoleGrant.objects.filter(source=source_key(membership)).select_related("user")
    for grant in held:
        if (grant.user_id, grant.role) != wanted:
            role_revoke(
                user=grant.user, board=grant.board, role=Role(grant.role), source=membership
            )
    if wanted is not None:
        role_grant(
            user=user, board=membership.board, role=membership.access_role, source=membership
        )


@transaction.atomic
def membership_save(
    *, membership: Membership, agreed_by: Iterable[Agency] | None = None
) -> Membership:
    """Create or change a membership (and the chair's appointment), then its access."""
    membership.full_clean()
    membership.save()
    if agreed_by is not None:
        agreed_by = list(agreed_by)
        if any(agency.board_id != membership.board_id for agency in agreed_by):
            raise ValidationError({"appointment_agreed_by": "Choose agencies of this board."})
        if agreed_by and not membership.is_chair:
            raise ValidationError(
                {"appointment_agreed_by": "Only the chair's appointment is agreed by partners."}
            )
        membership.appointment_agreed_by.set(agreed_by)
    membership_sync_access(membership=membership)
    return membership


@transaction.atomic
def membership_end(*, membership: Membership, end_date: date) -> Membership:
    membership.end_date = end_date
    return membership_save(membership=membership)


@transaction.atomic
def membership_delete(*, membership: Membership) -> None:
    if membership.attendances.exists():
        raise ValidationError(
            "This membership has attendance records: give it an end date instead of deleting it."
        )
    membership.end_date = membership.start_date  # so that no access is wanted any more
    for grant in RoleGrant.objects.filter(source=source_key(membership)).select_related("user"):
        role_revoke(user=grant.user, board=grant.board, role=Role(grant.role), source=membership)
    membership.delete()


@transaction.atomic
def person_save(*, person: Person) -> Person:
    """Create or change a person; a changed user account moves their access with it."""
    person.full_clean()
    person.save()
    for membership in person.memberships.select_related("board", "person__user"):
        membership_sync_access(membership=membership)
    return person


def memberships_sync_access(*, board: Board | None = None, today: date | None = None) -> int:
    """Bring access in line with memberships that have started or ended since they were
    saved. Run daily (board.tasks.sync_membership_access)."""
    memberships = Membership.objects.select_related("board", "person__user")
    if board is not None:
        memberships = memberships.filter(board=board)
    count = 0
    for membership in memberships.filter(person__user__isnull=False):
        with scope(board=membership.board_id), transaction.atomic():
            membership_sync_access(membership=membership, today=today)
        count += 1
    return count

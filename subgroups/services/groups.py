"""Sub-groups and their seats. A seat gives access for as long as it is current:
chairs and deputies hold the sub-group chair role; every member of the CDOP (or SCR)
sub-group holds the CDOP (or SCR) member role. Each is a reason (RoleGrant) whose source
is the seat, so ending the seat takes away only what it gave."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from board.models import Board, Person, Role, RoleGrant
from board.services.roles import role_grant, role_revoke, source_key

from ..models import (
    DEFAULT_QUESTIONS,
    ReturnsSettings,
    SubGroup,
    SubGroupMembership,
    TemplateQuestion,
)

SEAT_ROLES = (Role.SUBGROUP_CHAIR, Role.CDOP_MEMBER, Role.SCR_MEMBER)


def returns_settings(board: Board) -> ReturnsSettings:
    found, _ = ReturnsSettings.objects.get_or_create(board=board)
    return found


@transaction.atomic
def returns_settings_update(*, board: Board, **fields) -> ReturnsSettings:
    found = returns_settings(board)
    for name, value in fields.items():
        setattr(found, name, value)
    found.full_clean()
    found.save()
    return found


@transaction.atomic
def subgroup_create(
    *, board: Board, name: str, purpose: str = "", parent=None, kind="general", actions=()
) -> SubGroup:
    """A new sub-group, with the default narrative questions in its return template."""
    subgroup = SubGroup(board=board, name=name, purpose=purpose, parent=parent, kind=kind)
    subgroup.full_clean()
    subgroup.save()
    subgroup.actions.set(actions)
    questions_add_defaults(subgroup=subgroup)
    return subgroup


def questions_add_defaults(*, subgroup: SubGroup) -> None:
    if subgroup.questions.exists():
        return
    for order, (text, hint) in enumerate(DEFAULT_QUESTIONS, start=1):
        TemplateQuestion.objects.create(
            board=subgroup.board, subgroup=subgroup, order=order, text=text, hint=hint
        )


@transaction.atomic
def subgroup_update(*, subgroup: SubGroup, actions=None, **fields) -> SubGroup:
    """Change the sub-group; a change of kind moves its members' CDOP/SCR access."""
    for name, value in fields.items():
        setattr(subgroup, name, value)
    subgroup.full_clean()
    subgroup.save()
    if actions is not None:
        subgroup.actions.set(actions)
    for seat in subgroup.memberships.select_related("person__user", "subgroup"):
        subgroup_membership_sync_access(membership=seat)
    return subgroup


def subgroup_membership_sync_access(
    *, membership: SubGroupMembership, today: date | None = None
) -> None:
    user = membership.person.user
    if user is None:
        return
    today = today or timezone.localdate()
    wanted = membership.access_roles() if membership.is_current_on(today) else set()
    held = set(
        RoleGrant.objects.filter(
            user=user, board_id=membership.board_id, source=source_key(membership)
        ).values_list("role", flat=True)
    )
    for role in SEAT_ROLES:
        if role in wanted and role not in held:
            role_grant(user=user, board=membership.board, role=role, source=membership)
        elif role not in wanted and role in held:
            # Only a reason this seat gave is taken away: never a role given by hand.
            role_revoke(user=user, board=membership.board, role=role, source=membership)


@transaction.atomic
def subgroup_member_add(
    *,
    subgroup: SubGroup,
    person: Person,
    role: str,
    start_date: date,
    end_date: date | None = None,
) -> SubGroupMembership:
    membership = SubGroupMembership(
        board=subgroup.board,
        subgroup=subgroup,
        person=person,
        role=role,
        start_date=start_date,
        end_date=end_date,
    )
    membership.full_clean()
    membership.save()
    subgroup_membership_sync_access(membership=membership)
    return membership


@transaction.atomic
def subgroup_member_end(
    *, membership: SubGroupMembership, end_date: date | None = None
) -> SubGroupMembership:
    """End a seat (today unless given). Access ends with it: at once for a past or
    today's date (the last day is then over for this purpose), else by the daily sync."""
    today = timezone.localdate()
    end = end_date or today
    if end < membership.start_date:
        end = membership.start_date
    membership.end_date = end
    membership.full_clean()
    membership.save()
    check_on = today + timedelta(days=1) if end <= today else today
    subgroup_membership_sync_access(membership=membership, today=check_on)
    return membership


def subgroup_access_sync_all(*, today: date | None = None) -> int:
    """Daily: give or take access for seats whose start or end date has come."""
    count = 0
    seats = SubGroupMembership.objects.select_related("person__user", "subgroup", "board")
    for seat in seats.filter(person__user__isnull=False):
        with scope(board=seat.board_id):
            subgroup_membership_sync_access(membership=seat, today=today)
        count += 1
    return count

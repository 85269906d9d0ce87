"""Access roles given for a reason. A role (RoleAssignment) is held while at least one
reason (RoleGrant) for it remains, so a role held for two reasons survives ending one:

    role_grant(user=u, board=b, role=Role.SUBGROUP_CHAIR, source=subgroup_membership)
    role_revoke(user=u, board=b, role=Role.SUBGROUP_CHAIR, source=subgroup_membership)

`source` is a model instance (keyed "app_label.model:pk") or a string. A role given by
hand before any grant existed is kept as a "manual" reason, so ending a membership never
takes away access that the board manager gave separately.
"""

from django.db import models, transaction

from ..models import Board, Role, RoleAssignment, RoleGrant, User

MANUAL = "manual"


def source_key(source: models.Model | str) -> str:
    if isinstance(source, str):
        return source
    return f"{source._meta.label_lower}:{source.pk}"


@transaction.atomic
def role_grant(*, user: User, board: Board, role: Role, source: models.Model | str) -> None:
    key = source_key(source)
    assignment, created = RoleAssignment.objects.get_or_create(user=user, board=board, role=role)
    reasons = RoleGrant.objects.filter(user=user, board=board, role=role)
    if not created and not reasons.exists():
        RoleGrant.objects.create(user=user, board=board, role=role, source=MANUAL)
    RoleGrant.objects.get_or_create(user=user, board=board, role=role, source=key)


@transaction.atomic
def role_revoke(*, user: User, board: Board, role: Role, source: models.Model | str) -> None:
    reasons = RoleGrant.objects.filter(user=user, board=board, role=role)
    reasons.filter(source=source_key(source)).delete()
    if not reasons.exists():
        RoleAssignment.objects.filter(user=user, board=board, role=role).delete()


@transaction.atomic
def role_revoke_all_for_source(*, source: models.Model | str) -> None:
    """End every role a source gave (e.g. when the record is deleted)."""
    for grant in RoleGrant.objects.filter(source=source_key(source)):
        role_revoke(user=grant.user, board=grant.board, role=Role(grant.role), source=source)

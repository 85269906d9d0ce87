"""The shared action tracker's writes. Other apps attach their actions here:

    from board.services.actions import action_create
    action_create(board=..., description=..., owner_agency=agency, due_date=...,
                  source=recommendation, created_by=request.user)

The source's kind (a key registered in `board.action_sources`) is taken from `source_type=`
when given, else from the source model's `action_source_type` attribute, else "other";
with no source, "direct".
"""

from datetime import date

from django.db import models, transaction
from django.utils import timezone

from core.links import board_url

from ..models import Action, ActionSource, ActionStatus, ActionUpdate, Agency, Board, Person, User


def _source_type_of(source: models.Model | None, source_type: str | None) -> str:
    """The key is checked against the registered sources by full_clean()."""
    if source_type:
        return str(source_type)
    if source is None:
        return ActionSource.DIRECT
    return str(getattr(source, "action_source_type", ActionSource.OTHER))


@transaction.atomic
def action_create(
    *,
    board: Board,
    description: str,
    owner_agency: Agency | None = None,
    owner_person: Person | None = None,
    due_date: date,
    source: models.Model | None = None,
    created_by: User | None,
    source_type: str | None = None,
    status: str = ActionStatus.NOT_STARTED,
    theme: str = "",
) -> Action:
    action = Action(
        board=board,
        description=description,
        owner_agency=owner_agency,
        owner_person=owner_person,
        due_date=due_date,
        status=status,
        theme=theme.strip(),
        created_by=created_by,
        source_type=_source_type_of(source, source_type),
    )
    if source is not None:
        action.source = source
    action.full_clean()
    action.save()
    action_owner_notify(action=action, kind="action_assigned", by=created_by)
    return action


def action_owner_notify(*, action: Action, kind: str, by: User | None = None, once_key=""):
    """Tell the owning person (through their account, if linked) of their action."""
    from .notifications import notify

    owner = action.owner_person
    return notify(
        board=action.board, kind=kind, users=[owner.user if owner else None], exclude=by,
        link=board_url(action.board, "action-detail", pk=action.pk),
        about=f"Due {action.due_date:%-d %B %Y}", once_key=once_key,
    )  # fmt: skip


@transaction.atomic
def action_edit(*, action: Action, **fields) -> Action:
    """Change the description, owners, due date or report theme (not the status: see
    progress updates)."""
    allowed = {"description", "owner_agency", "owner_person", "due_date", "theme"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"action_edit cannot change {sorted(unknown)}")
    # From the database: a model form has set the new owner on `action` already.
    before = Action.objects.filter(pk=action.pk).values_list("owner_person_id", flat=True).first()
    for name, value in fields.items():
        setattr(action, name, value)
    action.full_clean()
    action.save()
    if action.owner_person_id and action.owner_person_id != before:
        action_owner_notify(action=action, kind="action_assigned")
    return action


@transaction.atomic
def action_add_update(
    *,
    action: Action,
    author: User,
    text: str,
    status: str,
    on: date | None = None,
    evidence: str | None = None,
) -> ActionUpdate:
    """Record progress and the status it leaves the action in. A completed action keeps
    its evidence; re-opening an action clears its sign-off."""
    update = ActionUpdate(
        board_id=action.board_id,
        action=action,
        author=author,
        text=text,
        status=status,
        date=on or timezone.localdate(),
    )
    update.full_clean()
    action.status = status
    if evidence is not None:
        action.evidence = evidence
    if status != ActionStatus.COMPLETE:
        action.signed_off_at = None
        action.signed_off_by = None
    action.full_clean()
    action.save()
    update.save()
    return update


@transaction.atomic
def action_sign_off(*, action: Action, signed_off_by: User) -> Action:
    from django.core.exceptions import ValidationError

    if not action.is_complete:
        raise ValidationError("Only a complete action can be signed off.")
    if not action.evidence.strip():
        raise ValidationError("Record the evidence of completion before signing off.")
    action.signed_off_by = signed_off_by
    action.signed_off_at = timezone.now()
    action.full_clean()
    action.save()
    return action

"""The quarterly return's workflow:

    not started -> draft -> submitted -> approved (locked)
                              `-> returned for amendment -> resubmitted -> approved
    approved -> (unlocked by the manager, with a reason) -> returned for amendment

Only a current chair or deputy of the sub-group saves and submits; the board manager
approves, returns (with a reason) and unlocks (with a reason). Every step is an event
(who, when, comment). Saves use optimistic locking: the caller passes the version it
started from, and a save over someone else's newer one raises `ReturnConflict`."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from board.models import Role, RoleAssignment, User
from core.jobs.outbox import enqueue
from core.periods import Quarter
from datasets.models import Category, Indicator, Source, Status
from datasets.services.observations import observation_upsert
from datasets.tasks import refresh_board_snapshots

from ..models import (
    AWAITING_APPROVAL,
    QuarterlyReturn,
    ReturnEvent,
    ReturnEventKind,
    ReturnStatus,
    SubGroup,
    SubGroupMembership,
)
from .deadlines import due_date, is_on_time
from .groups import returns_settings
from .notices import return_handed_over
from .spec import spec_for
from .validation import check, history


class ReturnConflict(Exception):
    """Someone else saved the return since this person opened it."""

    def __init__(self, current: QuarterlyReturn) -> None:
        super().__init__("The return was changed by someone else")
        self.current = current


class ReturnInvalid(ValidationError):
    def __init__(self, checked) -> None:
        super().__init__(list(checked.errors.values()))
        self.checked = checked


def is_chair_or_deputy(user: User, subgroup: SubGroup, on: date | None = None) -> bool:
    if not user.is_authenticated:
        return False
    seats = SubGroupMembership.objects.current_on(on or timezone.localdate()).chairs()
    return seats.filter(subgroup=subgroup, person__user=user).exists()


def _require_chair(user: User, subgroup: SubGroup) -> None:
    if not is_chair_or_deputy(user, subgroup):
        raise PermissionDenied("Only the sub-group's chair or deputy can change its return")


def _require_manager(user: User, board_id) -> None:
    if not RoleAssignment.objects.filter(
        user=user, board_id=board_id, role=Role.BOARD_MANAGER
    ).exists():
        raise PermissionDenied("Only the board manager can do this")


def return_due_date(quarterly_return: QuarterlyReturn) -> date:
    days = returns_settings(quarterly_return.board).due_working_days
    return due_date(quarterly_return.quarter, days)


def return_get(subgroup: SubGroup, quarter: Quarter) -> QuarterlyReturn:
    """The stored return, or an unsaved "not started" one."""
    found = QuarterlyReturn.objects.filter(subgroup=subgroup, period_start=quarter.start).first()
    return found or QuarterlyReturn(
        board=subgroup.board, subgroup=subgroup, period_start=quarter.start
    )


def _locked(subgroup: SubGroup, quarter: Quarter) -> QuarterlyReturn:
    QuarterlyReturn.objects.get_or_create(
        subgroup=subgroup, period_start=quarter.start, defaults={"board": subgroup.board}
    )
    return QuarterlyReturn.objects.select_for_update().get(
        subgroup=subgroup, period_start=quarter.start
    )


def _event(r: QuarterlyReturn, kind: str, by: User, from_status: str, **extra) -> ReturnEvent:
    return ReturnEvent.objects.create(
        board=r.board,
        quarterly_return=r,
        kind=kind,
        by=by,
        at=extra.pop("at", None) or timezone.now(),
        from_status=from_status,
        to_status=r.status,
        **extra,
    )


def _write(r: QuarterlyReturn, content: dict, by: User, expected_version: int) -> str:
    if not r.is_editable:
        raise ValidationError(
            f"This return is {r.get_status_display().lower()} and cannot be changed"
        )
    if r.version != expected_version:
        raise ReturnConflict(r)
    before = r.status
    if r.status == ReturnStatus.NOT_STARTED:
        r.status = ReturnStatus.DRAFT
    r.content = content
    r.version += 1
    return before


@transaction.atomic
def quarterly_return_save(
    *,
    subgroup: SubGroup,
    quarter: Quarter,
    content: dict,
    by: User,
    expected_version: int,
    uploaded: bool = False,
) -> QuarterlyReturn:
    """Save a draft (partial answers are fine; the caller checked what is there)."""
    _require_chair(by, subgroup)
    r = _locked(subgroup, quarter)
    before = _write(r, content, by, expected_version)
    r.full_clean()
    r.save()
    if before == ReturnStatus.NOT_STARTED:
        _event(r, ReturnEventKind.STARTED, by, before)
    if uploaded:
        _event(r, ReturnEventKind.UPLOADED, by, r.status)
    return r


@transaction.atomic
def quarterly_return_submit(
    *,
    subgroup: SubGroup,
    quarter: Quarter,
    content: dict,
    by: User,
    expected_version: int,
    now: datetime | None = None,
) -> QuarterlyReturn:
    """Save and submit. Refused (ReturnInvalid) unless every answer is complete and valid."""
    _require_chair(by, subgroup)
    r = _locked(subgroup, quarter)
    before = _write(r, content, by, expected_version)  # in memory until saved below
    spec = spec_for(r)
    checked = check(spec, content, submitting=True, past=history(r.board, spec, r.period_start))
    if not checked.is_valid:
        raise ReturnInvalid(checked)
    now = now or timezone.now()
    on_time = is_on_time(now, return_due_date(r))
    resubmission = before == ReturnStatus.RETURNED
    r.status = ReturnStatus.RESUBMITTED if resubmission else ReturnStatus.SUBMITTED
    r.template = spec
    if r.first_submitted_at is None:
        r.first_submitted_at = now
        r.first_submitted_on_time = on_time
    r.full_clean()
    r.save()
    if before == ReturnStatus.NOT_STARTED:
        _event(r, ReturnEventKind.STARTED, by, before, at=now)
        before = ReturnStatus.DRAFT
    kind = ReturnEventKind.RESUBMITTED if resubmission else ReturnEventKind.SUBMITTED
    _event(r, kind, by, before, at=now, on_time=on_time)
    return_handed_over(r, "return_submitted", by)
    return r


def _awaiting(r: QuarterlyReturn) -> None:
    if r.status not in AWAITING_APPROVAL:
        raise ValidationError(
            f"Only a submitted return can be reviewed; this one is {r.get_status_display().lower()}"
        )


def _reason(reason: str, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": f"Enter the reason for {what}"})
    return reason


@transaction.atomic
def quarterly_return_send_back(*, quarterly_return: QuarterlyReturn, by: User, reason: str):
    _require_manager(by, quarterly_return.board_id)
    r = QuarterlyReturn.objects.select_for_update().get(pk=quarterly_return.pk)
    _awaiting(r)
    reason = _reason(reason, "returning it")
    before, r.status = r.status, ReturnStatus.RETURNED
    r.version += 1
    r.save()
    _event(r, ReturnEventKind.RETURNED, by, before, comment=reason)
    return_handed_over(r, "return_returned", by)
    return r


@transaction.atomic
def quarterly_return_approve(*, quarterly_return: QuarterlyReturn, by: User, comment: str = ""):
    """Approve and lock the return; its figures become the dataset's final observations,
    and the board's dashboard is refreshed once this commits."""
    _require_manager(by, quarterly_return.board_id)
    r = (
        QuarterlyReturn.objects.select_for_update()
        .select_related("board")
        .get(pk=quarterly_return.pk)
    )
    _awaiting(r)
    before, r.status = r.status, ReturnStatus.APPROVED
    r.approved_at = timezone.now()
    r.version += 1
    r.save()
    _event(r, ReturnEventKind.APPROVED, by, before, comment=(comment or "").strip())
    _write_observations(r)
    enqueue(refresh_board_snapshots, str(r.board_id), board_id=r.board_id)
    return_handed_over(r, "return_approved", by)
    return r


def _write_observations(r: QuarterlyReturn) -> None:
    spec = r.template or {"indicators": []}
    checked = check(spec, r.content, submitting=False)
    ids = [i["id"] for i in spec["indicators"]]
    indicators = {str(i.id): i for i in Indicator.objects.filter(board=r.board, id__in=ids)}
    categories = {str(c.id): c for c in Category.objects.filter(board=r.board)}
    for key, value in checked.values.items():
        indicator_id, _, category_id = key.partition(":")
        indicator = indicators.get(indicator_id)
        if indicator is None or (category_id and category_id not in categories):
            continue  # removed from the catalogue since the return was submitted
        observation_upsert(
            board=r.board,
            indicator=indicator,
            period_start=r.period_start,
            value=value,
            category=categories.get(category_id) if category_id else None,
            source=Source.RETURN,
            status=Status.FINAL,
        )


@transaction.atomic
def quarterly_return_unlock(*, quarterly_return: QuarterlyReturn, by: User, reason: str):
    """Reopen an approved return for amendment: the manager only, with a reason."""
    _require_manager(by, quarterly_return.board_id)
    r = QuarterlyReturn.objects.select_for_update().get(pk=quarterly_return.pk)
    if r.status != ReturnStatus.APPROVED:
        raise ValidationError("Only an approved return can be unlocked")
    reason = _reason(reason, "unlocking it")
    before, r.status = r.status, ReturnStatus.RETURNED
    r.approved_at = None
    r.version += 1
    r.save()
    _event(r, ReturnEventKind.UNLOCKED, by, before, comment=reason)
    return_handed_over(r, "return_returned", by)
    return r

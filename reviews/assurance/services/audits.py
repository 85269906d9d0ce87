"""Writes for audits: the board's rating scale, the audit with its count per rating,
findings, and recommendations that become actions in the board's action tracker."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from board.models import Agency, Board, User
from board.services.actions import action_create

from .. import action_sources
from ..models import (
    DEFAULT_RATING_LEVELS,
    Audit,
    AuditFinding,
    AuditRating,
    AuditRecommendation,
    RatingLevel,
)

AUDIT_FIELDS = {
    "title",
    "audit_type",
    "commissioned_by",
    "period_start",
    "period_end",
    "sample_size",
    "follows_up",
    "reaudit_planned_for",
}


def audit_board_set_up(*, board: Board) -> None:
    """A new board's rating scale: the default four levels (board.setup)."""
    if not RatingLevel.objects.filter(board=board).exists():
        for position, name in enumerate(DEFAULT_RATING_LEVELS, start=1):
            RatingLevel.objects.get_or_create(
                board=board, name=name, defaults={"position": position}
            )


def rating_levels(*, board: Board) -> list[RatingLevel]:
    """The board's active rating scale: a read."""
    return list(RatingLevel.objects.filter(board=board, is_active=True))


def _check_counts(audit: Audit, counts: dict[RatingLevel, int]) -> None:
    for level, count in counts.items():
        if level.board_id != audit.board_id:
            raise ValidationError("Choose ratings of this board's scale.")
        if count is None or count < 0:
            raise ValidationError(f"Enter the number of cases rated {level.name.lower()}.")
    total = sum(counts.values())
    if audit.sample_size is not None and total > audit.sample_size:
        raise ValidationError(
            f"The rating counts add up to {total}, more than the {audit.sample_size} cases "
            "audited. Check the counts or the number of cases audited."
        )


def _save_counts(audit: Audit, counts: dict[RatingLevel, int]) -> None:
    for level, count in counts.items():
        rating = AuditRating.objects.filter(audit=audit, level=level).first() or AuditRating(
            board=audit.board, audit=audit, level=level
        )
        rating.count = count
        rating.full_clean()
        rating.save()


@transaction.atomic
def audit_create(*, board: Board, counts: dict[RatingLevel, int], **fields) -> Audit:
    """Store the audit and its count per rating; counts that add up to more than the
    sample size are refused and nothing is saved."""
    unknown = set(fields) - AUDIT_FIELDS
    if unknown:
        raise TypeError(f"audit_create does not take {sorted(unknown)}")
    audit = Audit(board=board, **fields)
    audit.full_clean()
    _check_counts(audit, counts)
    audit.save()
    _save_counts(audit, counts)
    return audit


@transaction.atomic
def audit_update(*, audit: Audit, counts: dict[RatingLevel, int], **fields) -> Audit:
    unknown = set(fields) - AUDIT_FIELDS
    if unknown:
        raise TypeError(f"audit_update cannot change {sorted(unknown)}")
    Audit.objects.select_for_update().filter(pk=audit.pk).first()
    for name, value in fields.items():
        setattr(audit, name, value)
    audit.full_clean()
    existing = {rating.level: rating.count for rating in audit.ratings.select_related("level")}
    _check_counts(audit, {**existing, **counts})
    audit.save()
    _save_counts(audit, counts)
    return audit


@transaction.atomic
def audit_finding_add(*, audit: Audit, text: str) -> AuditFinding:
    finding = AuditFinding(board=audit.board, audit=audit, text=text)
    finding.full_clean()
    finding.save()
    return finding


@transaction.atomic
def audit_recommendation_create(
    *,
    audit: Audit,
    text: str,
    owner_agency: Agency | None,
    due_date: date,
    created_by: User | None,
    action_description: str = "",
    finding: AuditFinding | None = None,
) -> AuditRecommendation:
    """Store the recommendation (answering one of the audit's findings, if given) and open
    its action in the board's tracker. Without an owning agency nothing is saved."""
    if owner_agency is None:
        raise ValidationError({"owner_agency": "Choose the agency that owns this recommendation."})
    if owner_agency.board_id != audit.board_id:
        raise ValidationError({"owner_agency": "Choose an agency of this board."})
    recommendation = AuditRecommendation(board=audit.board, audit=audit, text=text, finding=finding)
    recommendation.full_clean(exclude=["number"])
    Audit.objects.select_for_update().filter(pk=audit.pk).first()  # one number at a time
    highest = audit.recommendations.aggregate(n=Max("number"))["n"] or 0
    recommendation.number = highest + 1
    recommendation.save()
    action_create(
        board=audit.board,
        description=action_description.strip() or text,
        owner_agency=owner_agency,
        due_date=due_date,
        source=recommendation,
        source_type=action_sources.AUDIT,
        created_by=created_by,
    )
    return recommendation


@transaction.atomic
def rating_level_save(
    *, board: Board, level: RatingLevel | None = None, name: str, position: int, is_active: bool
) -> RatingLevel:
    """Add a level to the board's rating scale, or rename, move or retire one. Retiring
    keeps the counts of past audits; new audits no longer ask for it."""
    if level is None:
        level = RatingLevel(board=board)
    elif level.board_id != board.pk:
        raise ValidationError("Choose a rating of this board's scale.")
    level.name = name.strip()
    taken = RatingLevel.objects.filter(board=board, name__iexact=level.name).exclude(pk=level.pk)
    if taken.exists():
        raise ValidationError({"name": f"The scale already has a rating called {level.name}."})
    level.position = position
    level.is_active = is_active
    level.full_clean()
    others_in_use = RatingLevel.objects.filter(board=board, is_active=True).exclude(pk=level.pk)
    if not is_active and not others_in_use.exists():
        raise ValidationError({"is_active": "The scale needs at least one rating in use."})
    level.save()
    return level

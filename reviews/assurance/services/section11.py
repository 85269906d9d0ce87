"""Writes for Section 11 self-assessments: the board's standards, the cycles, each agency's
return with all its ratings at once, its submission and moderation, and the improvement
actions that go to the board's action tracker."""

from collections.abc import Iterable, Mapping
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from board.models import Action, Agency, Board, User
from board.services.actions import action_create

from .. import action_sources
from ..models import (
    DEFAULT_STANDARDS,
    RAG,
    ModerationOutcome,
    Section11Cycle,
    Section11Rating,
    Section11Return,
    Section11Standard,
    Section11Status,
)

CYCLE_FIELDS = {"title", "kind", "opens_on", "due_on"}

# What a return's ratings are given as: {standard: (rag, evidence)}. A blank rag means the
# standard is not rated yet (a rating already saved for it is removed).
Ratings = Mapping[Section11Standard, tuple[str, str]]


def section11_board_set_up(*, board: Board) -> None:
    """A new board's Section 11 standards: the common eight (board.setup)."""
    if not Section11Standard.objects.filter(board=board).exists():
        for number, text in enumerate(DEFAULT_STANDARDS, start=1):
            Section11Standard.objects.get_or_create(
                board=board, number=number, defaults={"text": text}
            )


def section11_standards(*, board: Board) -> list[Section11Standard]:
    """The board's active standards: a read."""
    return list(Section11Standard.objects.filter(board=board, is_active=True))


@transaction.atomic
def section11_standard_add(*, board: Board, text: str, number: int | None = None):
    if number is None:
        highest = Section11Standard.objects.filter(board=board).aggregate(n=Max("number"))["n"]
        number = (highest or 0) + 1
    standard = Section11Standard(board=board, number=number, text=text)
    standard.full_clean()
    standard.save()
    return standard


@transaction.atomic
def section11_standard_edit(*, standard: Section11Standard, number: int, text: str):
    standard.number = number
    standard.text = text
    standard.full_clean()
    standard.save()
    return standard


@transaction.atomic
def section11_standard_retire(*, standard: Section11Standard) -> Section11Standard:
    """No longer asked in new returns; past returns keep their ratings against it."""
    standard.is_active = False
    standard.save(update_fields=["is_active", "updated_at"])
    return standard


def _check_agencies(board: Board, agencies: Iterable[Agency]) -> list[Agency]:
    agencies = list(agencies)
    if any(agency.board_id != board.pk for agency in agencies):
        raise ValidationError({"agencies": "Choose agencies of this board."})
    return agencies


@transaction.atomic
def section11_cycle_create(*, board: Board, agencies: Iterable[Agency], **fields):
    unknown = set(fields) - CYCLE_FIELDS
    if unknown:
        raise TypeError(f"section11_cycle_create does not take {sorted(unknown)}")
    cycle = Section11Cycle(board=board, **fields)
    cycle.full_clean()
    agencies = _check_agencies(board, agencies)
    cycle.save()
    cycle.agencies.set(agencies)
    return cycle


@transaction.atomic
def section11_cycle_update(*, cycle: Section11Cycle, agencies: Iterable[Agency], **fields):
    """Change the cycle. An agency that already has a return cannot be taken out of it
    (its return would then be for an agency outside the cycle)."""
    unknown = set(fields) - CYCLE_FIELDS
    if unknown:
        raise TypeError(f"section11_cycle_update cannot change {sorted(unknown)}")
    for name, value in fields.items():
        setattr(cycle, name, value)
    cycle.full_clean()
    agencies = _check_agencies(cycle.board, agencies)
    keep = {agency.pk for agency in agencies}
    dropped = [
        r.agency.name for r in cycle.returns.select_related("agency") if r.agency_id not in keep
    ]
    if dropped:
        raise ValidationError(
            {
                "agencies": f"{', '.join(dropped)} already ha{'s' if len(dropped) == 1 else 've'} "
                "a return in this cycle and cannot be taken out of it."
            }  # fmt: skip
        )
    cycle.save()
    cycle.agencies.set(agencies)
    return cycle


def _check_ratings(section11_return: Section11Return, ratings: Ratings) -> None:
    """Every rating is checked before any is written, so one bad rating refuses them all."""
    for standard, (rag, _evidence) in ratings.items():
        if standard.board_id != section11_return.board_id:
            raise ValidationError("Rate the standards of this board's Section 11 tool.")
        if not standard.is_active:
            raise ValidationError(f"Standard {standard.number} has been retired: it is not rated.")
        if rag and rag not in RAG.values:
            raise ValidationError(
                f"Rate standard {standard.number} red, amber or green (not {rag!r})."
            )


def _write_ratings(section11_return: Section11Return, ratings: Ratings) -> None:
    existing = {rating.standard_id: rating for rating in section11_return.ratings.all()}
    for standard, (rag, evidence) in ratings.items():
        rating = existing.get(standard.pk)
        if not rag:
            if rating is not None:
                rating.delete()
            continue
        rating = rating or Section11Rating(
            board=section11_return.board, section11_return=section11_return, standard=standard
        )
        rating.rag = rag
        rating.evidence = evidence or ""
        rating.full_clean()
        rating.save()


def _check_in_cycle(cycle: Section11Cycle, agency: Agency) -> None:
    if agency.board_id != cycle.board_id:
        raise ValidationError({"agency": "Choose an agency of this board."})
    if not cycle.agencies.filter(pk=agency.pk).exists():
        raise ValidationError(
            {
                "agency": f"{agency} is not one of the agencies in {cycle}. Add it to the cycle "
                "first."
            }  # fmt: skip
        )


@transaction.atomic
def section11_return_create(
    *, cycle: Section11Cycle, agency: Agency, ratings: Ratings, submitted_on: date | None = None
) -> Section11Return:
    """Store the agency's return with all its ratings, or nothing: an agency outside the
    cycle, a second return for the agency, a rating that is not red, amber or green, or a
    standard of another board or retired, refuses the whole return."""
    _check_in_cycle(cycle, agency)
    section11_return = Section11Return(board=cycle.board, cycle=cycle, agency=agency)
    section11_return.full_clean()
    _check_ratings(section11_return, ratings)
    section11_return.status = Section11Status.IN_PROGRESS
    section11_return.save()
    _write_ratings(section11_return, ratings)
    if submitted_on is not None:
        section11_return_submit(section11_return=section11_return, submitted_on=submitted_on)
    return section11_return


@transaction.atomic
def section11_return_update(
    *, section11_return: Section11Return, ratings: Ratings, submitted_on: date | None = None
) -> Section11Return:
    """Change the ratings (all or nothing), and submit the return if a date is given and
    it has not been submitted yet."""
    Section11Return.objects.select_for_update().filter(pk=section11_return.pk).first()
    _check_in_cycle(section11_return.cycle, section11_return.agency)
    _check_ratings(section11_return, ratings)
    if section11_return.status == Section11Status.NOT_STARTED:
        section11_return.status = Section11Status.IN_PROGRESS
        section11_return.save(update_fields=["status", "updated_at"])
    _write_ratings(section11_return, ratings)
    if submitted_on is not None and not section11_return.is_received:
        section11_return_submit(section11_return=section11_return, submitted_on=submitted_on)
    return section11_return


@transaction.atomic
def section11_return_submit(
    *, section11_return: Section11Return, submitted_on: date
) -> Section11Return:
    """A return is submitted once every active standard is rated."""
    if section11_return.is_received:
        raise ValidationError("This return has already been submitted.")
    rated = set(section11_return.ratings.values_list("standard_id", flat=True))
    unrated = [
        str(standard.number)
        for standard in section11_standards(board=section11_return.board)
        if standard.pk not in rated
    ]
    if unrated:
        raise ValidationError(
            {
                "submitted_on": f"Rate every standard before submitting (not yet rated: "
                f"{', '.join(unrated)})."
            }  # fmt: skip
        )
    section11_return.status = Section11Status.SUBMITTED
    section11_return.submitted_on = submitted_on
    section11_return.full_clean()
    section11_return.save()
    return section11_return


@transaction.atomic
def section11_return_moderate(
    *, section11_return: Section11Return, outcome: str, notes: str, moderated_on: date
) -> Section11Return:
    """The board's peer challenge of a submitted return. Moderating again replaces the
    outcome (the audit trail keeps the earlier one)."""
    if not section11_return.is_received:
        raise ValidationError("Only a submitted return can be moderated.")
    if outcome not in ModerationOutcome.values:
        raise ValidationError({"moderation_outcome": "Choose the outcome of the moderation."})
    section11_return.status = Section11Status.MODERATED
    section11_return.moderation_outcome = outcome
    section11_return.moderation_notes = notes
    section11_return.moderated_on = moderated_on
    section11_return.full_clean()
    section11_return.save()
    return section11_return


@transaction.atomic
def section11_action_add(
    *,
    section11_return: Section11Return,
    description: str,
    owner_agency: Agency | None,
    due_date: date,
    created_by: User | None,
) -> Action:
    """An improvement action from the return, in the board's action tracker."""
    if owner_agency is None:
        raise ValidationError({"owner_agency": "Choose the agency that owns this action."})
    return action_create(
        board=section11_return.board,
        description=description,
        owner_agency=owner_agency,
        due_date=due_date,
        source=section11_return,
        source_type=action_sources.SECTION_11,
        created_by=created_by,
    )

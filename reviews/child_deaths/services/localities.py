"""Writes for the board's list of localities (reviews.models.cdop_localities)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower, Trim

from board.models import Board

from ..models import CdopCase, Locality

NOT_RECORDED = "Not recorded"  # the statistics' row for cases with no area from the list


def _key(name: str) -> str:
    return name.strip().lower()  # as the database's Lower() in the unique constraint


def _checked_names(names: list[str]) -> list[str]:
    wanted, seen = [], set()
    for name in (name.strip() for name in names):
        if not name:
            continue
        if _key(name) in seen:
            raise ValidationError({"names": f"“{name}” is on the list twice."})
        if _key(name) == _key(NOT_RECORDED):
            raise ValidationError(
                {"names": f"“{name}” is what the statistics call cases with no area."}
            )
        seen.add(_key(name))
        wanted.append(name)
    return wanted


@transaction.atomic
def localities_update(*, board: Board, names: list[str]) -> list[Locality]:
    """Make the board's list these names, in this order. A name already on the list, in any
    capitals, keeps its record (and its cases); a name left off is retired, not deleted.
    Cases whose typed area matches an entry are then given it (`map_typed_localities`)."""
    wanted = _checked_names(names)
    existing = {_key(loc.name): loc for loc in Locality.objects.filter(board=board)}
    saved = []
    for position, name in enumerate(wanted):
        locality = existing.pop(_key(name), None) or Locality(board=board)
        saved.append(locality)
        current = (locality.name, locality.position, locality.is_active)
        if not locality._state.adding and current == (name, position, True):
            continue  # unchanged: no write, no audit entry
        locality.name, locality.position, locality.is_active = name, position, True
        try:
            locality.full_clean()
        except ValidationError as error:
            raise ValidationError({"names": [f"{name}: {m}" for m in error.messages]}) from None
        locality.save()
    for locality in existing.values():
        if locality.is_active:
            locality.is_active = False  # retired: the cases that have it keep it
            locality.save(update_fields=["is_active", "updated_at"])
    map_typed_localities(board=board)
    return saved


def map_typed_localities(*, board: Board) -> int:
    """Give each case still without an area the list entry its typed text names (ignoring
    capitals and spaces at the ends), and forget the typed text. Saved one by one so that
    each change is in the audit trail. Returns how many cases were mapped."""
    entries = {_key(loc.name): loc for loc in Locality.objects.filter(board=board)}
    unmapped = (
        CdopCase.objects.filter(board=board, locality__isnull=True)
        .exclude(locality_as_typed="")
        .annotate(typed=Lower(Trim("locality_as_typed")))
        .filter(typed__in=list(entries))
    )
    mapped = 0
    for case in unmapped:
        case.locality, case.locality_as_typed = entries[case.typed], ""
        case.save(update_fields=["locality", "locality_as_typed", "updated_at"])
        mapped += 1
    return mapped

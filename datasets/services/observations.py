"""Writing observed values. Every write marks the board's dashboard for that financial year
stale, so the scheduled refresh rebuilds it."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from board.models import Board
from core.periods import FinancialYear

from ..models import Category, Indicator, Observation, Qualifier, Source, Status
from .snapshots import mark_stale


def apply_approval(observation: Observation, status: str, now=None) -> None:
    """The first time a value is final, remember it: a later change shows on the
    data-quality page as changed after approval."""
    observation.status = status
    if status == Status.FINAL and observation.approved_value is None:
        observation.approved_value = observation.value
        observation.approved_at = now or timezone.now()


@transaction.atomic
def observation_upsert(
    *,
    board: Board,
    indicator: Indicator,
    period_start: date,
    value: Decimal,
    category: Category | None = None,
    qualifier: str = Qualifier.EXACT,
    value_high: Decimal | None = None,
    source: str = Source.MANUAL,
    status: str = Status.PROVISIONAL,
) -> Observation:
    """Write one figure (creating or changing it). A sub-group return calls this for each
    figure with `source=Source.RETURN` and, once the return is approved,
    `status=Status.FINAL`. Ratios are computed, never written."""
    if indicator.board_id != board.id or (category and category.board_id != board.id):
        raise ValidationError("The indicator and category must belong to the board.")
    if indicator.is_computed:
        raise ValidationError(f"{indicator.code} is computed from its numerator and denominator.")
    observation = (
        Observation.objects.select_for_update()
        .filter(board=board, indicator=indicator, period_start=period_start, category=category)
        .first()
    ) or Observation(board=board, indicator=indicator, period_start=period_start, category=category)
    observation.value = value
    observation.value_high = value_high
    observation.qualifier = qualifier
    observation.source = source
    apply_approval(observation, status)
    observation.full_clean()
    observation.save()
    mark_stale(board, FinancialYear.containing(period_start))
    return observation

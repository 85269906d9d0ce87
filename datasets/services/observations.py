"""Writing observed values. Every write marks the board's dashboard for that financial year
stale, so the scheduled refresh rebuilds it.

Every writer of a board's figures (an import, the bulk API, an approved return) first
takes `lock_board_figures`, then compares with what is stored and writes: two writers of
the same new figure run one after the other, and the second finds it stored (unchanged)
instead of inserting it again and failing on the unique constraint."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from board.models import Board
from core.locks import LockBusy, hold
from core.periods import FinancialYear

from ..models import Category, Indicator, Observation, Qualifier, Source, Status
from .snapshots import mark_stale

# How long a writer waits for another writer of the same board's figures to finish before
# it is told to try again: longer than a usual import or bulk request takes, well inside
# the web server's 30 s timeout.
FIGURES_LOCK_WAIT_SECONDS = 10


class FiguresBusy(ValidationError):
    """Another writer held the board's figures for longer than we wait. A ValidationError,
    so that every page that saves figures (an import, approving a return) shows it as a
    message and saves nothing, rather than failing; the API answers it with 409."""

    def __init__(self) -> None:
        super().__init__(
            "Another import or upload is saving this board's figures. Nothing was saved: "
            "try again in a minute.",
            code="figures_busy",
        )


def lock_board_figures(boards: list[Board], *, wait_seconds: float | None = None) -> None:
    """Hold the figures of these boards until the transaction ends (core.locks), or raise
    FiguresBusy. Boards are taken in one order, so two writers to the same two boards
    cannot deadlock."""
    wait = FIGURES_LOCK_WAIT_SECONDS if wait_seconds is None else wait_seconds
    try:
        for board_id in sorted({str(board.pk) for board in boards}):
            hold(f"datasets.figures:{board_id}", wait_seconds=wait)
    except LockBusy:
        raise FiguresBusy() from None


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
    lock_board_figures([board])
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

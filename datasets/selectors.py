"""Reads of the datasets app, always through the board."""

from django.db.models import QuerySet

from board.models import Board
from core.periods import FinancialYear

from .models import ImportBatch, Indicator, Snapshot


def indicators_for(board: Board) -> QuerySet[Indicator]:
    return (
        Indicator.objects.filter(board=board)
        .select_related("numerator", "denominator", "source_agency")
        .prefetch_related("breakdown_sets")
    )


def snapshot_years(board: Board) -> list[FinancialYear]:
    years = Snapshot.objects.filter(board=board).values_list("year", flat=True)
    return [FinancialYear(y) for y in sorted(years, reverse=True)]


def snapshot_for(board: Board, year: FinancialYear | None) -> Snapshot | None:
    """The year's snapshot, or the latest year's when none is asked for."""
    snapshots = Snapshot.objects.filter(board=board)
    if year is not None:
        snapshots = snapshots.filter(year=year.start_year)
    return snapshots.order_by("-year").first()


def import_batches(board: Board) -> QuerySet[ImportBatch]:
    batches = ImportBatch.objects.filter(board=board).select_related("uploaded_by")
    return batches.defer("rows", "problems")  # a list of files, not their contents

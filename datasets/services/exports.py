"""Export of any selection of a board's figures, in the import format (so an export can
be corrected and imported again), as CSV or XLSX through the one exporter (core.exports),
and of the problems found in an import file."""

from collections.abc import Iterator
from decimal import Decimal

from board.models import Board
from core.exports import Table, csv_bytes, xlsx_bytes
from core.periods import FinancialYear

from .. import periods
from ..models import Benchmark, ImportBatch, Observation
from .import_rows import COLUMNS, MISSING_WORDS, RowError


def plain(value: Decimal | None) -> Decimal | None:
    """A stored value without its storage's trailing zeros: 392, 81.5."""
    if value is None:
        return None
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


def _observation_rows(board: Board, selection: dict) -> Iterator[list]:
    rows = (
        Observation.objects.filter(board=board, **selection)
        .select_related("indicator", "category__category_set")
        .order_by(
            "indicator__code", "period_start", "category__category_set__code", "category__order"
        )
    )
    for obs in rows.iterator(chunk_size=5000):
        breakdown = obs.category.key if obs.category else "total"
        yield [
            board.slug,
            obs.indicator.code,
            periods.import_label(obs.period_start, obs.indicator.period_type),
            breakdown,
            plain(obs.value),
            obs.qualifier,
            plain(obs.value_high),
            obs.status,
            "",
        ]


def _benchmark_rows(board: Board, selection: dict) -> Iterator[list]:
    rows = Benchmark.objects.filter(board=board, **selection).select_related("indicator")
    for bench in rows.order_by("indicator__code", "period_start", "comparator"):
        yield [
            board.slug,
            bench.indicator.code,
            periods.import_label(bench.period_start, bench.period_type),
            "total",
            MISSING_WORDS[bench.missing] if bench.missing else plain(bench.value),
            "exact",
            None,
            "",
            bench.comparator,
        ]


def export_observations(
    *, board: Board, fmt: str, indicator_ids=None, year: FinancialYear | None = None
) -> tuple[bytes, str]:
    """(content, file name) for the board's selected figures."""
    selection = {}
    if indicator_ids:
        selection["indicator_id__in"] = list(indicator_ids)
    if year is not None:
        selection["period_start__gte"] = year.start
        selection["period_start__lte"] = year.end

    def rows():
        yield from _observation_rows(board, selection)
        yield from _benchmark_rows(board, selection)

    table = Table(COLUMNS, rows())
    name = f"{board.slug}-data{'-' + year.slug if year else ''}"
    if fmt == "xlsx":
        return xlsx_bytes(table), f"{name}.xlsx"
    return csv_bytes(table), f"{name}.csv"


def export_import_problems(*, batch: ImportBatch, problems: list[RowError]) -> tuple[bytes, str]:
    """(content, file name): every problem found in an import file, by row and column. The
    name is built from the batch's date, never from the uploaded file's own name."""
    table = Table(["row", "column", "problem"], ([p.row, p.column, p.message] for p in problems))
    name = f"{batch.board.slug}-import-problems-{batch.created_at:%Y%m%d-%H%M}.csv"
    return csv_bytes(table), name

"""Importing observations and benchmarks in the one long format (see datasets/FORMAT.md).

Every row is validated and every problem reported with its row and column; nothing is
written unless the whole file is good (all-or-nothing). Applying the same file twice
changes nothing the second time (idempotent): each row is compared with what is stored
and only new or changed values are written."""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from board.models import Board
from core.periods import FinancialYear
from lscb.tasks import enqueue_on_commit

from .. import periods
from ..models import (
    Benchmark,
    Comparator,
    ImportBatch,
    ImportStatus,
    Indicator,
    Observation,
    PeriodType,
    Qualifier,
    Source,
    Status,
)
from .audit import log_bulk
from .observations import apply_approval
from .snapshots import mark_stale
from .tables import TableError, read_table

REQUIRED = ["board", "indicator", "period", "breakdown", "value", "qualifier"]
OPTIONAL = ["value_high", "status", "comparator"]
COLUMNS = REQUIRED + OPTIONAL
_NUMBER = re.compile(r"^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$")


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Row {self.row}, column {self.column}: {self.message}"


@dataclass
class Record:
    """One valid row: an observation (comparator None) or a benchmark."""

    row: int
    board: Board
    indicator: Indicator
    period_type: str
    period_start: date
    category: object
    value: Decimal
    qualifier: str
    value_high: Decimal | None
    status: str
    comparator: str | None

    @property
    def key(self) -> tuple:
        if self.comparator:
            return (
                "b",
                self.board.id,
                self.indicator.id,
                self.comparator,
                self.period_type,
                self.period_start,
            )
        return (
            "o",
            self.board.id,
            self.indicator.id,
            self.period_start,
            self.category.id if self.category else None,
        )

    @property
    def breakdown_label(self) -> str:
        if self.comparator:
            return Comparator(self.comparator).label
        return self.category.label if self.category else "Total"


@dataclass
class Change:
    record: Record
    kind: str  # "new", "changed" or "unchanged"
    existing: object = None

    @property
    def period_label(self) -> str:
        return periods.label(self.record.period_start, self.record.period_type)

    @property
    def old_value(self):
        return None if self.existing is None else self.existing.value


@dataclass
class Preview:
    errors: list[RowError] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    @property
    def counts(self) -> dict:
        counts = {"new": 0, "changed": 0, "unchanged": 0}
        for change in self.changes:
            counts[change.kind] += 1
        return counts

    @property
    def to_write(self) -> list[Change]:
        return [c for c in self.changes if c.kind != "unchanged"]


class Catalogue:
    """The indicators and categories of the boards a file may write to, loaded once."""

    def __init__(self, boards: list[Board]) -> None:
        self.boards = {b.slug: b for b in boards}
        self.indicators: dict = {}
        self.categories: dict = {}
        indicators = Indicator.objects.filter(board__in=boards).prefetch_related(
            "breakdown_sets__categories"
        )
        for indicator in indicators:
            self.indicators[(indicator.board_id, indicator.code.lower())] = indicator
            allowed = {}
            for category_set in indicator.breakdown_sets.all():
                for category in category_set.categories.all():
                    category.category_set = category_set
                    allowed[f"{category_set.code}:{category.code}".lower()] = category
                    allowed.setdefault(category.label.lower(), category)
            self.categories[indicator.id] = allowed


class RowReader:
    """Validates one row at a time, collecting every error."""

    def __init__(self, catalogue: Catalogue, errors: list[RowError]) -> None:
        self.catalogue = catalogue
        self.errors = errors

    def error(self, row: int, column: str, message: str) -> None:
        self.errors.append(RowError(row, column, message))

    def read(self, number: int, cells: dict) -> Record | None:
        before = len(self.errors)
        board = self._board(number, cells["board"])
        comparator = self._comparator(number, cells.get("comparator", ""))
        indicator = self._indicator(number, board, cells["indicator"], comparator)
        period_type, start = self._period(number, indicator, cells["period"], comparator)
        category = self._breakdown(number, indicator, cells["breakdown"], comparator)
        value = self._number(number, "value", cells["value"], indicator, required=True)
        high = self._number(number, "value_high", cells.get("value_high", ""), indicator)
        qualifier = self._qualifier(number, cells["qualifier"], value, high)
        status = self._status(number, cells.get("status", ""))
        if len(self.errors) > before:
            return None
        return Record(
            number,
            board,
            indicator,
            period_type,
            start,
            category,
            value,
            qualifier,
            high,
            status,
            comparator,
        )

    def _board(self, number, text):
        board = self.catalogue.boards.get(text.strip().lower())
        if board is None:
            names = ", ".join(sorted(self.catalogue.boards))
            self.error(number, "board", f"{text!r} is not a board you can import into ({names})")
        return board

    def _comparator(self, number, text):
        text = text.strip().lower().replace(" ", "_").replace("-", "_")
        if not text:
            return None
        if text not in Comparator.values:
            self.error(
                number,
                "comparator",
                "Use england, region or statistical_neighbours, "
                "or leave it empty for the board's own value",
            )
            return None
        return text

    def _indicator(self, number, board, text, comparator):
        if board is None:
            return None
        indicator = self.catalogue.indicators.get((board.id, text.strip().lower()))
        if indicator is None:
            self.error(number, "indicator", f"Unknown indicator code {text!r}")
        elif indicator.is_computed and not comparator:
            parts = f"{indicator.numerator.code} and {indicator.denominator.code}"
            self.error(
                number,
                "indicator",
                f"{indicator.code} is computed from {parts}; import those counts instead",
            )
            return None
        return indicator

    def _period(self, number, indicator, text, comparator):
        if indicator is None:
            return None, None
        kinds = [indicator.period_type]
        if comparator and indicator.period_type != PeriodType.YEAR:
            kinds.append(PeriodType.YEAR)
        for kind in kinds:
            try:
                start = periods.parse(text, kind)
            except ValueError:
                continue
            if not indicator.is_valid_on(start):
                self.error(number, "period", f"{indicator.code} is not defined for {text}")
                return None, None
            return kind, start
        expected = PeriodType(indicator.period_type).label.lower()
        self.error(
            number,
            "period",
            f"{text!r} is not a {expected} ({indicator.code} is "
            f"{expected}ly{', e.g. 2014-15 Q1' if expected == 'quarter' else ''})",
        )
        return None, None

    def _breakdown(self, number, indicator, text, comparator):
        text = text.strip().lower()
        if indicator is None or text in ("", "total"):
            return None
        if comparator:
            self.error(number, "breakdown", "Benchmarks are for the total only")
            return None
        category = self.catalogue.categories[indicator.id].get(text)
        if category is None:
            allowed = sorted(k for k in self.catalogue.categories[indicator.id] if ":" in k)
            hint = f"; use one of {', '.join(allowed)}" if allowed else " (it has none)"
            self.error(
                number, "breakdown", f"{text!r} is not a breakdown of {indicator.code}{hint}"
            )
        return category

    def _number(self, number, column, text, indicator, required=False):
        text = text.strip()
        if not text:
            if required:
                self.error(number, column, "Enter a number")
            return None
        if not _NUMBER.match(text):
            self.error(number, column, f"{text!r} is not a number")
            return None
        try:
            value = Decimal(text.replace(",", ""))
        except InvalidOperation:
            self.error(number, column, f"{text!r} is not a number")
            return None
        if value < 0:
            self.error(number, column, "A value cannot be negative")
        if abs(value) >= Decimal(10) ** 10:
            self.error(number, column, "The value is too large")
        if indicator is not None:
            used = max(0, -value.normalize().as_tuple().exponent)
            if used > indicator.decimals:
                self.error(
                    number,
                    column,
                    f"{text} has {used} decimal places; "
                    f"{indicator.code} allows {indicator.decimals}",
                )
        return value

    def _qualifier(self, number, text, value, high):
        text = text.strip().lower() or Qualifier.EXACT
        aliases = {"approx": "approximately", "about": "approximately", "around": "approximately"}
        text = aliases.get(text, text)
        if text not in Qualifier.values:
            self.error(number, "qualifier", "Use exact, approximately, over, under or range")
            return None
        if text == Qualifier.RANGE and (high is None or (value is not None and high < value)):
            self.error(
                number, "value_high", "A range needs a top value (value_high) at least the value"
            )
        if text != Qualifier.RANGE and high is not None:
            self.error(number, "value_high", "Only a range has a top value")
        return text

    def _status(self, number, text):
        text = text.strip().lower() or Status.PROVISIONAL
        if text not in Status.values:
            self.error(number, "status", "Use provisional or final")
            return None
        return text


def validate(table: list[list[str]], boards: list[Board]) -> tuple[list[RowError], list[Record]]:
    errors: list[RowError] = []
    if not table:
        return [RowError(1, "board", "The file is empty")], []
    header = [h.strip().lower() for h in table[0]]
    for name in REQUIRED:
        if name not in header:
            errors.append(RowError(1, name, f"The column {name} is missing"))
    for name in header:
        if name and name not in COLUMNS:
            errors.append(RowError(1, name, f"Unknown column {name!r}"))
    if errors:
        return errors, []
    reader = RowReader(Catalogue(boards), errors)
    records: list[Record] = []
    seen: dict[tuple, int] = {}
    for number, cells in enumerate(table[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        row = {name: (cells[i] if i < len(cells) else "") for i, name in enumerate(header)}
        record = reader.read(number, row)
        if record is None:
            continue
        if record.key in seen:
            reader.error(
                number,
                "breakdown",
                f"Duplicates row {seen[record.key]} (same board, indicator, period and breakdown)",
            )
            continue
        seen[record.key] = number
        records.append(record)
    if not records and not errors:
        errors.append(RowError(2, "board", "The file has no rows of data"))
    return errors, records


def compare(records: list[Record]) -> list[Change]:
    """Each record against what is stored: new, changed or unchanged."""
    if not records:
        return []
    boards = {r.board.id for r in records}
    indicators = {r.indicator.id for r in records}
    low = min(r.period_start for r in records)
    high = max(r.period_start for r in records)
    span = {
        "board_id__in": boards,
        "indicator_id__in": indicators,
        "period_start__gte": low,
        "period_start__lte": high,
    }
    stored = {}
    for obs in Observation.objects.filter(**span):
        stored[("o", obs.board_id, obs.indicator_id, obs.period_start, obs.category_id)] = obs
    for bench in Benchmark.objects.filter(**span):
        stored[
            (
                "b",
                bench.board_id,
                bench.indicator_id,
                bench.comparator,
                bench.period_type,
                bench.period_start,
            )
        ] = bench
    changes = []
    for record in records:
        existing = stored.get(record.key)
        if existing is None:
            changes.append(Change(record, "new"))
        elif _same(record, existing):
            changes.append(Change(record, "unchanged", existing))
        else:
            changes.append(Change(record, "changed", existing))
    return changes


def _same(record: Record, existing) -> bool:
    if record.comparator:
        return existing.value == record.value
    return (existing.value, existing.value_high, existing.qualifier, existing.status) == (
        record.value,
        record.value_high,
        record.qualifier,
        record.status,
    )


def preview_table(table: list[list[str]], boards: list[Board]) -> Preview:
    errors, records = validate(table, boards)
    if errors:
        return Preview(errors=errors)
    return Preview(changes=compare(records))


def read_preview(filename: str, content: bytes, boards: list[Board]) -> tuple[Preview, list]:
    try:
        table = read_table(filename, content)
    except TableError as exc:
        return Preview(errors=[RowError(1, "file", str(exc))]), []
    return preview_table(table, boards), table


def import_preview(*, board: Board, filename: str, content: bytes, user) -> tuple:
    """Validate an uploaded file for the board. Returns (preview, batch); the batch, kept
    for the manager to apply, exists only when the file has no errors."""
    preview, table = read_preview(filename, content, [board])
    if preview.errors:
        return preview, None
    batch = ImportBatch(
        board=board,
        filename=filename[:255],
        sha256=hashlib.sha256(content).hexdigest(),
        rows=table,
        uploaded_by=user,
        summary=preview.counts,
    )
    batch.full_clean()
    batch.save()
    return preview, batch


@transaction.atomic
def write_changes(changes: list[Change], *, user=None, source: str = Source.IMPORT) -> dict:
    """Write new and changed records in bulk, with their audit entries; mark the affected
    dashboards stale and queue their refresh once the transaction commits."""
    from ..tasks import refresh_board_snapshots

    now = timezone.now()
    created, updated, benches_new, benches_changed = [], [], [], []
    before: dict = {}
    for change in changes:
        record = change.record
        if change.kind == "unchanged":
            continue
        if record.comparator:
            bench = change.existing or Benchmark(
                board=record.board,
                indicator=record.indicator,
                comparator=record.comparator,
                period_type=record.period_type,
                period_start=record.period_start,
            )
            before[bench] = None if change.existing is None else str(bench.value)
            bench.value = record.value
            (benches_changed if change.existing else benches_new).append(bench)
            continue
        obs = change.existing or Observation(
            board=record.board,
            indicator=record.indicator,
            period_start=record.period_start,
            category=record.category,
        )
        before[obs] = None if change.existing is None else str(obs.value)
        obs.value, obs.value_high = record.value, record.value_high
        obs.qualifier, obs.source = record.qualifier, source
        apply_approval(obs, record.status, now)
        obs.updated_at = now
        (updated if change.existing else created).append(obs)
    Observation.objects.bulk_create(created, batch_size=2000)
    Observation.objects.bulk_update(
        updated,
        [
            "value",
            "value_high",
            "qualifier",
            "source",
            "status",
            "approved_value",
            "approved_at",
            "updated_at",
        ],
        batch_size=2000,
    )
    Benchmark.objects.bulk_create(benches_new, batch_size=2000)
    Benchmark.objects.bulk_update(benches_changed, ["value"], batch_size=2000)
    log_bulk(before, user=user, now=now)
    stale = {
        (c.record.board, FinancialYear.containing(c.record.period_start))
        for c in changes
        if c.kind != "unchanged"
    }
    for board, year in stale:
        mark_stale(board, year)
    for board_id in {board.id for board, _ in stale}:
        enqueue_on_commit(refresh_board_snapshots, str(board_id))
    return {"new": len(created) + len(benches_new), "changed": len(updated) + len(benches_changed)}


@transaction.atomic
def import_apply(*, batch: ImportBatch, user) -> dict:
    """Apply a previewed batch: validated again against what is stored now (another import
    may have run meanwhile), then written all-or-nothing."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status == ImportStatus.APPLIED:
        raise ValidationError("This file has already been applied.")
    preview = preview_table(batch.rows, [batch.board])
    if preview.errors:
        raise ValidationError([str(e) for e in preview.errors])
    counts = write_changes(preview.changes, user=user)
    counts["unchanged"] = preview.counts["unchanged"]
    batch.status = ImportStatus.APPLIED
    batch.applied_at = timezone.now()
    batch.summary = counts
    batch.save(update_fields=["status", "applied_at", "summary", "updated_at"])
    return counts


def import_file(
    *, filename: str, content: bytes, boards: list[Board], user=None, dry_run: bool = False
) -> Preview:
    """The management command's path: validate, and (unless a dry run) apply at once."""
    preview, _ = read_preview(filename, content, boards)
    if not preview.errors and not dry_run:
        write_changes(preview.changes, user=user)
    return preview

"""Importing observations and benchmarks in the one long format (see datasets/FORMAT.md).

Every row is validated and every problem reported with its row and column; nothing is
written unless the whole file is good (all-or-nothing). Applying the same file twice
changes nothing the second time (idempotent): each row is compared with what is stored
and only new or changed values are written."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from board.models import Board
from core.jobs.outbox import enqueue
from core.periods import FinancialYear

from ..models import (
    Benchmark,
    ImportBatch,
    ImportStatus,
    Observation,
    Source,
)
from .audit import log_bulk
from .import_rows import Change, Preview, Record, RowError, validate
from .observations import apply_approval
from .snapshots import mark_stale
from .tables import TableError, read_table


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
        enqueue(refresh_board_snapshots, str(board_id), board_id=board_id)
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

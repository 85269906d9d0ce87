"""Importing observations and benchmarks in the one long format (see datasets/FORMAT.md).

Every row is validated and every problem reported with its row and column; nothing is
written unless the whole file is good (all-or-nothing). Applying the same file twice
changes nothing the second time (idempotent): each row is compared with what is stored
and only new or changed values are written.

Writers compare and write under the board's figures lock (observations.lock_board_figures),
so two applies of the same content at once, in two tabs or two batches, write it once and
the second reports nothing to change; a batch is applied by one request at a time."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from board.models import Board
from core.jobs.outbox import enqueue
from core.jobs.running import report_progress
from core.locks import LockBusy, hold
from core.periods import FinancialYear

from ..models import (
    Benchmark,
    ImportBatch,
    ImportStatus,
    Observation,
    Source,
)
from .audit import audit_value, log_bulk
from .import_rows import Change, Preview, Record, RowError, validate
from .observations import apply_approval, lock_board_figures
from .snapshots import mark_stale
from .tables import TableError, read_table, with_cell_problems

# A file with many problems lists the first of them on the page (the rest are counted
# and downloadable as CSV): 200,000 rows with a problem each made a 45 MB page.
PROBLEMS_SHOWN = 100


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
        return (existing.value, existing.missing) == (record.value, record.missing)
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
    preview = preview_table(table.rows, boards)
    if table.problems:  # cells that could not be read as text: a date as a value, #N/A
        return Preview(errors=with_cell_problems(table.problems, preview.errors)), table.rows
    return preview, table.rows


def import_preview(*, board: Board, filename: str, content: bytes, user) -> tuple:
    """Validate an uploaded file for the board. Returns (preview, batch): a batch held for
    the manager to apply, or, for a file with problems, a refused batch that keeps the
    problems (not the rows) so that the full list can be downloaded."""
    preview, table = read_preview(filename, content, [board])
    return preview, hold_batch(board, filename, content, preview, table, user=user)


def hold_batch(
    board: Board, filename: str, content: bytes, preview: Preview, table: list, *, user, **about
) -> ImportBatch:
    """Keep a checked table as a batch for the manager to apply, or refused with its
    problems. `about` (keys in ABOUT) is kept in the batch's summary, applied or not:
    where a table made from another shape of file came from (see dfe_statistics)."""
    batch = ImportBatch(
        board=board,
        filename=filename[:255],
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=user,
    )
    if preview.errors:
        batch.status = ImportStatus.REFUSED
        batch.problems = [[e.row, e.column, e.message] for e in preview.errors]
        batch.summary = {"problems": len(preview.errors), **about}
    else:
        batch.rows, batch.summary = table, {**preview.counts, **about}
    batch.full_clean()
    batch.save()
    return batch


ABOUT = ("source", "notes")  # what hold_batch keeps beside the counts


def _about(summary: dict) -> dict:
    return {key: summary[key] for key in ABOUT if key in summary}


def batch_problems(batch: ImportBatch) -> list[RowError]:
    return [RowError(row, column, message) for row, column, message in batch.problems]


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
            before[bench] = None if change.existing is None else audit_value(bench)
            bench.value, bench.missing = record.value, record.missing
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
    _write_in_steps(created, updated, benches_new, benches_changed)
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


OBSERVATION_FIELDS = ["value", "value_high", "qualifier", "source", "status", "approved_value",
                      "approved_at", "updated_at"]  # fmt: skip
WRITE_STEP = 2000


def _write_in_steps(created, updated, benches_new, benches_changed) -> None:
    """Write in steps of WRITE_STEP rows, telling the job (if this runs in one) how far it
    has got: its page says "Applying: 4,000 of 17,040 figures"."""
    steps = [
        (created, lambda rows: Observation.objects.bulk_create(rows)),
        (updated, lambda rows: Observation.objects.bulk_update(rows, OBSERVATION_FIELDS)),
        (benches_new, lambda rows: Benchmark.objects.bulk_create(rows)),
        (benches_changed, lambda rows: Benchmark.objects.bulk_update(rows, ["value", "missing"])),
    ]
    total, done = sum(len(rows) for rows, _ in steps), 0
    report_progress(0, total)
    for rows, write in steps:
        for start in range(0, len(rows), WRITE_STEP):
            chunk = rows[start : start + WRITE_STEP]
            write(chunk)
            done += len(chunk)
            report_progress(done, total)


@transaction.atomic
def import_apply(*, batch: ImportBatch, user) -> dict:
    """Apply a previewed batch: validated again against what is stored now (another import
    may have run meanwhile), then written all-or-nothing. A second request for the same
    batch while the first runs is told so at once rather than queued behind it."""
    try:
        hold(f"datasets.import-batch:{batch.pk}", wait_seconds=0)
    except LockBusy:
        raise ValidationError(
            "This import is already being applied. Wait a moment, then look at the import.",
            code="applying",
        ) from None
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status == ImportStatus.APPLIED:
        raise ValidationError("This file has already been applied.", code="applied")
    if batch.status == ImportStatus.REFUSED:
        raise ValidationError("This file has problems: correct them and upload it again.")
    lock_board_figures([batch.board])
    preview = preview_table(batch.rows, [batch.board])
    if preview.errors:
        raise ValidationError([str(e) for e in preview.errors[:PROBLEMS_SHOWN]])
    counts = {"new": 0, "changed": 0}
    if preview.to_write:  # the same content as a file applied before changes nothing
        counts = write_changes(preview.to_write, user=user)
    counts["unchanged"] = preview.counts["unchanged"]
    batch.status = ImportStatus.APPLIED
    batch.applied_at = timezone.now()
    batch.summary = {**counts, **_about(batch.summary)}
    batch.save(update_fields=["status", "applied_at", "summary", "updated_at"])
    return counts


@transaction.atomic
def write_table(
    table: list[list[str]], boards: list[Board], *, user=None, source: str = Source.IMPORT
) -> Preview:
    """Validate rows and write them at once, all-or-nothing (the bulk API, the command):
    compared with what is stored under the boards' figures lock, so a writer sending the
    same rows at the same moment finds them stored instead of inserting them twice."""
    lock_board_figures(boards)
    preview = preview_table(table, boards)
    if not preview.errors and preview.to_write:
        write_changes(preview.to_write, user=user, source=source)
    return preview


def import_file(
    *, filename: str, content: bytes, boards: list[Board], user=None, dry_run: bool = False
) -> Preview:
    """The management command's path: validate, and (unless a dry run) apply at once."""
    preview, rows = read_preview(filename, content, boards)  # cells unread are errors too
    if dry_run or preview.errors:
        return preview
    return write_table(rows, boards, user=user)

"""Importing the indicator catalogue from a CSV or XLSX file: one indicator a row, header
row first (columns in any order, case ignored). Read with the figures' table reader
(tables.read_table: the same encodings, separators, sheets and upload limits), checked
whole, previewed (new, changed, unchanged), then applied all-or-nothing.

An existing indicator (same code) is changed; an empty optional cell keeps what it has
(a new indicator gets the default). Its period type is never changed while it has figures
(catalogue.period_type_change_error), so no figure moves to another period."""

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from board.models import Board

from ..models import (
    CatalogueImport,
    CatalogueImportStatus,
    CategorySet,
    Indicator,
    PeriodType,
    Polarity,
    RollUp,
    Unit,
)
from .import_rows import RowError
from .snapshots import mark_all_stale
from .tables import TableError, read_table

REQUIRED = ("code", "name", "theme")
CHOICES = {"unit": Unit, "polarity": Polarity, "period_type": PeriodType, "rollup": RollUp}
TEXT = ("name", "theme", "definition", "notes")
NUMBERS = ("target", "amber_margin")
OPTIONAL = (*CHOICES, "decimals", "numerator", "denominator", "breakdown_sets",
            "breakdowns_add_up", *NUMBERS, "definition", "notes")  # fmt: skip
COLUMNS = (*REQUIRED, *OPTIONAL)
YES, NO = {"yes", "y", "true", "1"}, {"no", "n", "false", "0"}


@dataclass
class Row:
    number: int
    code: str
    values: dict  # field -> value for the model (refs as codes, sets as codes)
    kind: str = "new"  # new, changed or unchanged
    changed: list[str] = field(default_factory=list)


@dataclass
class CataloguePreview:
    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def counts(self) -> dict:
        return {
            kind: sum(r.kind == kind for r in self.rows) for kind in ("new", "changed", "unchanged")
        }


def catalogue_preview(*, board: Board, filename: str, content: bytes, user) -> tuple:
    """Read and check the file; keep its rows for the apply. Returns (preview, batch),
    batch None when the file has problems."""
    try:
        table = read_table(filename, content).rows
    except TableError as exc:
        return CataloguePreview(errors=[RowError(1, "file", str(exc))]), None
    preview = check_rows(board, table)
    if preview.errors:
        return preview, None
    batch = CatalogueImport(
        board=board, filename=filename[:255], rows=table, uploaded_by=user,
        sha256=hashlib.sha256(content).hexdigest(), summary=preview.counts,
    )  # fmt: skip
    batch.full_clean()
    batch.save()
    return preview, batch


def check_rows(board: Board, table: list[list[str]]) -> CataloguePreview:
    if not table or not any(table[0]):
        return CataloguePreview(errors=[RowError(1, "file", "The file is empty")])
    header = [cell.strip().lower() for cell in table[0]]
    errors = [
        RowError(1, name, "This column is not known")
        for name in header
        if name and name not in COLUMNS
    ]
    errors += [
        RowError(1, name, "The file needs this column") for name in REQUIRED if name not in header
    ]
    if errors:
        return CataloguePreview(errors=errors)
    existing = {
        i.code: i for i in Indicator.objects.filter(board=board).prefetch_related("breakdown_sets")
    }
    sets = {s.code: s for s in CategorySet.objects.filter(board=board)}
    preview, seen = CataloguePreview(), set()
    for number, cells in enumerate(table[1:], start=2):
        if not any(cells):
            continue
        cells = dict(zip(header, [*cells, *[""] * len(header)], strict=False))
        row = _read_row(number, cells, preview.errors, sets)
        if row.code in seen:
            preview.errors.append(RowError(number, "code", f"{row.code} is on an earlier row too"))
        seen.add(row.code)
        preview.rows.append(row)
    codes = set(existing) | seen
    for row in preview.rows:
        _check_references(row, codes, preview.errors)
        _compare(row, existing.get(row.code), preview.errors)
    if not preview.rows and not preview.errors:
        preview.errors.append(RowError(2, "file", "The file has no indicators"))
    preview.errors.sort(key=lambda e: e.row)
    return preview


def _read_row(number: int, cells: dict, errors: list, sets: dict) -> Row:
    def problem(column: str, message: str) -> None:
        errors.append(RowError(number, column, message))

    code = cells["code"].strip().lower()
    values: dict = {}
    if not code:
        problem("code", "Enter the indicator code")
    elif not code.replace("_", "").replace("-", "").isalnum() or len(code) > 50:
        problem("code", f"“{code}” is not a code: use letters, numbers and underscores")
    for name in ("name", "theme"):
        if not cells[name].strip():
            problem(name, f"Enter the indicator {name}")
    for name in TEXT:
        if cells.get(name, "").strip():
            values[name] = cells[name].strip()
    for name, choices in CHOICES.items():
        text = cells.get(name, "").strip().lower()
        if text:
            known = {c.value: c.value for c in choices} | {
                c.label.lower(): c.value for c in choices
            }
            if text in known:
                values[name] = known[text]
            else:
                allowed = ", ".join(c.value for c in choices)
                problem(name, f"“{cells[name]}” is not one of {allowed}")
    if cells.get("decimals", "").strip():
        text = cells["decimals"].strip()
        if text.isdigit() and int(text) <= 4:
            values["decimals"] = int(text)
        else:
            problem("decimals", "Enter the decimal places as a whole number from 0 to 4")
    for name in NUMBERS:
        text = cells.get(name, "").strip().replace(",", "")
        if text:
            try:
                values[name] = Decimal(text)
            except InvalidOperation:
                problem(name, f"Enter the {name.replace('_', ' ')} as a number, like 85")
    text = cells.get("breakdowns_add_up", "").strip().lower()
    if text:
        if text in YES | NO:
            values["breakdowns_add_up"] = text in YES
        else:
            problem("breakdowns_add_up", "Enter yes or no")
    for name in ("numerator", "denominator"):
        if cells.get(name, "").strip():
            values[name] = cells[name].strip().lower()
    if cells.get("breakdown_sets", "").strip():
        wanted = [
            c.strip().lower()
            for c in cells["breakdown_sets"].replace(",", ";").split(";")
            if c.strip()
        ]
        unknown = [c for c in wanted if c not in sets]
        if unknown:
            problem("breakdown_sets", f"No breakdown set has the code {', '.join(unknown)}: "
                    "add it on the Breakdown sets page first")  # fmt: skip
        values["breakdown_sets"] = sorted(wanted)
    return Row(number, code, values)


def _check_references(row: Row, codes: set, errors: list) -> None:
    for name in ("numerator", "denominator"):
        ref = row.values.get(name)
        if ref and ref not in codes:
            errors.append(RowError(row.number, name, f"No indicator has the code {ref}"))
        if ref and ref == row.code:
            errors.append(RowError(row.number, name, "A ratio cannot be made of itself"))


def _current(indicator: Indicator | None) -> dict:
    if indicator is None:
        return {}
    values = {
        name: getattr(indicator, name)
        for name in (*TEXT, *CHOICES, "decimals", *NUMBERS, "breakdowns_add_up")
    }
    for name in ("numerator", "denominator"):
        other = getattr(indicator, name)
        values[name] = other.code if other else None
    values["breakdown_sets"] = sorted(s.code for s in indicator.breakdown_sets.all())
    return values


def _compare(row: Row, indicator: Indicator | None, errors: list) -> None:
    from .catalogue import period_type_change_error

    if indicator is None:
        row.kind = "new"
        merged = {"unit": Unit.COUNT, "rollup": RollUp.SUM, **row.values}
    else:
        current = _current(indicator)
        row.changed = [name for name, value in row.values.items() if current.get(name) != value]
        row.kind = "changed" if row.changed else "unchanged"
        merged = {**current, **row.values}
        if "period_type" in row.changed:
            message = period_type_change_error(indicator)
            if message:
                errors.append(RowError(row.number, "period_type", message))
    if merged.get("rollup") == RollUp.RATIO:
        if not (merged.get("numerator") and merged.get("denominator")):
            errors.append(
                RowError(
                    row.number, "rollup", "A ratio needs a numerator and a denominator indicator"
                )
            )
        if merged.get("unit") not in (Unit.PERCENTAGE, Unit.RATE):
            errors.append(RowError(row.number, "unit", "A ratio is a percentage or a rate"))


@transaction.atomic
def catalogue_apply(*, batch: CatalogueImport) -> dict:
    """Check the held rows again (the catalogue may have changed since the preview), then
    write every new and changed indicator, or nothing."""
    batch = CatalogueImport.objects.select_for_update().get(pk=batch.pk)
    if batch.status == CatalogueImportStatus.APPLIED:
        raise ValidationError("This file has already been applied.")
    preview = check_rows(batch.board, batch.rows)
    if preview.errors:
        raise ValidationError([str(e) for e in preview.errors[:20]])
    board = batch.board
    indicators = {i.code: i for i in Indicator.objects.filter(board=board)}
    sets = {s.code: s for s in CategorySet.objects.filter(board=board)}
    to_write = [row for row in preview.rows if row.kind != "unchanged"]
    next_order = len(indicators)
    for row in to_write:  # first the indicators themselves, so ratios can name new ones
        indicator = indicators.get(row.code) or Indicator(
            board=board, code=row.code, order=next_order
        )
        next_order += 1
        for name, value in row.values.items():
            if name not in ("numerator", "denominator", "breakdown_sets"):
                setattr(indicator, name, value)
        indicator.save()
        indicators[row.code] = indicator
    for row in to_write:
        indicator = indicators[row.code]
        for name in ("numerator", "denominator"):
            if name in row.values:
                setattr(indicator, name, indicators[row.values[name]])
        try:
            indicator.full_clean(exclude=["breakdown_sets"])
        except ValidationError as error:
            raise ValidationError(f"Row {row.number}: {' '.join(error.messages)}") from None
        indicator.save()
        if "breakdown_sets" in row.values:
            indicator.breakdown_sets.set([sets[code] for code in row.values["breakdown_sets"]])
    if to_write:
        mark_all_stale(board)
    batch.status = CatalogueImportStatus.APPLIED
    batch.applied_at = timezone.now()
    batch.summary = preview.counts
    batch.save()
    return preview.counts

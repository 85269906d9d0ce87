"""Reading and checking the rows of an import file (the long format of datasets/FORMAT.md):
each row becomes a Record or a RowError naming its row and column. Nothing here writes."""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from board.models import Board
from core.cells import without_float_noise

from .. import periods
from ..models import (
    Comparator,
    Indicator,
    Missing,
    PeriodType,
    Qualifier,
    Status,
)

REQUIRED = ["board", "indicator", "period", "breakdown", "value", "qualifier"]
OPTIONAL = ["value_high", "status", "comparator"]
COLUMNS = REQUIRED + OPTIONAL
_NUMBER = re.compile(r"^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$")
# A benchmark's value may say why the publisher gives no figure, in the symbols of the
# Department for Education's statistics or in words (see datasets/FORMAT.md).
MISSING_CODES = {
    "c": Missing.SUPPRESSED,
    "suppressed": Missing.SUPPRESSED,
    ":": Missing.NOT_AVAILABLE,
    "x": Missing.NOT_AVAILABLE,
    "not available": Missing.NOT_AVAILABLE,
    "z": Missing.NOT_APPLICABLE,
    "not applicable": Missing.NOT_APPLICABLE,
}
MISSING_WORDS = {  # how an export writes them, so it imports again
    Missing.SUPPRESSED: "suppressed",
    Missing.NOT_AVAILABLE: "not available",
    Missing.NOT_APPLICABLE: "not applicable",
}


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
    missing: str = ""  # a benchmark the publisher gives no figure for: why (value None)

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
    def missing_label(self) -> str:
        return Missing(self.missing).label if self.missing else ""

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
        missing = MISSING_CODES.get(cells["value"].strip().lower(), "")
        value = None
        if missing and not comparator:
            self._missing_own_figure(number, cells["value"])
        elif not missing:
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
            missing,
        )

    def _missing_own_figure(self, number, text) -> None:
        self.error(
            number,
            "value",
            f"{text.strip()!r} says a published figure is not there, which only a "
            "benchmark can say; leave out a figure the board does not have",
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
        specific = None  # "June 2014 is not the first month of a quarter" says more
        for kind in kinds:
            try:
                start = periods.parse(text, kind)
            except periods.NotAPeriodStart as exc:
                specific = specific or str(exc)
                continue
            except ValueError:
                continue
            if not indicator.is_valid_on(start):
                self.error(number, "period", f"{indicator.code} is not defined for {text}")
                return None, None
            return kind, start
        if specific:
            self.error(number, "period", specific)
            return None, None
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
            # Past 15 significant digits a number is a float's binary noise (0.1 + 0.2
            # written as 0.30000000000000004), not a figure: see core/cells.py.
            value = without_float_noise(Decimal(text.replace(",", "")))
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
    unnamed = {i for i, name in enumerate(header) if not name}
    reader = RowReader(Catalogue(boards), errors)
    records: list[Record] = []
    seen: dict[tuple, int] = {}
    for number, cells in enumerate(table[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        _unread_cells(number, cells, header, unnamed, reader)
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


def _unread_cells(number: int, cells: list[str], header: list[str], unnamed, reader) -> None:
    """A value under no header, or past the header's last column, would be dropped
    unread: it is an error instead."""
    for index, text in enumerate(cells):
        if text.strip() and (index >= len(header) or index in unnamed):
            reader.error(
                number,
                f"column {index + 1}",
                f"{text.strip()[:30]!r} is in a column with no header, so it is not read: "
                "name the column or clear the cell",
            )

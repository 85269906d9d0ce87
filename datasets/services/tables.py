"""Reading the long format's tables, CSV or XLSX, within the upload limits of core.uploads
(writing them is core.exports). Every cell becomes text for import_rows to check, except
a cell that holds what its column cannot (a date or TRUE as a value, an Excel error, a
formula with no saved result): that is a problem naming the cell (Figures!E7), never a
crash nor a silently empty cell. The rules are in datasets/FORMAT.md."""

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from core.cells import NOT_CALCULATED, cell_name, cell_text, excel_error, is_error, not_a_number
from core.uploads import TableTooLarge, max_rows, open_workbook, sheet_values, too_many_rows

from .import_rows import COLUMNS, REQUIRED, RowError

KIND = "data"  # the upload limits (settings UPLOAD_MAX_*) for observation files
# The format has nine columns; a few more are read so an unknown one is reported.
MAX_COLUMNS = 30
NUMBER_COLUMNS = ("value", "value_high")
DELIMITERS = (",", ";", "\t")
_NUMBER_TEXT = re.compile(r"^\s*-?[\d.,]*\d[\d.,]*\s*$")


class TableError(ValueError):
    """The file cannot be read as a table at all."""


@dataclass
class ReadTable:
    rows: list[list[str]]  # header row first, as text
    problems: list[RowError] = field(default_factory=list)  # cells that cannot be read


def read_table(filename: str, content: bytes) -> ReadTable:
    """Every row of the file's data sheet as text, header row first, empty rows at the
    end left out. Reading stops at the row limit."""
    try:
        if filename.lower().endswith(".xlsx"):
            table = _read_xlsx(content)
        elif filename.lower().endswith(".csv"):
            table = _read_csv(content)
        else:
            raise TableError("The file must be a CSV (.csv) or an Excel workbook (.xlsx)")
    except TableTooLarge as exc:
        raise TableError(str(exc)) from None
    while table.rows and not any(table.rows[-1]):
        table.rows.pop()
    return table


def read_wide_csv(content: bytes, *, max_columns: int) -> ReadTable:
    """A published statistics file (datasets/services/dfe_statistics.py): a CSV with a
    column per measure, read with the same encodings, separators and row limit."""
    try:
        return _read_csv(content, max_columns)
    except TableTooLarge as exc:
        raise TableError(str(exc)) from None


def with_cell_problems(problems: list[RowError], errors: list[RowError]) -> list[RowError]:
    """The cells that could not be read, and the checks' errors on every other cell (a cell
    read as empty because it held a date is not reported again as "Enter a number")."""
    taken = {(p.row, p.column) for p in problems}
    kept = [e for e in errors if (e.row, e.column) not in taken]
    return sorted(problems + kept, key=lambda e: e.row)


# CSV


def _decode(content: bytes) -> str:
    """UTF-8 (with or without Excel's byte-order mark), UTF-16 (Excel's "Unicode text"),
    else Windows-1252 (Excel's "CSV (Comma delimited)" on Windows)."""
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return content.decode("utf-16")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TableError("The CSV file cannot be read: save it as “CSV UTF-8 (Comma delimited)”")


def _delimiter(text: str) -> str:
    """The separator under which the header row names the most of the format's columns
    (a comma when none does, and on a tie)."""
    header = text.split("\n", 1)[0]

    def known(delimiter: str) -> int:
        return sum(name.strip().strip('"').lower() in COLUMNS for name in header.split(delimiter))

    return max(DELIMITERS, key=lambda d: (known(d), d == ","))


def _read_csv(content: bytes, max_columns: int = MAX_COLUMNS) -> ReadTable:
    text = _decode(content)
    delimiter = _delimiter(text)
    limit = max_rows(KIND)
    rows = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        if len(rows) == limit:
            raise TableTooLarge(too_many_rows(limit))
        rows.append([cell.strip() for cell in row[:max_columns]])
    problems = _decimal_commas(rows) if delimiter == ";" else []
    return ReadTable(rows, problems)


def _decimal_commas(rows: list[list[str]]) -> list[RowError]:
    """Where semicolons separate the columns, a comma in a number is the decimal point of
    the locale that wrote the file as often as a thousands separator: 1,500 could be 1.5
    or 1500, so it is refused rather than guessed."""
    header = [h.lower() for h in rows[0]] if rows else []
    columns = [(i, name) for i, name in enumerate(header) if name in NUMBER_COLUMNS]
    problems = []
    for number, row in enumerate(rows[1:], start=2):
        for index, name in columns:
            if index < len(row) and "," in row[index]:
                problems.append(
                    RowError(
                        number,
                        name,
                        f"{row[index]!r} has a comma, which in a file separated by "
                        "semicolons may be a decimal point: write 1500 or 1.5, with no comma",
                    )
                )
    return problems


# XLSX


def _read_xlsx(content: bytes) -> ReadTable:
    try:
        book = open_workbook(content, kind=KIND, data_only=True)
    except TableTooLarge:
        raise
    except Exception:  # openpyxl raises many kinds for a damaged or disguised file
        raise TableError("The file is not a readable Excel workbook (.xlsx)") from None
    try:
        return _data_sheet(content, book)
    finally:
        book.close()


def _data_sheet(content: bytes, book) -> ReadTable:
    """The one sheet with figures. A sheet with only text and without the format's header
    (instructions, notes) is left out; figures on two sheets are refused, naming them,
    since each problem is reported by the row of one sheet."""
    sheets = []
    found = None
    for sheet in book.worksheets:
        reader = _SheetReader(sheet.title)
        rows = sheet_values(content, book, sheet, kind=KIND, max_col=MAX_COLUMNS)
        try:
            for number, values, unsure in rows:
                reader.add(number, values, unsure)
                if found is not None and reader.has_figures:
                    break  # a second sheet with figures: refused below, so read no more
        finally:
            rows.close()
        sheets.append(reader)
        if reader.has_figures and found is None:
            found = reader
    with_figures = [s.title for s in sheets if s.has_figures]
    if len(with_figures) > 1:
        names = ", ".join(f"“{title}”" for title in with_figures)
        raise TableError(
            f"The workbook has figures on {len(with_figures)} sheets ({names}): put them on "
            "one sheet, or import each sheet as a file of its own. (A sheet with only "
            "text, such as instructions, is left out.)"
        )
    chosen = found or (sheets[0] if sheets else _SheetReader(""))
    return ReadTable(chosen.rows, chosen.problems)


class _SheetReader:
    """One sheet's rows as text, the cells that cannot be read, and whether the sheet
    holds figures: the format's header, or any cell with a number, a date, TRUE or FALSE,
    an error or a formula (text that reads as a number counts too)."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.rows: list[list[str]] = []
        self.problems: list[RowError] = []
        self.columns: list[str] = []
        self.has_figures = False

    def add(self, number: int, values: list, unsure: dict) -> None:
        width = len(values)
        while width and values[width - 1] is None and width - 1 not in unsure:
            width -= 1  # the empty cells a sheet pads a row with on the right
        if number == 1:
            self.columns = [cell_text(v).lower() for v in values[:width]]
            self.has_figures = all(name in self.columns for name in REQUIRED)
        if not width:
            self.rows.append([])  # an empty row (a sheet may claim many) costs nothing more
            return
        if not self.has_figures:  # row 1 too: a sheet of figures may have no header
            self.has_figures = bool(unsure) or any(_is_figure(v) for v in values)
        texts = [self._text(number, index, values[index], unsure) for index in range(width)]
        while texts and not texts[-1]:
            texts.pop()
        self.rows.append(texts)

    def _column(self, index: int) -> str:
        return self.columns[index] if index < len(self.columns) else ""

    def _text(self, number: int, index: int, value, unsure: dict) -> str:
        if index not in unsure:  # the usual cells first: a file has up to 200,000 rows
            if value is None:
                return ""
            if type(value) is int:
                return str(value)
            if type(value) is str and value[:1] != "#":
                return value.strip()
        column = self._column(index)
        if number == 1 or column not in COLUMNS:
            return cell_text(value)  # the header, or a column reported as unknown
        problem = _cell_problem(column, value, unsure.get(index))
        if problem is None:
            return cell_text(value)
        where = cell_name(self.title, index + 1, number)
        self.problems.append(RowError(number, column, f"{where}: {problem}"))
        return ""


def _cell_problem(column: str, value, formula: str | None) -> str | None:
    if formula is not None:
        return NOT_CALCULATED.format(formula=formula)
    if is_error(value):
        return excel_error(value)
    if column in NUMBER_COLUMNS:
        return not_a_number(value)
    if isinstance(value, bool):
        return f"{cell_text(value)} is a true/false value, not a {column}"
    if column == "period" and isinstance(value, datetime | date):
        return None  # a date names the period it starts (datasets/periods.py)
    if isinstance(value, datetime | date):
        return f"a date is not a {column}"
    if isinstance(value, time | timedelta):
        return f"a time is not a {column}"
    return None


def _is_figure(value) -> bool:
    if isinstance(value, str):
        return bool(_NUMBER_TEXT.match(value)) or is_error(value)
    return value is not None

"""Reading the long format's tables, CSV or XLSX, within the upload limits of core.uploads
(writing them is core.exports)."""

import csv
import io
from datetime import date, datetime

from core.uploads import TableTooLarge, max_rows, open_workbook, sheet_rows, too_many_rows

KIND = "data"  # the upload limits (settings UPLOAD_MAX_*) for observation files
# The format has nine columns; a few more are read so an unknown one is reported.
MAX_COLUMNS = 30


class TableError(ValueError):
    """The file cannot be read as a table at all."""


def read_table(filename: str, content: bytes) -> list[list[str]]:
    """Every row of the file's first sheet as text, header row first, empty rows at the
    end left out. Reading stops at the row limit."""
    try:
        if filename.lower().endswith(".xlsx"):
            rows = _read_xlsx(content)
        elif filename.lower().endswith(".csv"):
            rows = _read_csv(content)
        else:
            raise TableError("The file must be a CSV (.csv) or an Excel workbook (.xlsx)")
    except TableTooLarge as exc:
        raise TableError(str(exc)) from None
    while rows and not any(rows[-1]):
        rows.pop()
    return rows


def _read_csv(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TableError("The CSV file must be saved as UTF-8") from None
    limit = max_rows(KIND)
    rows = []
    for row in csv.reader(io.StringIO(text)):
        if len(rows) == limit:
            raise TableTooLarge(too_many_rows(limit))
        rows.append([cell.strip() for cell in row[:MAX_COLUMNS]])
    return rows


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return str(value).strip()


def _read_xlsx(content: bytes) -> list[list[str]]:
    try:
        workbook = open_workbook(content, kind=KIND, data_only=True)
    except TableTooLarge:
        raise
    except Exception:  # openpyxl raises many kinds for a damaged or disguised file
        raise TableError("The file is not a readable Excel workbook (.xlsx)") from None
    try:
        rows = sheet_rows(workbook.worksheets[0], kind=KIND, max_col=MAX_COLUMNS)
        # An empty row (a sheet may claim many) costs an empty list, nothing more.
        return [_trimmed([_cell_text(v) for v in row]) if any(row) else [] for _, row in rows]
    finally:
        workbook.close()


def _trimmed(cells: list[str]) -> list[str]:
    """A row without the empty cells a sheet pads it with on the right."""
    while cells and not cells[-1]:
        cells.pop()
    return cells

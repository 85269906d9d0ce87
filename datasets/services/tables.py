"""Reading the long format's tables, CSV or XLSX (writing them is core.exports)."""

import csv
import io
from datetime import date, datetime

from openpyxl import load_workbook

MAX_ROWS = 200_000


class TableError(ValueError):
    """The file cannot be read as a table at all."""


def read_table(filename: str, content: bytes) -> list[list[str]]:
    """Every row of the file's first sheet as text, header row first."""
    if filename.lower().endswith(".xlsx"):
        rows = _read_xlsx(content)
    elif filename.lower().endswith(".csv"):
        rows = _read_csv(content)
    else:
        raise TableError("The file must be a CSV (.csv) or an Excel workbook (.xlsx)")
    if len(rows) > MAX_ROWS:
        raise TableError(f"The file has more than {MAX_ROWS:,} rows; split it")
    return rows


def _read_csv(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TableError("The CSV file must be saved as UTF-8") from None
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]


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
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged or disguised file
        raise TableError("The file is not a readable Excel workbook (.xlsx)") from None
    try:
        sheet = workbook.worksheets[0]
        return [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()

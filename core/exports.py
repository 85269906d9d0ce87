"""The one exporter: every CSV and XLSX the service hands out is written here, so formula
injection is neutralised in one place.

A text cell that a spreadsheet would run as a formula (one starting = + - @, a tab or a
carriage return) could, opened in Excel, fetch a URL with the sheet's contents or run a
command. In CSV such a cell gets a leading apostrophe, which spreadsheets show as text.
In XLSX every text cell is written as a string (never a formula, whatever it starts
with; openpyxl would otherwise store "=..." as one), marked "quote prefix" so that
editing it in Excel keeps it text; its value is unchanged, so a workbook downloaded and
uploaded again reads back what was typed. Numbers and dates stay numbers and dates.

    from core.exports import Table, csv_bytes, xlsx_bytes, download
    table = Table(["code", "value"], rows)
    return download(xlsx_bytes(table), "figures.xlsx")
"""

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_NUMBERS = (int, float, Decimal)


@dataclass
class Table:
    """One table: a CSV file, or one sheet of a workbook. `widths` maps a column letter
    to its width; `choices` maps a cell range ("C2:C500") to the values a drop-down in
    those cells offers (XLSX only)."""

    headers: Sequence[str]
    rows: Iterable[Sequence]
    title: str = "data"
    widths: Mapping[str, float] = field(default_factory=dict)
    choices: Mapping[str, Sequence[str]] = field(default_factory=dict)


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def _text(value) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def csv_cell(value) -> str:
    """A value as CSV text; a text cell that would run as a formula gets a leading '."""
    if value is None:
        return ""
    if isinstance(value, _NUMBERS) and not isinstance(value, bool):
        return str(value)  # -2 is a number, not a formula
    text = _text(value)
    return "'" + text if is_formula_like(text) else text


def csv_bytes(table: Table) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel reads accented names correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([csv_cell(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([csv_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_cell(sheet, value, font=None):
    if isinstance(value, (*_NUMBERS, date)) and not isinstance(value, bool):
        cell = WriteOnlyCell(sheet, value=value)
    else:
        text = "" if value is None else ILLEGAL_CHARACTERS_RE.sub("", _text(value))
        cell = WriteOnlyCell(sheet, value=text or None)
        cell.data_type = "s"  # never "f": a text that starts with "=" stays text
        if is_formula_like(text):
            cell.quotePrefix = True
    if font is not None:
        cell.font = font
    return cell


def xlsx_bytes(*tables: Table) -> bytes:
    """A workbook with one sheet per table, header rows in bold."""
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for table in tables:
        sheet = book.create_sheet(table.title)
        for column, width in table.widths.items():
            sheet.column_dimensions[column].width = width
        for cells, values in table.choices.items():
            # A drop-down's list is a formula by nature; its values are our own constants.
            choice = DataValidation(type="list", formula1='"' + ",".join(values) + '"')
            choice.add(cells)
            sheet.data_validations.append(choice)
        sheet.append([_xlsx_cell(sheet, h, bold) for h in table.headers])
        for row in table.rows:
            sheet.append([_xlsx_cell(sheet, v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def download(content: bytes, filename: str) -> HttpResponse:
    """An export as an attachment that is not kept in shared caches. The file name is
    built by our code (board slug, year), never typed by a user."""
    content_type = XLSX_TYPE if filename.endswith(".xlsx") else CSV_TYPE
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


FORMATS = ("xlsx", "csv")


def format_error(request) -> str:
    """Why the ?format= asked for cannot be given ("" when it can: XLSX unless CSV)."""
    if request.GET.get("format", "xlsx") in FORMATS:
        return ""
    return "Choose format=xlsx or format=csv"


def table_download(request, stem: str, *tables: Table) -> HttpResponse:
    """A list's download in the format asked for (?format=xlsx, the default, or csv): an
    XLSX has a sheet per table, a CSV holds the first. A format that is not one is 400."""
    if error := format_error(request):
        return HttpResponse(error, status=400, content_type="text/plain; charset=utf-8")
    if request.GET.get("format", "xlsx") == "csv":
        return download(csv_bytes(tables[0]), f"{stem}.csv")
    return download(xlsx_bytes(*tables), f"{stem}.xlsx")

"""What an upload may cost the server, checked before any of it is parsed.

A 100 KB workbook can claim a million rows or unpack to gigabytes, so every upload form
checks the size in bytes first (one limit per kind of upload, in settings), every
workbook is opened read-only (streamed, never built in memory whole) after its unpacked
size is checked, and a table is read only up to its row limit, stopping there with a
clear message instead of reading everything first.

    check_size(upload, kind="data", noun="data file")       # in a form field's clean()
    book = open_workbook(content, kind="data", data_only=True)
    for number, row in sheet_rows(book.worksheets[0], kind="data", max_col=9): ...

A workbook opened with `data_only=True` gives each formula's saved result, and nothing
for a formula that has none: `sheet_values` tells those apart from empty cells.
"""

import re
import zipfile
from collections.abc import Iterator
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from openpyxl import load_workbook
from openpyxl.xml.functions import fromstring  # openpyxl's own parser, defused when it can be

# A workbook unpacks to several times its size; past this many times it is a zip bomb.
MAX_UNPACK_RATIO = 40
# A formula element (<f>, or <x:f> with a namespace prefix) in a sheet's XML.
_FORMULA_ELEMENT = re.compile(rb"<(?:\w+:)?f[\s>/]")
_SCAN_CHUNK = 1 << 20


class TableTooLarge(ValueError):
    """The file has more rows than its kind allows, or unpacks to too much."""


def max_bytes(kind: str) -> int:
    return settings.UPLOAD_MAX_BYTES[kind]


def max_rows(kind: str) -> int:
    return settings.UPLOAD_MAX_ROWS[kind]


def check_size(upload, *, kind: str, noun: str = "file") -> None:
    """Refuse an empty upload, or one over the kind's limit, before anything reads it."""
    limit = max_bytes(kind)
    if upload.size == 0:
        raise ValidationError(f"The selected {noun} is empty.", code="empty")
    if upload.size > limit:
        raise ValidationError(
            f"The selected {noun} must be smaller than {filesizeformat(limit)}.",
            code="too_large",
        )


def open_workbook(content: bytes, *, kind: str, data_only: bool):
    """A read-only (streaming) workbook; close it when done. Raises TableTooLarge for a
    workbook that unpacks to far more than its kind's byte limit, and whatever openpyxl
    raises for a file that is not a workbook."""
    with zipfile.ZipFile(BytesIO(content)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACK_RATIO * max_bytes(kind):
        raise TableTooLarge(
            "The workbook holds far more than its size shows (it unpacks to "
            f"{filesizeformat(unpacked)}); save it again from Excel without empty formatted cells"
        )
    return load_workbook(BytesIO(content), read_only=True, data_only=data_only)


def sheet_rows(sheet, *, kind: str, max_col: int, values_only: bool = True) -> Iterator:
    """(row number, row) for each row of a read-only sheet, each row `max_col` wide (the
    columns a sheet claims past that are never built). Stops with TableTooLarge at the
    first row past the kind's limit, before reading further."""
    limit = max_rows(kind)
    rows = sheet.iter_rows(max_row=limit + 1, max_col=max_col, values_only=values_only)
    for number, row in enumerate(rows, start=1):
        if number > limit:
            raise TableTooLarge(too_many_rows(limit, sheet.title))
        yield number, row


def too_many_rows(limit: int, sheet_title: str | None = None) -> str:
    where = f"The sheet “{sheet_title}”" if sheet_title else "The file"
    return f"{where} has more than {limit:,} rows; split it into smaller files"


def has_formulas(content: bytes) -> bool:
    """Whether any sheet of the workbook holds a formula: a scan of the raw XML, far
    quicker than reading the cells, so that only a workbook with formulas is read twice."""
    with zipfile.ZipFile(BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with archive.open(name) as part:
                    if _holds_formula(part):
                        return True
    return False


def _holds_formula(part) -> bool:
    tail = b""
    while chunk := part.read(_SCAN_CHUNK):
        if _FORMULA_ELEMENT.search(tail + chunk):
            return True
        tail = chunk[-16:]  # an element split across two chunks is still found
    return False


def recalculates_on_load(content: bytes) -> bool:
    """Whether the workbook asks to be recalculated when opened (<calcPr fullCalcOnLoad>),
    as files written by programs that cannot calculate do. Read from the XML because
    openpyxl takes a missing attribute for "yes", while Excel leaves it out to mean "no"."""
    with zipfile.ZipFile(BytesIO(content)) as archive:
        try:
            root = fromstring(archive.read(_workbook_part(archive)))
        except (KeyError, SyntaxError, ValueError):  # no such part, or not XML
            return False
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] == "calcPr":
            return element.get("fullCalcOnLoad", "0").lower() in ("1", "true")
    return False


def _workbook_part(archive: zipfile.ZipFile) -> str:
    """The workbook's XML part, as the package's relationships name it."""
    try:
        relations = fromstring(archive.read("_rels/.rels"))
    except (KeyError, SyntaxError, ValueError):  # no such part, or not XML
        return "xl/workbook.xml"
    for relation in relations:
        if relation.get("Type", "").endswith("/officeDocument"):
            return relation.get("Target", "xl/workbook.xml").lstrip("/")
    return "xl/workbook.xml"


def sheet_values(content: bytes, book, sheet, *, kind: str, max_col: int) -> Iterator:
    """(row number, values, formulas without a result) for each row of a sheet of `book`
    (opened from `content` with data_only=True). The last maps a column index (from 0)
    to the formula's text, for each formula whose saved result cannot be trusted: there
    is none, or the workbook asks to be recalculated when opened (what openpyxl and
    XlsxWriter write, with no result or a 0 in place of one). A formula whose result is
    empty text is not among them. Only a workbook with formulas is read a second time."""
    if not has_formulas(content):  # most files: the cells' values are all there is
        for number, values in sheet_rows(sheet, kind=kind, max_col=max_col):
            yield number, values, {}
        return
    rows = sheet_rows(sheet, kind=kind, max_col=max_col, values_only=False)
    recalculated = recalculates_on_load(content)
    formulas_book = load_workbook(BytesIO(content), read_only=True, data_only=False)
    try:
        formula_rows = sheet_rows(
            formulas_book[sheet.title], kind=kind, max_col=max_col, values_only=False
        )
        for (number, cells), (_, formula_cells) in zip(rows, formula_rows, strict=False):
            unsure = {}
            for index, (cell, formula) in enumerate(zip(cells, formula_cells, strict=False)):
                if formula.data_type != "f":
                    continue
                no_result = cell.value is None and cell.data_type != "str"
                if recalculated or no_result:
                    unsure[index] = str(getattr(formula.value, "text", formula.value))
            yield number, [cell.value for cell in cells], unsure
    finally:
        formulas_book.close()

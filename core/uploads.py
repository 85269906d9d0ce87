"""What an upload may cost the server, checked before any of it is parsed.

A 100 KB workbook can claim a million rows or unpack to gigabytes, so every upload form
checks the size in bytes first (one limit per kind of upload, in settings), every
workbook is opened read-only (streamed, never built in memory whole) after its unpacked
size is checked, and a table is read only up to its row limit, stopping there with a
clear message instead of reading everything first.

    check_size(upload, kind="data", noun="data file")       # in a form field's clean()
    book = open_workbook(content, kind="data", data_only=True)
    for number, row in sheet_rows(book.worksheets[0], kind="data", max_col=9): ...
"""

import zipfile
from collections.abc import Iterator
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from openpyxl import load_workbook

# A workbook unpacks to several times its size; past this many times it is a zip bomb.
MAX_UNPACK_RATIO = 40


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

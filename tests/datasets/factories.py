"""Helpers for dataset tests: the starter catalogue and figures written as the importer
would write them (CSV in the long format)."""

import io
import zipfile

from board.models import Board
from core.exports import Table
from core.exports import csv_bytes as table_csv
from datasets.models import Indicator
from datasets.services.catalogue import catalogue_install_starter
from datasets.services.imports import import_file

HEADER = ["board", "indicator", "period", "breakdown", "value", "qualifier"]


def catalogue(board: Board) -> dict[str, Indicator]:
    catalogue_install_starter(board=board)
    return {i.code: i for i in Indicator.objects.filter(board=board)}


def csv_bytes(rows: list[list], header: list[str] = HEADER) -> bytes:
    return table_csv(Table(header, rows))


def load(board: Board, rows: list[list]) -> None:
    """rows: [indicator, period, breakdown, value] (qualifier exact)."""
    content = csv_bytes([[board.slug, *row, ""] for row in rows])
    preview = import_file(filename="t.csv", content=content, boards=[board])
    assert not preview.errors, preview.errors


def as_excel_saves(content: bytes, cells: dict[str, str], recalculate: bool = False) -> bytes:
    """An openpyxl workbook rewritten as Excel writes one: `cells` maps a cell's XML as
    openpyxl wrote it to the XML Excel would write (a formula with its saved result, a
    number with all 17 significant digits, where openpyxl rounds to 16), and the request
    to recalculate on opening that openpyxl adds is taken out (unless `recalculate`)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    rewritten = set()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/workbook.xml" and not recalculate:
                data = data.replace(b' fullCalcOnLoad="1"', b"")
            if item.filename.startswith("xl/worksheets/"):
                # openpyxl writes an empty value as <v></v> where lxml is installed (pikepdf
                # brings it), as <v /> where it is not: one spelling for the cells below.
                data = data.replace(b"<v></v>", b"<v />")
                for written, excel in cells.items():
                    if written.encode() in data:
                        data = data.replace(written.encode(), excel.encode())
                        rewritten.add(written)
            target.writestr(item, data)
    assert rewritten == set(cells), set(cells) - rewritten  # the test builds what it means
    return out.getvalue()

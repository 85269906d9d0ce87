"""One exporter for CSV and XLSX, safe against formula injection, re-importable."""

import csv
import io

from openpyxl import load_workbook

from datasets.services.exports import export_observations
from datasets.services.imports import import_file
from datasets.services.tables import Exporter, safe_text

from .factories import catalogue, load


def test_cells_that_a_spreadsheet_would_run_are_neutralised():
    for text in ['=HYPERLINK("x")', "+1", "-1+1", "@SUM(A1)", "\tx"]:
        assert safe_text(text).startswith("'")
    assert safe_text("neglect") == "neglect"
    exporter = Exporter(["a"], [["=1+1"]])
    assert list(csv.reader(io.StringIO(exporter.csv().decode("utf-8-sig"))))[1] == ["'=1+1"]
    sheet = load_workbook(io.BytesIO(Exporter(["a"], [["=1+1"]]).xlsx())).active
    assert sheet["A2"].value == "'=1+1" and sheet["A2"].data_type == "s"


def test_an_export_imports_again_unchanged(board):
    catalogue(board)
    load(
        board,
        [
            ["cp_plans", "2014-15 Q1", "total", 392],
            ["cp_plans", "2014-15 Q1", "category_of_abuse:neglect", 200],
        ],
    )
    for fmt in ("csv", "xlsx"):
        content, _, name = export_observations(board=board, fmt=fmt)
        result = import_file(filename=name, content=content, boards=[board], dry_run=True)
        assert not result.errors
        assert result.counts == {"new": 0, "changed": 0, "unchanged": 2}

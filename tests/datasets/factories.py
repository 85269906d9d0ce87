"""Helpers for dataset tests: the starter catalogue and figures written as the importer
would write them (CSV in the long format)."""

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

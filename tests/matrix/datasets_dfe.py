"""Benchmarks from DfE statistics: the board manager imports them, as other figures."""

from board.models import Role

from . import board_page

ENTRIES = {
    "datasets:dfe-import": board_page([Role.BOARD_MANAGER]),
}

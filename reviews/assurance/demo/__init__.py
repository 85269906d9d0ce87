"""The demo board's audits, Section 11 cycles and inspections, from the reference reviews
(each module says which figures it reproduces). Safe to run again."""

from board.models import Board

from . import audits, inspections, section11


def load(board: Board, write) -> None:
    audits.load(board, write)
    section11.load(board, write)
    inspections.load(board, write)

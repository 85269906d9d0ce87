"""The words a board's pages and reports use for it: a Local Safeguarding Children Board
has a board, an annual report and serious case reviews; a safeguarding children
partnership (since 2019) has a partnership, a yearly report and child safeguarding
practice reviews. An LSCB that became a partnership keeps its old words for the days
before the change (`Board.arrangement_on`), so its history reads as it was written.

Templates get the words of today as `vocab` (board/context_processors.py); a page or a
report about a year passes that year's date: `vocabulary(board, on=year.end)`."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from .models import Board, BoardArrangement


@dataclass(frozen=True)
class Vocabulary:
    board: str  # "board" / "partnership", within a sentence
    Board: str  # the same at the start of a sentence or in a title
    report: str
    review: str
    review_short: str
    chair: str

    @property
    def Report(self) -> str:  # noqa: N802 - a capitalised word, as `Board` is
        return self.report[:1].upper() + self.report[1:]

    @property
    def Review(self) -> str:  # noqa: N802
        return self.review[:1].upper() + self.review[1:]

    @property
    def Chair(self) -> str:  # noqa: N802
        return self.chair[:1].upper() + self.chair[1:]


LSCB = Vocabulary(
    board="board",
    Board="Board",
    report="annual report",
    review="serious case review",
    review_short="SCR",
    chair="independent chair",
)
PARTNERSHIP = Vocabulary(
    board="partnership",
    Board="Partnership",
    report="yearly report",
    review="child safeguarding practice review",
    review_short="CSPR",
    chair="partnership chair",
)
WORDS = {BoardArrangement.LSCB: LSCB, BoardArrangement.PARTNERSHIP: PARTNERSHIP}


def vocabulary(board: Board | None, on: date | None = None) -> Vocabulary:
    """The words for `board` on the day `on` (today when not given); an LSCB's words
    when there is no board (pages outside any board)."""
    if board is None:
        return LSCB
    return WORDS[board.arrangement_on(on or timezone.localdate())]

"""Reads for Section 11 self-assessments. The board-level grid (agencies by standards) and
its counts come from the same cells, so they always agree; percentages are computed
(core.numbers.percentage, half-up). A fixed number of queries whatever the number of
agencies and standards."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet

from board.models import Action, Agency, Board
from core.numbers import percentage

from ..models import (
    RAG,
    RECEIVED,
    Section11Cycle,
    Section11Rating,
    Section11Return,
    Section11Standard,
)


def cycles(*, board: Board) -> QuerySet[Section11Cycle]:
    """The board's cycles, each with how many agencies are in it and how many returns
    have been received."""
    return Section11Cycle.objects.filter(board=board).annotate(
        agency_count=Count("agencies", distinct=True),
        received_count=Count("returns", filter=Q(returns__status__in=RECEIVED), distinct=True),
    )


def standards(*, board: Board) -> QuerySet[Section11Standard]:
    """Every standard of the board, retired ones included (for the standards page)."""
    return Section11Standard.objects.filter(board=board)


def returns(*, board: Board) -> QuerySet[Section11Return]:
    return Section11Return.objects.filter(board=board).select_related("agency", "cycle")


def return_ratings(section11_return: Section11Return) -> list[Section11Rating]:
    return list(
        section11_return.ratings.filter(board=section11_return.board_id).select_related("standard")
    )


def actions_for_return(section11_return: Section11Return) -> QuerySet[Action]:
    return Action.objects.filter(
        board=section11_return.board_id,
        source_content_type=ContentType.objects.get_for_model(Section11Return),
        source_object_id=section11_return.pk,
    ).select_related("owner_agency")


@dataclass(frozen=True)
class GridRow:
    agency: Agency
    section11_return: Section11Return | None
    cells: list[RAG | None]  # one per standard, in the grid's order; None: not returned

    @property
    def is_received(self) -> bool:
        return self.section11_return is not None and self.section11_return.is_received


@dataclass(frozen=True)
class StandardCount:
    standard: Section11Standard
    red: int
    amber: int
    green: int

    @property
    def rated(self) -> int:
        return self.red + self.amber + self.green

    # Percentages of the agencies that rated this standard in a received return.
    @property
    def red_percent(self) -> Decimal | None:
        return percentage(self.red, self.rated)

    @property
    def amber_percent(self) -> Decimal | None:
        return percentage(self.amber, self.rated)

    @property
    def green_percent(self) -> Decimal | None:
        return percentage(self.green, self.rated)


@dataclass(frozen=True)
class Grid:
    cycle: Section11Cycle
    standards: list[Section11Standard]
    rows: list[GridRow]
    counts: list[StandardCount]

    @property
    def received(self) -> int:
        return sum(1 for row in self.rows if row.is_received)


def cycle_grid(*, cycle: Section11Cycle) -> Grid:
    """Rows: the agencies in the cycle; columns: the board's active standards; each cell
    the agency's rating from its received return, or None. Four queries."""
    board = cycle.board_id
    agencies = list(cycle.agencies.filter(board=board).order_by("name"))
    columns = list(Section11Standard.objects.filter(board=board, is_active=True))
    by_agency = {
        r.agency_id: r for r in Section11Return.objects.filter(board=board, cycle=cycle).order_by()
    }
    received = [r.pk for r in by_agency.values() if r.is_received]
    rags = {
        (return_id, standard_id): RAG(rag)
        for return_id, standard_id, rag in Section11Rating.objects.filter(
            board=board, section11_return__in=received
        )
        .order_by()
        .values_list("section11_return_id", "standard_id", "rag")
    }
    rows = []
    for agency in agencies:
        found = by_agency.get(agency.pk)
        return_id = found.pk if found is not None else None
        cells = [rags.get((return_id, standard.pk)) for standard in columns]
        rows.append(GridRow(agency=agency, section11_return=found, cells=cells))
    counts = []
    for index, standard in enumerate(columns):
        column = [row.cells[index] for row in rows]
        counts.append(
            StandardCount(
                standard=standard,
                red=column.count(RAG.RED),
                amber=column.count(RAG.AMBER),
                green=column.count(RAG.GREEN),
            )
        )
    return Grid(cycle=cycle, standards=columns, rows=rows, counts=counts)


@dataclass(frozen=True)
class Outstanding:
    agency: Agency
    section11_return: Section11Return | None
    past_due: bool


def outstanding_returns(*, cycle: Section11Cycle, today: date) -> list[Outstanding]:
    """The agencies in the cycle with no submitted return, and whether it is past due.
    Two queries."""
    board = cycle.board_id
    by_agency = {
        r.agency_id: r for r in Section11Return.objects.filter(board=board, cycle=cycle).order_by()
    }
    past_due = today > cycle.due_on
    return [
        Outstanding(agency=agency, section11_return=by_agency.get(agency.pk), past_due=past_due)
        for agency in cycle.agencies.filter(board=board).order_by("name")
        if agency.pk not in by_agency or not by_agency[agency.pk].is_received
    ]


def latest_cycle_due_by(*, board: Board, day: date) -> Section11Cycle | None:
    """The most recent cycle whose returns were due on or before `day`."""
    return Section11Cycle.objects.filter(board=board, due_on__lte=day).order_by("-due_on").first()

"""What waits for a person on a board: the registry behind the board's home page.

`board` knows none of the apps built on it, so each registers what it has waiting for
someone in its AppConfig.ready(), as board/navigation.py and board/action_sources.py do:

    waiting.register("returns", "Quarterly returns", returns_waiting,
                     roles=[Role.SUBGROUP_CHAIR], order=30)

`returns_waiting(board, access, today)` answers the lines of its card, each a count and
the address of the filtered list that shows those records. It must run a fixed number of
queries whatever the number of records (counts and aggregates, or one prefetched list), so
the home page costs the same on a large board (tests/board/test_home.py asserts it).

`roles` is checked before the function is called: a card for restricted records (child
deaths) is never even counted for a person without the role, so not even a number leaks."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ImproperlyConfigured

from .access import BoardAccess
from .models import ALL_ROLES, Board, Role


@dataclass(frozen=True)
class Waiting:
    """One line of a card: "3 returns overdue", linking to the list of those returns."""

    count: int
    singular: str  # "return overdue"
    plural: str  # "returns overdue"
    href: str

    @property
    def text(self) -> str:
        return f"{self.count} {self.singular if self.count == 1 else self.plural}"


LinesFunction = Callable[[Board, BoardAccess, date], Iterable[Waiting]]


@dataclass(frozen=True)
class WaitingSource:
    key: str
    title: str
    lines: LinesFunction
    roles: frozenset[Role]
    order: int


@dataclass(frozen=True)
class Card:
    key: str
    title: str
    lines: list[Waiting]


_sources: dict[str, WaitingSource] = {}


def register(
    key: str,
    title: str,
    lines: LinesFunction,
    *,
    roles: Iterable[Role] = ALL_ROLES,
    order: int = 100,
) -> None:
    """Register one card of the home page. The same key from two apps is a mistake, so it
    fails at start-up; registering the same function again (a test re-running ready) is
    harmless."""
    existing = _sources.get(key)
    if existing is not None and existing.lines is not lines:
        raise ImproperlyConfigured(f"Waiting card {key!r} is registered twice.")
    _sources[key] = WaitingSource(key, title, lines, frozenset(roles), order)


def cards_for(access: BoardAccess, today: date) -> list[Card]:
    """The cards with something waiting for this person, in order; lines counting nothing
    are left out, and so is a card left with no line."""
    cards = []
    for source in sorted(_sources.values(), key=lambda source: (source.order, source.key)):
        if not access.has_any(source.roles):
            continue
        lines = [line for line in source.lines(access.board, access, today) if line.count]
        if lines:
            cards.append(Card(source.key, source.title, lines))
    return cards

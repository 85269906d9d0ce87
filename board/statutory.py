"""One statutory calendar across the apps: the registry of kinds of clock.

`board` knows none of the apps built on it, so each registers its kinds of clock in its
AppConfig.ready(), as it does for the home page (board/waiting.py) and the calendar
(board/calendar_sources.py):

    statutory.register("cdop-review", "Child death review", cdop_review_clocks,
                       roles=[Role.CDOP_MEMBER], holders=[Role.CDOP_MEMBER])

`clocks(board, today)` yields `StatutoryClock`s, computed from the app's own dates and
the board's timescales (board/timescales.py), never stored. It must run a fixed number of
queries whatever the number of records: the statutory calendar page asserts it.

`roles` says who may read the kind: the page, the calendar and the feed show a person the
kinds their roles may read and no other (not even a count). `holders` are told before a
clock runs out, and the board manager and chair (where they may read the kind) when it
has (board/services/statutory_escalation.py); a clock may name its holders itself
(`holder_ids`, e.g. a sub-group's chairs). `escalate=False` leaves a kind out of that
escalation where its app already alerts everyone (case reviews' ClockAlert), and
`warn_holders=False` leaves only the manager and chair's notice when the app reminds the
holders itself (sub-groups' ReturnReminder).

A clock's `subject` says which record it is about the way the app's own pages do (a
review's "Child M" reference, a CDOP case number), never safeguarding content; the
calendar shows only the kind's label, as calendar titles never name a case."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ImproperlyConfigured

from .access import BoardAccess
from .calendar_sources import CalendarEvent
from .clock_status import OPEN, STATUS_LABELS, STATUS_TAGS
from .models import Board, Role

# Who may open the statutory calendar whatever kinds are registered.
OVERSEERS = frozenset({Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR})


@dataclass(frozen=True)
class StatutoryClock:
    uid: str  # stable: the calendar feed's event id and escalation's once key
    kind: str  # the registered key
    kind_label: str
    subject: str  # "Child M", "Case 2024-012", "Q1 2025/26: Training"; never content
    start: date
    due: date
    stopped_on: date | None
    status: str  # board.clock_status: running, due_soon, overdue, met, missed
    rule: str  # "15 working days of the notification"
    source: str  # "Working Together 2023, chapter 5"
    href: str  # the page of the record (path)
    holder_ids: frozenset = field(default=frozenset())  # user ids, beside the kind's roles

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def tag(self) -> str:
        return STATUS_TAGS[self.status]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN


ClocksFunction = Callable[[Board, date], Iterable[StatutoryClock]]


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    clocks: ClocksFunction
    roles: frozenset[Role]
    holders: frozenset[Role]
    escalate: bool
    warn_holders: bool
    order: int


_kinds: dict[str, Kind] = {}


def register(
    key: str,
    label: str,
    clocks: ClocksFunction,
    *,
    roles: Iterable[Role],
    holders: Iterable[Role] | None = None,
    escalate: bool = True,
    warn_holders: bool = True,
    order: int = 100,
) -> None:
    """Register a kind of clock. The same key from two apps fails at start-up; the same
    function again (a test re-running ready) is harmless."""
    existing = _kinds.get(key)
    if existing is not None and existing.clocks is not clocks:
        raise ImproperlyConfigured(f"Statutory clock kind {key!r} is registered twice.")
    roles = frozenset(roles)
    holders = frozenset(roles if holders is None else holders)
    _kinds[key] = Kind(key, label, clocks, roles, holders, escalate, warn_holders, order)
    # The page's navigation item follows the kinds registered: open to every reader.
    from . import navigation

    navigation.register(
        "Statutory calendar", "statutory-calendar", readers(), 18, section="business",
        description="Every statutory clock you may read: due dates, status, rule and source.",
    )  # fmt: skip


def get(key: str) -> Kind | None:
    return _kinds.get(key)


def all_kinds() -> list[Kind]:
    return sorted(_kinds.values(), key=lambda kind: (kind.order, kind.label))


def readers() -> frozenset[Role]:
    """Who may open the statutory calendar page: the manager, the chair and every role
    that reads at least one kind."""
    return OVERSEERS.union(*(kind.roles for kind in _kinds.values()))


def kinds_for(access: BoardAccess) -> list[Kind]:
    return [kind for kind in all_kinds() if access.has_any(kind.roles)]


def clocks_of(board: Board, kinds: Iterable[Kind], today: date) -> list[StatutoryClock]:
    """The clocks of these kinds, soonest due first."""
    found = [clock for kind in kinds for clock in kind.clocks(board, today)]
    return sorted(found, key=lambda clock: (clock.due, clock.kind_label, clock.subject))


def clocks_for(access: BoardAccess, today: date) -> list[StatutoryClock]:
    return clocks_of(access.board, kinds_for(access), today)


def calendar_events(board: Board, access: BoardAccess, start: date, end: date):
    """The calendar source built on this registry (registered by board itself): each open
    clock's due date, one event for each kind and day, titled by the kind alone, so a
    title never names a case and ten sub-groups' returns due on one day are one entry."""
    from django.utils import timezone

    from core.links import board_url

    seen: set[tuple[str, date]] = set()
    for clock in clocks_for(access, timezone.localdate()):
        if not clock.is_open or not start <= clock.due <= end or (clock.kind, clock.due) in seen:
            continue
        seen.add((clock.kind, clock.due))
        yield CalendarEvent(
            uid=f"statutory-{clock.kind}-{board.pk}-{clock.due:%Y%m%d}",
            day=clock.due,
            title=f"{clock.kind_label} due",
            href=board_url(board, "statutory-calendar", query={"kind": clock.kind}),
        )

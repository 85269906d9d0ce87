"""The board's search: one box over the records a person may open, found by what they
typed. `board` knows none of the apps built on it, so each registers what it contributes
in its AppConfig.ready(), as board/waiting.py does:

    search.register("indicators", "Indicator", queryset=indicators_of, fields=["code", "name"],
                    link=lambda board, indicator: ..., roles=ALL_ROLES, order=40)

`queryset(board)` is the board's records of the kind (the scoped manager filters by board
as well); `fields` are searched. On PostgreSQL that is full-text search (SearchVector and
a websearch SearchQuery, ordered by SearchRank), with a case-blind match of the text for
codes and numbers ("CDOP-2014", "cp_plans") that full text does not split into words; on
SQLite (the embedded default) it is that match alone.

`roles` is checked before the query runs: a kind of record a person may not open (CDOP
cases, a case review's record) is never searched for them, so nothing of it, not even a
count, is shown. A kind marked `restricted` is logged as read (board.audit) for every
record a results page shows, as the case list and pages log it."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import Q, QuerySet

from .access import BoardAccess
from .models import ALL_ROLES, Board, Role

# Each kind of record gives at most this many results, best first: a search is for
# finding a record, and a longer list means the words should be more precise.
PER_KIND = 50


@dataclass(frozen=True)
class SearchKind:
    key: str
    label: str  # what one result is: "Action", "CDOP case"
    queryset: Callable[[Board], QuerySet]
    fields: tuple[str, ...]
    link: Callable[[Board, object], str]
    describe: Callable[[object], str]
    roles: frozenset[Role]
    restricted: bool
    order: int


@dataclass(frozen=True)
class Result:
    kind: SearchKind
    record: object
    title: str
    href: str
    detail: str


_kinds: dict[str, SearchKind] = {}


def register(
    key: str,
    label: str,
    *,
    queryset: Callable[[Board], QuerySet],
    fields: Iterable[str],
    link: Callable[[Board, object], str],
    describe: Callable[[object], str] = lambda record: "",
    roles: Iterable[Role] = ALL_ROLES,
    restricted: bool = False,
    order: int = 50,
) -> None:
    existing = _kinds.get(key)
    if existing is not None and existing.label != label:
        raise ImproperlyConfigured(f"Search kind {key!r} is registered twice.")
    fields = tuple(fields)
    if not fields:
        raise ImproperlyConfigured(f"Search kind {key!r} searches no fields.")
    _kinds[key] = SearchKind(
        key, label, queryset, fields, link, describe, frozenset(roles), restricted, order
    )


def unregister(key: str) -> None:
    _kinds.pop(key, None)


def kinds_for(access: BoardAccess) -> list[SearchKind]:
    """The kinds of record this person may search, in the order they are listed."""
    allowed = [kind for kind in _kinds.values() if access.has_any(kind.roles)]
    return sorted(allowed, key=lambda kind: (kind.order, kind.key))


def matching(kind: SearchKind, board: Board, text: str) -> QuerySet:
    """The board's records of a kind that match the text, best first."""
    records = kind.queryset(board).filter(board=board)
    contains = reduce(or_, (Q(**{f"{field}__icontains": text}) for field in kind.fields))
    if connection.vendor != "postgresql":
        return records.filter(contains)
    query = SearchQuery(text, config="english", search_type="websearch")
    vector = SearchVector(*kind.fields, config="english")
    return (
        records.annotate(search_document=vector, search_rank=SearchRank(vector, query))
        .filter(Q(search_document=query) | contains)
        .order_by("-search_rank", "pk")
    )


def search(board: Board, access: BoardAccess, text: str) -> list[Result]:
    """Every result for the text: one query per kind this person may search."""
    text = " ".join(text.split())
    if not text:
        return []
    results = []
    for kind in kinds_for(access):
        for record in matching(kind, board, text)[:PER_KIND]:
            results.append(
                Result(kind, record, str(record), kind.link(board, record), kind.describe(record))
            )
    return results

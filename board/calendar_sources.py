"""Dated work for the calendar (month page and personal feed): the registry behind it.

Meetings are board's own; the apps built on board register their statutory dates in
their AppConfig.ready(), as they do for the home page (board/waiting.py):

    calendar_sources.register("returns", return_due_dates, roles=[...])

`events(board, access, start, end)` answers `CalendarEvent`s dated from `start` to `end`
(inclusive). `roles` is checked first, so a person without the role gets none of that
app's dates. A title never carries safeguarding content: "CDOP agency form due", never
a case's details; the link leads to the page where a person with the role reads more."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ImproperlyConfigured

from .access import BoardAccess
from .models import ALL_ROLES, Board, Role


@dataclass(frozen=True)
class CalendarEvent:
    uid: str  # stable across runs, so a calendar app updates rather than duplicates
    day: date
    title: str
    href: str  # the board page about it (path)


EventsFunction = Callable[[Board, BoardAccess, date, date], Iterable[CalendarEvent]]


@dataclass(frozen=True)
class Source:
    key: str
    events: EventsFunction
    roles: frozenset[Role]


_sources: dict[str, Source] = {}


def register(key: str, events: EventsFunction, *, roles: Iterable[Role] = ALL_ROLES) -> None:
    existing = _sources.get(key)
    if existing is not None and existing.events is not events:
        raise ImproperlyConfigured(f"Calendar source {key!r} is registered twice.")
    _sources[key] = Source(key, events, frozenset(roles))


def events_for(access: BoardAccess, start: date, end: date) -> list[CalendarEvent]:
    found = [
        event
        for source in _sources.values()
        if access.has_any(source.roles)
        for event in source.events(access.board, access, start, end)
        if start <= event.day <= end
    ]
    return sorted(found, key=lambda e: (e.day, e.title))


def meeting_events(board: Board, access: BoardAccess, start: date, end: date):
    """Board's own dates: its meetings (every role may open them)."""
    from core.links import board_url

    from .models import Meeting

    for meeting in Meeting.objects.filter(board=board, date__range=(start, end)):
        yield CalendarEvent(
            uid=f"meeting-{meeting.pk}",
            day=meeting.date,
            title=meeting.name,
            href=board_url(board, "meeting-detail", pk=meeting.pk),
        )

"""Who may read which kind of record: the one rule that the audit log page, its filters
and counts, and the admin's audit log all apply.

Most records of a board are read by every role on it. Restricted kinds (child death
cases, confidential case review documents) are registered here by the app that owns them,
in its AppConfig.ready, with the roles that open them (`board` imports no app of ours).
An audit entry is visible to a person when they may open the record it is about: on its
own board, with one of the roles registered for its kind."""

from collections.abc import Iterable
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, QuerySet

from .models import Role, RoleAssignment

# model label -> the roles that may open records of that kind
_READERS: dict[str, frozenset[Role]] = {}
_MODELS: dict[str, type[models.Model]] = {}


def restrict(*kinds: type[models.Model], readers: Iterable[Role]) -> None:
    """Only people holding one of `readers` on the record's board may read these."""
    readers = frozenset(Role(role) for role in readers)
    if not readers:
        raise ValueError("A restricted record needs at least one role that reads it")
    for model in kinds:
        _READERS[model._meta.label] = readers
        _MODELS[model._meta.label] = model


def readers_of(model: type[models.Model]) -> frozenset[Role] | None:
    """The roles that may open records of this kind; None when every board role may."""
    return _READERS.get(model._meta.label)


def restricted_kinds() -> dict[type[models.Model], frozenset[Role]]:
    return {_MODELS[label]: readers for label, readers in _READERS.items()}


def _content_types(kinds: Iterable[type[models.Model]]) -> QuerySet[ContentType]:
    # A subquery, not ids looked up first: the page's query count stays fixed.
    match = (Q(app_label=m._meta.app_label, model=m._meta.model_name) for m in kinds)
    return ContentType.objects.filter(reduce(or_, match))


def visible_entries(entries: QuerySet, *, user) -> QuerySet:
    """The audit entries about records that `user` may open. `entries` may span boards
    (the admin's log): a restricted kind is shown only on boards where the user holds
    one of its reader roles."""
    by_readers: dict[frozenset[Role], list[type[models.Model]]] = {}
    for model, readers in restricted_kinds().items():
        by_readers.setdefault(readers, []).append(model)
    for readers, kinds in by_readers.items():
        reading_boards = RoleAssignment.objects.filter(
            user=user if user.is_authenticated and user.is_active else None,
            role__in=readers,
        ).values("board")
        entries = entries.filter(
            ~Q(content_type__in=_content_types(kinds)) | Q(board__in=reading_boards)
        )
    return entries

"""Tenancy enforced by the ORM, with django-scopes.

Every board-owned model's default manager is scoped on its `board` (`board_scoped_manager`,
used by `BoardOwnedModel`). Outside a scope a query on it raises `ScopeError`; inside
`scope(board=b)` the manager filters to b's rows by itself. A query by another route than
the default manager (`Model._base_manager`, historical models in migrations) is not scoped.

Where scopes open (a new entry point opens one in the same way):
- a request: `BoardScopeMiddleware` starts every request with scoping on and no board, so a
  page that never resolves its board fails (even in tests, which disable scopes for their
  own set-up); the access layer (`board.access.resolve_board_access`, used by pages and the
  API alike) then opens the board's scope for the rest of the request, template rendering
  included. /admin/ (superusers only) runs with scopes disabled.
- a Celery task: `ScopedTask` (the project's task class) starts each run with no board, and
  the task declares its scope with `@for_board(...)`, `@across_boards` or `@outside_boards`.
- a management command or a script: `with scope(board=board):` around one board's work,
  `with scopes_disabled():` around work that spans boards.
"""

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from functools import wraps

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Q
from django.db.models.sql import Query
from django.urls import NoReverseMatch, reverse
from django_scopes import ScopedManager, ScopeError, get_scope, scope, scopes_disabled
from django_scopes.state import state

from core.jobs.task_base import JobTask

__all__ = [
    "BoardScopeMiddleware",
    "ScopedTask",
    "across_boards",
    "board_scoped_manager",
    "is_board_scoped",
    "for_board",
    "open_board_scope",
    "outside_boards",
    "scope",
    "scopes_disabled",
    "unscoped",
]


class _QueryScopedWhenRun(Query):
    """The query of a queryset built with no board scope, as happens at import time (a form
    field's choices, a viewset's `queryset`, a filter's choices): it takes the board scope
    in force when it runs (reads, counts, subqueries alike); with none it raises, and with
    scopes disabled it runs unfiltered."""

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        return Query.get_compiler(_scoped_now(self), using, connection, elide_empty)


def _scoped_now(query: Query) -> Query:
    current = get_scope()
    scoped = query.clone()
    scoped.__class__ = Query  # scoped once: a compiler that re-compiles it adds nothing
    if not current.get("_enabled", True):
        return scoped
    if "board" not in current:
        raise ScopeError(f"{query.model.__name__}: a board scope needs to be active")
    board = current["board"]
    if isinstance(board, list | tuple):
        scoped.add_q(Q(board__in=board))
    elif board is not None:
        scoped.add_q(Q(board=board))
    return scoped


class _ScopedWhenRunQuerySet(models.QuerySet):
    """Writes turn the query into an UpdateQuery or DeleteQuery, which would lose the
    scope: they run on a queryset scoped at the time they are asked for."""

    def _scoped_copy(self) -> models.QuerySet:
        copy = self._chain()
        copy.query = _scoped_now(self.query)
        return copy

    def update(self, **kwargs):
        return models.QuerySet.update(self._scoped_copy(), **kwargs)

    def delete(self):
        return models.QuerySet.delete(self._scoped_copy())

    def _raw_delete(self, using):
        return models.QuerySet._raw_delete(self._scoped_copy(), using)


class _BoardScoped:
    """Marks the managers made by `board_scoped_manager` (checked by the tenancy tests)."""


def board_scoped_manager(queryset_class: type[models.QuerySet] = models.QuerySet):
    """The default manager of a board-owned model, keeping the model's queryset methods.
    In a scope (django-scopes' ScopedManager) it filters to the scope's board at once;
    outside one its queryset is scoped when it runs (`_QueryScopedWhenRun`)."""
    when_run = type(
        f"{queryset_class.__name__}ScopedWhenRun", (_ScopedWhenRunQuerySet, queryset_class), {}
    )
    scoped = ScopedManager(
        _manager_class=models.Manager.from_queryset(queryset_class), board="board"
    )

    class BoardScopedManager(_BoardScoped, type(scoped)):
        def get_queryset(self):
            current = get_scope()
            has_board = current.get("_enabled", True) and "board" in current
            if has_board or hasattr(self, "_override_scope"):  # with_scope(), ...disabled()
                return super().get_queryset()  # django-scopes: filtered to the board now
            # No board yet, or scopes disabled: a queryset built now (on import, in a
            # test) must not stay unscoped when it runs later inside a board's scope.
            return when_run(
                self.model, query=_QueryScopedWhenRun(self.model), using=self._db, hints=self._hints
            )

    return BoardScopedManager()


def is_board_scoped(manager: models.Manager) -> bool:
    return isinstance(manager, _BoardScoped)


# --- requests -------------------------------------------------------------------------

_REQUEST_SCOPE = "_board_scope_stack"


@contextmanager
def unscoped() -> Iterator[None]:
    """Scoping on and no board, whatever the caller had (a test's `scopes_disabled()`, a
    scope left open): how every request and every task starts. django-scopes' scope()
    only adds to the state it finds, so this sets its state afresh."""
    token = state.set({})
    try:
        yield
    finally:
        state.reset(token)


@contextmanager
def request_scope(request) -> Iterator[None]:
    """`unscoped()` until the request ends, with a place for the access layer to open the
    board's scope. Re-entrant: the access layer uses it too, for a view called without the
    middleware (a RequestFactory request in a test)."""
    if getattr(request, _REQUEST_SCOPE, None) is not None:
        yield
        return
    with unscoped(), ExitStack() as stack:
        setattr(request, _REQUEST_SCOPE, stack)
        try:
            yield
        finally:
            setattr(request, _REQUEST_SCOPE, None)


def open_board_scope(request, board) -> None:
    """Scope the rest of this request to `board` (called once the access layer resolved it)."""
    stack = getattr(request, _REQUEST_SCOPE, None)
    if stack is None:
        raise ImproperlyConfigured("board.scoping.BoardScopeMiddleware is not installed")
    stack.enter_context(scope(board=board))


def _admin_prefix() -> str:
    try:
        return reverse("admin:index")
    except NoReverseMatch:  # a URLconf without the admin (some tests use their own)
        return "/admin/"


class BoardScopeMiddleware:
    """Install early in MIDDLEWARE, so every later middleware and the view run inside."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(_admin_prefix()):
            with scopes_disabled():  # the admin is the superusers' view across boards
                return self.get_response(request)
        with request_scope(request):
            return self.get_response(request)


# --- Celery tasks ---------------------------------------------------------------------


class ScopedTask(JobTask):
    """Every task run starts with scoping on and no board, however it is called (eagerly
    inside a test's `scopes_disabled()`, or in a worker). Each run sent with an id is an
    attempt of a durable job (core/jobs)."""

    def __call__(self, *args, **kwargs):
        with unscoped():
            return super().__call__(*args, **kwargs)


def for_board(model: type[models.Model] | None = None) -> Callable:
    """Run the task in one board's scope. Its first argument is the board's id, or, given
    `model`, the id of one of that model's records, whose board is looked up by primary key."""

    def decorator(func: Callable) -> Callable:
        @wraps(func)
        def wrapper(record_id, *args, **kwargs):
            board_id = record_id
            if model is not None:
                rows = model._base_manager.filter(pk=record_id)
                board_id = rows.values_list("board_id", flat=True).get()
            with scope(board=board_id):
                return func(record_id, *args, **kwargs)

        wrapper.board_scope = "one board"
        return wrapper

    return decorator


def across_boards(func: Callable) -> Callable:
    """For a periodic task over every board: scopes disabled to find the boards' records;
    a service doing one board's work opens `scope(board=...)` for it."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        with scopes_disabled():
            return func(*args, **kwargs)

    wrapper.board_scope = "every board"
    return wrapper


def outside_boards(func: Callable) -> Callable:
    """For a task that reads no board's records: it runs with no board scope."""
    func.board_scope = "no board"
    return func

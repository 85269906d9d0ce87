"""The one place that decides who may open a board's pages.

A view names the roles it admits. The board comes from the `board_slug` in the URL:
a board on which the user holds no role answers 404 (we do not confirm that it exists);
a board on which they hold roles, none of them admitted, answers 403. The resolved board
and roles are put on the request for the view and its selectors, and the board's scope
(board/scoping.py) is opened for the rest of the request: the view's queries, and the
template rendered after it, see that board's records only.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from .models import Board, Role, User
from .scoping import open_board_scope, request_scope
from .selectors import boards_for_user, roles_on_board


@dataclass(frozen=True)
class BoardAccess:
    """One person's standing on one board: who they are and the roles they hold there.
    Selectors that decide a right take this, never the request, so a task, the API and a
    script ask the same question a page does (`access_for` builds one outside a request)."""

    board: Board
    user: User
    roles: frozenset[Role]

    def has_any(self, roles: Iterable[Role]) -> bool:
        return bool(self.roles & frozenset(roles))

    @property
    def is_manager(self) -> bool:
        return Role.BOARD_MANAGER in self.roles


def access_for(user: User, board: Board) -> BoardAccess:
    return BoardAccess(board=board, user=user, roles=roles_on_board(user, board))


def resolve_board_access(request: HttpRequest, board_slug: str, allowed: Iterable[Role]):
    try:
        board = boards_for_user(request.user).get(slug=board_slug)
    except Board.DoesNotExist:
        raise Http404("Board not found") from None
    access = access_for(request.user, board)
    if not access.has_any(allowed):
        raise PermissionDenied("Your roles on this board do not include this page")
    request.board = board
    request.board_access = access
    open_board_scope(request, board)
    return access


def board_view(*allowed: Role) -> Callable:
    """Decorate a function view taking `board_slug`: log-in required, then the role check."""
    if not allowed:
        raise ValueError("board_view needs at least one role; pass *ALL_ROLES for any role")

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, board_slug: str, *args, **kwargs) -> HttpResponse:
            with request_scope(request):
                resolve_board_access(request, board_slug, allowed)
                return view(request, *args, **kwargs)

        wrapper.allowed_roles = frozenset(allowed)
        return wrapper

    return decorator


class BoardRoleRequiredMixin(LoginRequiredMixin):
    """The class-based form of `board_view`: set `allowed_roles` on the view."""

    allowed_roles: frozenset[Role] = frozenset()

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not self.allowed_roles:
            raise ImproperlyConfiguredView(type(self).__name__)
        with request_scope(request):
            resolve_board_access(request, kwargs.pop("board_slug"), self.allowed_roles)
            return super().dispatch(request, *args, **kwargs)


class ImproperlyConfiguredView(Exception):
    def __init__(self, view_name: str) -> None:
        super().__init__(f"{view_name} must set allowed_roles")

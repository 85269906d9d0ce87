"""The one permission layer, shared with the pages: an API view resolves the board from
the URL with board.access, exactly as a page does (other board: 404, missing role: 403)."""

from contextlib import suppress

from auditlog.context import auditlog_value
from django.db.models import QuerySet
from rest_framework import permissions, viewsets

from board.access import resolve_board_access
from board.models import ALL_ROLES, Role


def attribute_audit_entries_to(user) -> None:
    """The audit middleware names the person before DRF has read the API token, so token
    requests would be logged as nobody's: name the authenticated caller instead."""
    with suppress(LookupError):  # outside a request there is no audit context to update
        auditlog_value.get()["actor"] = user


class BoardScopedViewSet(viewsets.GenericViewSet):
    """Set `read_roles` and `write_roles`; `get_queryset` gets `self.board` to filter on.
    The board comes from the `board_slug` in the URL. List this class before DRF's mixins
    in a viewset's bases, so that its `perform_create` sets the board."""

    read_roles: frozenset[Role] = ALL_ROLES
    write_roles: frozenset[Role] = frozenset({Role.BOARD_MANAGER})
    lookup_field = "id"

    def initial(self, request, *args, **kwargs) -> None:
        super().initial(request, *args, **kwargs)  # authentication first: 401 before 404
        attribute_audit_entries_to(request.user)
        safe = request.method in permissions.SAFE_METHODS
        access = resolve_board_access(
            request, kwargs["board_slug"], self.read_roles if safe else self.write_roles
        )
        self.board = access.board
        self.board_access = access

    def board_queryset(self) -> QuerySet:
        return self.queryset.filter(board=self.board)

    def get_queryset(self) -> QuerySet:
        return self.board_queryset()

    @property
    def is_schema_generation(self) -> bool:
        """drf-spectacular builds the schema with no request board: views then answer an
        empty queryset of their model, from which it reads the types of path parameters."""
        return getattr(self, "swagger_fake_view", False)

    def perform_create(self, serializer) -> None:
        serializer.save(board=self.board)

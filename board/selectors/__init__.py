"""Reads scoped to the person asking. Views get boards only through these."""

from django.db.models import QuerySet

from ..models import Board, Role, RoleAssignment, User


def boards_for_user(user: User) -> QuerySet[Board]:
    """The boards on which the user holds at least one role."""
    if not user.is_authenticated or not user.is_active:
        return Board.objects.none()
    return Board.objects.filter(role_assignments__user=user).distinct()


def roles_on_board(user: User, board: Board) -> frozenset[Role]:
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    values = RoleAssignment.objects.filter(user=user, board=board).values_list("role", flat=True)
    return frozenset(Role(value) for value in values)


def role_assignments_for_user(user: User) -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.filter(user=user).select_related("board")

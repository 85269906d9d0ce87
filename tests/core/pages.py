"""What the page-plumbing tests share: the matrix's context (a board, a user for every
role), and a way to open any named page as a role its matrix entry admits."""

from types import SimpleNamespace

from django.urls import reverse

from board.models import Role
from tests.factories import BoardFactory, UserFactory, signed_in_client, user_with_role
from tests.matrix import all_entries

ENTRIES = all_entries()


def board_context() -> SimpleNamespace:
    board = BoardFactory()
    users = {role.value: user_with_role(board, role) for role in Role}
    users["host_admin"] = UserFactory(is_host_admin=True)  # the pages of kind "host"
    return SimpleNamespace(board=board, users=users)


def open_as_allowed(name: str, context, query: str = ""):
    """GET the named page as the first role its matrix entry admits."""
    rule = ENTRIES[name]
    if rule.kind == "host":
        person = "host_admin"
    else:
        role = Role.BOARD_MANAGER if Role.BOARD_MANAGER in rule.roles else sorted(rule.roles)[0]
        person = Role(role).value
    url = reverse(name, kwargs=rule.kwargs(context)) + query
    return signed_in_client(context.users[person]).get(url)

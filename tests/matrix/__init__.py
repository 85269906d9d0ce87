"""The permission matrix: every named URL, and what each persona gets there.

Each app adds its URLs in a module of this package (`ENTRIES = {url_name: Rule}`); the
test in tests/test_permission_matrix.py fails for any named URL without an entry.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from pkgutil import iter_modules

from board.models import ALL_ROLES, Role

PERSONAS = [
    "anonymous",
    *[role.value for role in Role],
    "outsider",
    "other_board_manager",
    "deactivated",
    "host_admin",  # creates boards (kind "host"), holds no role on any (404 on each)
]


def board_kwargs(context) -> dict:
    return {"board_slug": context.board.slug}


@dataclass(frozen=True)
class Rule:
    """`kind` is "public" (anyone), "signed_out" (for signing in: a signed-in user is
    sent on), "login" (any signed-in user), "board" (the roles given, on the board in
    the URL), "host" (host administrators only), or their API forms "api" and
    "api_board" (401, not a redirect, without credentials). `kwargs` builds the URL's
    arguments from the test context; `method` and `data` say how the URL is called;
    `ok_for` gives a signed-in persona a success code of its own (a redirect that
    depends on who they are)."""

    kind: str
    roles: frozenset = frozenset()
    kwargs: Callable = lambda context: {}
    method: str = "get"
    data: dict = field(default_factory=dict)
    ok: int = 200
    ok_for: dict = field(default_factory=dict)

    def expected(self, persona: str) -> int:
        if persona in self.ok_for:
            return self.ok_for[persona]
        if self.kind == "public":
            return self.ok
        if self.kind == "signed_out":
            return self.ok if persona in {"anonymous", "deactivated"} else 302
        if persona in {"anonymous", "deactivated"}:
            return 401 if self.kind.startswith("api") else 302  # the API does not redirect
        if self.kind == "api":
            return self.ok
        if self.kind == "login":
            return self.ok  # any signed-in person
        if self.kind == "host":
            return self.ok if persona == "host_admin" else 403
        if persona in {"outsider", "other_board_manager", "host_admin"}:
            return 404  # another board's page does not confirm that the board exists
        return self.ok if Role(persona) in self.roles else 403

    def serves(self, persona: str) -> bool:
        """Does the persona get past the checks (to the page, or to where it sends them)?"""
        return persona in self.ok_for or self.expected(persona) == self.ok


def public(**options) -> Rule:
    return Rule("public", **options)


def signed_out(**options) -> Rule:
    return Rule("signed_out", **options)


def signed_in(**options) -> Rule:
    return Rule("login", **options)


def board_page(roles=ALL_ROLES, **options) -> Rule:
    return Rule("board", roles=frozenset(roles), kwargs=board_kwargs, **options)


def api_signed_in(**options) -> Rule:
    """An API URL for any authenticated caller: 401 without credentials."""
    return Rule("api", **options)


def api_board(roles=ALL_ROLES, **options) -> Rule:
    """A board-scoped API URL: 401 without credentials, then as a board page."""
    options.setdefault("kwargs", board_kwargs)
    return Rule("api_board", roles=frozenset(roles), **options)


def all_entries() -> dict[str, Rule]:
    entries: dict[str, Rule] = {}
    for module in iter_modules(__path__):
        entries.update(import_module(f"{__name__}.{module.name}").ENTRIES)
    return entries

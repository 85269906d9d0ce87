"""The board's service navigation. Each app registers its own items in its AppConfig.ready,
so the shared header template never needs editing and `board` imports no other app."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse

from .models import ALL_ROLES, Role


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str  # reversed with the board's slug
    roles: frozenset[Role]
    order: int


_items: dict[str, NavItem] = {}


def register(label: str, url_name: str, roles: Iterable[Role] = ALL_ROLES, order: int = 100):
    _items[url_name] = NavItem(label, url_name, frozenset(roles), order)


def items_for(access, path: str) -> list[dict]:
    """The items this person may open on this board, the current section marked."""
    if access is None:
        return []
    items = []
    for item in sorted(_items.values(), key=lambda item: (item.order, item.label)):
        if not access.has_any(item.roles):
            continue
        href = reverse(item.url_name, kwargs={"board_slug": access.board.slug})
        is_overview = item.url_name == "board-detail"
        active = path == href if is_overview else path.startswith(href)
        items.append({"label": item.label, "href": href, "active": active})
    return items

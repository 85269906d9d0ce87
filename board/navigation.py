"""The board's service navigation. Each app registers its own items in its AppConfig.ready,
so the shared header template never needs editing and `board` imports no other app.

Most items belong to a section (the board's business, returns and data, reviews and
assurance): the header shows the sections, and each section's page lists its items, so
the header stays short however many features there are.

A label or introduction may name the board's words in braces, "{Board} business" or
"{Report}s" (board/vocabulary.py): a partnership reads "Partnership business" and
"Yearly reports", an LSCB "Board business" and "Annual reports"."""

from collections.abc import Iterable
from dataclasses import dataclass, replace

from core.links import board_url

from .models import ALL_ROLES, Role
from .vocabulary import Vocabulary, vocabulary


def worded(text: str, vocab: Vocabulary) -> str:
    """`text` with the board's words put in for "{Board}", "{review_short}" and so on."""
    if "{" not in text:
        return text
    words = {name: getattr(vocab, name) for name in dir(vocab) if not name.startswith("_")}
    return text.format_map(words)


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    order: int
    introduction: str

    def worded(self, vocab: Vocabulary) -> "Section":
        return replace(
            self, label=worded(self.label, vocab), introduction=worded(self.introduction, vocab)
        )


SECTIONS = {
    section.key: section
    for section in (
        Section(
            "business",
            "{Board} business",
            10,
            "Members, meetings, the action tracker, the business plan, challenge, budget "
            "and training.",
        ),
        Section(
            "data",
            "Returns and data",
            30,
            "Sub-groups' quarterly returns and the board's performance dataset.",
        ),
        Section(
            "assurance",
            "Reviews and assurance",
            40,
            "Child deaths, case reviews, audits, Section 11 and inspections: how the board "
            "knows that safeguarding works.",
        ),
    )
}


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str  # reversed with the board's slug
    roles: frozenset[Role]
    order: int
    section: str | None
    description: str


_items: dict[str, NavItem] = {}


def register(
    label: str,
    url_name: str,
    roles: Iterable[Role] = ALL_ROLES,
    order: int = 100,
    *,
    section: str | None = None,
    description: str = "",
) -> None:
    if section is not None and section not in SECTIONS:
        raise ValueError(f"Unknown navigation section {section!r}")
    _items[url_name] = NavItem(label, url_name, frozenset(roles), order, section, description)


def _visible(access) -> list[tuple[NavItem, str]]:
    """The items this person may open on this board, in order, with their addresses."""
    visible = []
    for item in sorted(_items.values(), key=lambda item: (item.order, item.label)):
        if access.has_any(item.roles):
            visible.append((item, board_url(access.board, item.url_name)))
    return visible


def section_for(board, key: str) -> Section:
    """A section as this board names it today."""
    return SECTIONS[key].worded(vocabulary(board))


def section_items(access, key: str) -> list[dict]:
    """The items of one section this person may open: label, address and description."""
    vocab = vocabulary(access.board)
    return [
        {
            "label": worded(item.label, vocab),
            "href": href,
            "description": worded(item.description, vocab),
        }
        for item, href in _visible(access)
        if item.section == key
    ]


def items_for(access, path: str) -> list[dict]:
    """The header's entries: items outside a section, and each section with something
    this person may open. The entry holding the current page is marked."""
    if access is None:
        return []
    vocab = vocabulary(access.board)
    entries: dict[str, dict] = {}
    for item, href in _visible(access):
        is_overview = item.url_name == "board-detail"
        active = path == href if is_overview else path.startswith(href)
        if item.section is None:
            entries[item.url_name] = {
                "label": worded(item.label, vocab),
                "href": href,
                "active": active,
                "order": item.order,
            }
            continue
        section = SECTIONS[item.section].worded(vocab)
        section_href = board_url(access.board, "board-section", section=section.key)
        entry = entries.setdefault(
            section.key,
            {
                "label": section.label,
                "href": section_href,
                "active": path.startswith(section_href),
                "order": section.order,
            },
        )
        entry["active"] = entry["active"] or active
    return sorted(entries.values(), key=lambda entry: entry["order"])

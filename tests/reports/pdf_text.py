"""Reading a rendered report back for layout tests: its pages' text, and the texts of the
HTML elements (headings, captions) to look for in them."""

from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from pypdf import PdfReader


def _plain(text: str) -> str:
    return " ".join(unescape(text).split())


@dataclass
class Rendered:
    html: str
    reader: PdfReader
    pages: list[str] = field(init=False)
    plain_pages: list[str] = field(init=False)  # whitespace collapsed: lines run on

    def __post_init__(self) -> None:
        self.pages = [page.extract_text() for page in self.reader.pages]
        self.plain_pages = [_plain(page) for page in self.pages]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    def page_of(self, text: str, *, plain: bool = False) -> int:
        """The index of the first page holding `text`: as the PDF's lines have it, or
        with lines run on (`plain`)."""
        pages = self.plain_pages if plain else self.pages
        return next(n for n, page in enumerate(pages) if text in page)


class _Collector(HTMLParser):
    def __init__(self, tags: set[str]) -> None:
        super().__init__()
        self.tags, self.open, self.found = tags, [], set()

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self.tags:
            self.open.append([tag, ""])

    def handle_endtag(self, tag) -> None:
        if self.open and self.open[-1][0] == tag:
            text = _plain(self.open.pop()[1])
            if text:
                self.found.add(text)

    def handle_data(self, data) -> None:
        for element in self.open:
            element[1] += data


def elements_text(html: str, tags: set[str]) -> set[str]:
    """The text of every element of these tags, whitespace collapsed."""
    collector = _Collector(tags)
    collector.feed(html)
    return collector.found


def body_lines(page: str, running_title: str) -> list[str]:
    """A page's lines without its running title and page number."""
    lines = [_plain(line) for line in page.splitlines()]
    return [
        line for line in lines
        if line and line != running_title and not line.startswith("Page ")
    ]  # fmt: skip

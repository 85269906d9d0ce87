"""Authored text: a limited, safe Markdown. Markdown becomes HTML, then nh3 keeps only
the tags below (no scripts, styles, frames or event handlers; links only to http(s) and
mailto). Authors' headings start at level 3: levels 1 and 2 belong to the document.

Images are the caller's own only: `to_html(text, images)` takes a mapping of what an
author may write as an image's source (a name, an address) to the URL to use, and drops
the source of any other image, so neither a page nor a PDF loads an image from elsewhere.
`foreign_images(text, allowed)` lists the other sources, for refusing them when the text
is saved."""

from collections.abc import Iterable, Mapping
from html.parser import HTMLParser

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "h3", "h4", "h5", "ul", "ol", "li", "strong", "em", "blockquote", "a", "img",
    "table", "thead", "tbody", "tr", "th", "td", "code", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt"}, "th": {"scope"}}
# Attributes through which an element loads something (not links, which are only followed
# by a reader's click): any of these in authored text is an image source to check.
LOADING_ATTRIBUTES = {"src", "srcset", "data", "poster", "background", "xlink:href"}


def _markdown(text: str) -> str:
    html = markdown_lib.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    for level, to in (("h2", "h4"), ("h1", "h3")):
        html = html.replace(f"<{level}>", f"<{to}>").replace(f"</{level}>", f"</{to}>")
    return html


def to_html(text: str, images: Mapping[str, str] | None = None) -> SafeString:
    """The authored text as sanitised HTML, safe to put into any page or the PDF. An image
    whose source is a key of `images` gets that URL; any other image loses its source."""
    if not text or not text.strip():
        return mark_safe("")  # noqa: S308 - empty
    images = images or {}

    def only_own_images(element: str, attribute: str, value: str) -> str | None:
        if element == "img" and attribute == "src":
            return images.get(value.strip())
        return value

    cleaned = nh3.clean(
        _markdown(text),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=only_own_images,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above


class _Sources(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        for name, value in attrs:
            if name in LOADING_ATTRIBUTES or (tag == "image" and name == "href"):
                self.found.append((value or "").strip())

    handle_startendtag = handle_starttag


def foreign_images(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """The image sources in `text` (Markdown images, raw <img> and the like) that are not
    in `allowed`, in order, each once. Read before sanitising, so nothing slips past."""
    if not text or not text.strip():
        return []
    parser = _Sources()
    parser.feed(_markdown(text))
    parser.close()
    allowed = set(allowed)
    return list(dict.fromkeys(s for s in parser.found if s not in allowed))


def image_error(text: str, allowed: Iterable[str], rule: str) -> str | None:
    """The GOV.UK error for a text holding images from elsewhere, or None: the `rule`
    ("Images must be uploaded to the report"), then the sources refused."""
    foreign = foreign_images(text, allowed)
    if not foreign:
        return None
    shown = ", ".join(f"“{source[:80] or 'an empty address'}”" for source in foreign[:3])
    more = f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
    return f"{rule}; {shown}{more} cannot be used."

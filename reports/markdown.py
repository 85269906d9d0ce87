"""Authored text: a limited, safe Markdown. Markdown becomes HTML, then nh3 keeps only
the tags below (no scripts, styles, frames or event handlers; links only to http(s) and
mailto). Authors' headings start at level 3: levels 1 and 2 belong to the report."""

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "h3", "h4", "h5", "ul", "ol", "li", "strong", "em", "blockquote", "a", "img",
    "table", "thead", "tbody", "tr", "th", "td", "code", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt"}, "th": {"scope"}}


def to_html(text: str) -> SafeString:
    """The authored text as sanitised HTML, safe to put into any page or the PDF."""
    if not text or not text.strip():
        return mark_safe("")  # noqa: S308 - empty
    html = markdown_lib.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    html = _demote_headings(html)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above


def _demote_headings(html: str) -> str:
    for level, to in (("h2", "h4"), ("h1", "h3")):
        html = html.replace(f"<{level}>", f"<{to}>").replace(f"</{level}>", f"</{to}>")
    return html

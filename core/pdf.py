"""The one PDF pipeline: an HTML string and stylesheets → a tagged PDF (PDF/UA-1) whose file
identifier is a hash of its content, so the same HTML gives the same bytes.

The document loads nothing from outside. Its base URL is an address that never resolves
(`DOCUMENT_BASE`), and `AppFetcher` answers only for two kinds of URL under it:

- the app's own static files (`/static/...`), looked up by Django's static file finders
  and resolved to a real file under one of their roots (no `..`, no symlink out);
- the images the caller allows: a mapping of URL path → bytes (or a function returning
  them), for example a report's uploaded images.

Anything else (a web address, `file://`, `data:`, a path outside the static roots) is
refused: WeasyPrint leaves the image out and the render goes on. A failed fetch must never
fail the render, or any author who can type an image link could block a report.

Every PDF is set in the bundled typeface (static/css/fonts.css, copied by `make assets`)
and in no font of the machine's, so the same HTML gives the same bytes on any machine."""

import functools
import gc
import logging
import mimetypes
import posixpath
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pydyf
import weasyprint.layout
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# Reserved for documentation and never resolvable (RFC 2606): nothing is ever fetched from it.
DOCUMENT_BASE = "https://document.invalid/"
_ORIGIN = DOCUMENT_BASE.rstrip("/")
# Static files a document may use: images, fonts and stylesheets, nothing executable.
STATIC_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".css", ".woff", ".woff2", ".ttf", ".otf"}
_MAGIC = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}

ImageSource = bytes | Callable[[], bytes]

# The bundled typeface, as the pages use it too. Its @font-face rules name the font files.
FONTS_CSS = "css/fonts.css"
BUNDLED_FAMILY = "LSCB Arimo"
# Every element, whatever the caller's or the document's own CSS asks for: the PDF's bytes
# must not depend on the machine's fonts (the user-agent stylesheet alone would send
# <pre> and <code> to its monospace, and everything else to its serif). Important in a
# user stylesheet, which is how WeasyPrint takes these, wins over any author style.
_BUNDLED_FAMILY_CSS = f'* {{ font-family: "{BUNDLED_FAMILY}" !important }}'
_FONT_URL = re.compile(r'url\("([^"]+)"\)')


class RefusedURL(ValueError):
    """Raised by the fetcher for a URL it does not serve. WeasyPrint catches it (as for any
    fetch error that is not fatal), logs it and leaves the resource out."""


def _static_roots() -> list[Path]:
    roots = []
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            location = getattr(storage, "location", None)
            if location:
                roots.append(Path(location).resolve())
    return roots


def static_file(path: str) -> Path | None:
    """The real file for a static path relative to STATIC_URL, or None when it is not one
    of the app's own static files of a type documents use."""
    if "\\" in path or "\x00" in path:
        return None
    parts = PurePosixPath(path).parts
    if not parts or any(part in ("..", ".") or part.startswith("/") for part in parts):
        return None
    if PurePosixPath(path).suffix.lower() not in STATIC_TYPES:
        return None
    found = finders.find(path)
    if not found:
        return None
    real = Path(found).resolve()
    if not real.is_file() or not any(real.is_relative_to(root) for root in _static_roots()):
        return None
    return real


FONT_TYPES = {".woff", ".woff2"}


@functools.cache
def _decoded_font(path: str, modified_ns: int) -> bytes:
    """A WOFF font as the TrueType font it wraps, for WeasyPrint. Decoded here and not by
    WeasyPrint, whose decoding (fontTools' save) stamps the current time into the font's
    head table: the embedded font, and so the PDF's bytes, would change every second.
    Once per font file and process (the file's time is part of the key)."""
    from fontTools.ttLib import TTFont

    font = TTFont(path, recalcTimestamp=False)
    font.flavor = None
    decoded = BytesIO()
    font.save(decoded)
    return decoded.getvalue()


def _content_type(data: bytes) -> str:
    return next((kind for magic, kind in _MAGIC.items() if data.startswith(magic)), "")


class AppFetcher(URLFetcher):
    """WeasyPrint's fetcher (a URLFetcher, as WeasyPrint 70 requires), answering only for
    static files and the allowed images; `refused` lists the URLs it turned down."""

    def __init__(self, images: Mapping[str, ImageSource] | None = None) -> None:
        # No protocol and no redirects for the parent's opener, which is never used here.
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)
        self.images = dict(images or {})
        self.refused: list[str] = []

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        path = self._own_path(url)
        if path is not None and path in self.images:
            source = self.images[path]
            data = source() if callable(source) else source
            return URLFetcherResponse(url, data, {"Content-Type": _content_type(data)})
        if path is not None and path.startswith(settings.STATIC_URL):
            found = static_file(unquote(path.removeprefix(settings.STATIC_URL)))
            if found is not None and found.suffix.lower() in FONT_TYPES:
                data = _decoded_font(str(found), found.stat().st_mtime_ns)
                return URLFetcherResponse(url, data, {"Content-Type": "font/ttf"})
            if found is not None:
                kind = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, found.read_bytes(), {"Content-Type": kind})
        self.refused.append(url[:200])
        logger.warning("PDF: refused to load %s", url[:200])
        raise RefusedURL(f"not one of the document's own files: {url[:80]}")

    @staticmethod
    def _own_path(url: str) -> str | None:
        """The path of a URL under the document's base, or None for any other URL."""
        if not url.startswith(_ORIGIN + "/"):
            return None
        path = urlsplit(url).path
        # WeasyPrint joins URLs before fetching, which removes dot segments; refuse any that
        # are still there (encoded) rather than guess what they point at.
        if any(part in ("..", ".") for part in unquote(path).split("/")):
            return None
        return path


def bundled_fonts_css() -> str:
    """fonts.css, once its font files are known to be there. Without them WeasyPrint would
    quietly set the document in the machine's fonts: another document on another machine."""
    found = static_file(FONTS_CSS)
    css = found.read_text() if found else ""
    folder = posixpath.dirname(FONTS_CSS)
    files = [posixpath.normpath(posixpath.join(folder, url)) for url in _FONT_URL.findall(css)]
    missing = [path for path in files if static_file(path) is None]
    if not files or missing:
        raise ImproperlyConfigured(
            f"The bundled fonts are missing ({(missing or [FONTS_CSS])[0]}): run `make assets`"
        )
    return css


_PYDYF_PAGE_REFERENCES = pydyf.PDF.page_references


def _page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    """pydyf's `PDF.page_references`, built once per page count instead of on every read.
    pydyf (0.13) builds the tuple of every page's reference each time it is read, and
    WeasyPrint's PDF/UA tagging reads it once per structure element (every paragraph, cell
    and line): pages x elements, the one part of a render that grew faster than its pages
    (benchmarks/RESULTS.md). Pages are only ever appended, so the count tells when to
    build it again; the references, and so the bytes, are the same."""
    kids = pdf.pages["Kids"]
    cached = pdf.__dict__.get("_page_references_built")
    if cached is None or cached[0] != len(kids):
        cached = (len(kids), _PYDYF_PAGE_REFERENCES.fget(pdf))
        pdf._page_references_built = cached
    return cached[1]


pydyf.PDF.page_references = property(_page_references)

_collector = threading.Lock()
_renders_running = 0
_collector_was_enabled = True


def renders_running() -> int:
    """How many renders this process is running (in its threads) at this moment."""
    with _collector:
        return _renders_running


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while WeasyPrint lays out and writes: a
    render allocates millions of small objects (boxes, styles) that live until it ends, and
    each collection walks them all again for nothing. The demo's 50 pages take 1.37x less
    CPU, with the same bytes and the same peak memory (benchmarks/RESULTS.md; the issue
    measured 1.10x wall at 50 pages, 1.21x at 155 to 549). Reference counting still frees
    everything not in a cycle, and the collector runs again when the last render in the
    process ends, even if it failed. Counted, because renders in two threads share the one
    collector."""
    global _renders_running, _collector_was_enabled
    with _collector:
        if _renders_running == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
        _renders_running += 1
    try:
        yield
    finally:
        with _collector:
            _renders_running -= 1
            if _renders_running == 0 and _collector_was_enabled:
                gc.enable()


# Page numbers for a document that is one part of a longer one (core/pdf_parts.py): asked
# once its pages are laid out, with their count, and answering the number of the part's
# first page less one and the whole document's page count.
Numbering = Callable[[int], tuple[int, int]]
_numbering: ContextVar[Numbering | None] = ContextVar("pdf_numbering", default=None)
_weasyprint_margin_boxes = weasyprint.layout.make_margin_boxes


def _make_margin_boxes(context, page, state):
    """WeasyPrint's margin boxes ("Page N of M"), numbered as a part of a longer document
    when a numbering is set. WeasyPrint makes them after every page is laid out, from each
    page's counters, so the counters are moved here, before the first margin box: the
    pages already laid out do not change, only what their margins print."""
    numbering = _numbering.get()
    if numbering is not None and not getattr(context, "numbered_as_part", False):
        context.numbered_as_part = True
        offset, total = numbering(len(context.page_maker) - 1)
        for *_, page_state, _remake in context.page_maker:  # one copy per page (WeasyPrint)
            counters = page_state[1]
            if "page" in counters:
                counters["page"] = [number + offset for number in counters["page"]]
            counters["pages"] = [total]
    return _weasyprint_margin_boxes(context, page, state)


weasyprint.layout.make_margin_boxes = _make_margin_boxes


@dataclass(frozen=True)
class RenderedPdf:
    pdf: bytes
    pages: int
    refused: list[str]  # the URLs the document asked for and did not get


def html_to_pdf(
    html: str,
    *,
    stylesheets: Iterable[str] = (),
    images: Mapping[str, ImageSource] | None = None,
) -> RenderedPdf:
    """Render `html` with the CSS strings in `stylesheets`. `images` maps URL paths (as the
    HTML uses them, starting with "/") to the image's bytes."""
    fetcher = AppFetcher(images)
    document, pdf = render_document(html, stylesheets=stylesheets, fetcher=fetcher)
    return RenderedPdf(pdf, len(document.pages), fetcher.refused)


def render_document(
    html: str,
    *,
    stylesheets: Iterable[str],
    fetcher: AppFetcher,
    numbering: Numbering | None = None,
    laid_out: Callable | None = None,
):
    """The laid-out WeasyPrint document and its PDF's bytes; numbered as a part of a longer
    document when `numbering` is given; `laid_out` is called with the document once it is
    laid out, before its PDF is written."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    # One font configuration for the stylesheets and the document, or the bundled fonts
    # that fonts.css adds would be added to a configuration the layout never sees.
    fonts = FontConfiguration()
    # fonts.css is read as if served from its own address, so that its relative font URLs
    # reach the fetcher as the static files they are.
    fonts_url = DOCUMENT_BASE + (settings.STATIC_URL + FONTS_CSS).lstrip("/")
    fonts_css = bundled_fonts_css()
    token = _numbering.set(numbering)
    try:
        with _collector_paused():
            css = [
                CSS(string=_BUNDLED_FAMILY_CSS, font_config=fonts),
                CSS(string=fonts_css, url_fetcher=fetcher, base_url=fonts_url, font_config=fonts),
                *(CSS(string=s, url_fetcher=fetcher, base_url=DOCUMENT_BASE, font_config=fonts)
                  for s in stylesheets),
            ]  # fmt: skip
            document = HTML(string=html, url_fetcher=fetcher, base_url=DOCUMENT_BASE)
            # Tagged for accessibility (PDF/UA-1 sets pdf_tags); the identifier is the
            # content's hash.
            options = {"stylesheets": css, "pdf_variant": "pdf/ua-1", "pdf_identifier": True}
            rendered = document.render(font_config=fonts, **options)
            if laid_out is not None:
                laid_out(rendered)
            pdf = rendered.write_pdf(**options)
    finally:
        _numbering.reset(token)
    return rendered, pdf

"""A long document laid out in parts side by side, in processes of its own, and joined into
one tagged PDF (PDF/UA-1) with the page numbers, contents and links of a single render.

WeasyPrint lays out one page after another in one process; a long report's pages cost a
steady 0.05 s of CPU each (benchmarks/RESULTS.md). Parts that start on a new page do not
depend on each other's layout, only on their page numbers, so:

1. The HTML is cut where its author allows (`PART_BREAK`, only before content that starts
   on a new page): its opening (what comes before the first break) is a part of its own,
   the rest is cut into parts of about equal length, at most `PDF_RENDER_PARTS` in all,
   whatever machine it runs on: the same HTML gives the same parts, and the same bytes.
2. Each part is laid out in a forked process. When its pages are laid out it says how many
   (core.pdf numbering), and is told where it starts and how many pages the whole document
   has, for its "Page N of M"; it then says on which pages its anchors are, and writes.
3. An opening that links to the other parts (the contents) is laid out here, once with
   placeholder numbers to count its pages, and again, while the others write, with the
   numbers of the pages they put those anchors on (`part_css`, the caller's CSS, which also
   carries on the document's counters, figures' say, from the parts before). Only the
   opening may print other parts' page numbers: in the other parts, a link to another
   part's anchor leads there, but target-counter would count the part's own pages.
4. The parts' PDFs are joined (`core.pdf_join`): one structure tree, one set of
   destinations and bookmarks.

Anything that goes wrong in a part (a process that dies, a count that differs between the
two layouts of the contents) renders the whole document in one process instead, which is
slower and never wrong."""

import contextlib
import logging
import os
import pickle
import re
import signal
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.conf import settings

from . import pdf
from .pdf_join import join_parts

logger = logging.getLogger(__name__)

# Where a part may begin: written by the document's template, only before content that
# starts on a new page.
PART_BREAK = "<!--pdf-part-->"
_BODY = re.compile(r"(<body[^>]*>)(.*)(</body>)", re.S)
_ID = re.compile(r'\sid="([A-Za-z0-9_-]+)"')
_LINK = re.compile(r'href="#([A-Za-z0-9_-]+)"')
# The page numbers the opening is first laid out with, to count its pages: as wide as any.
PLACEHOLDER_PAGE = 888

# The caller's CSS for a part: given the body's HTML before the part (for the counters it
# carries on, figures say) and the page numbers of the anchors it links to in other parts.
PartCss = Callable[[str, Mapping[str, int]], str]
# A part goes on from the body of the part before it, and is followed by the next: the body's
# top (or bottom) margin, padding and border belong to the first (or last) part alone, as
# they fall only on the first (or last) page of a document laid out in one piece.
_GOES_ON = (
    "body {{ margin-{0}: 0 !important; padding-{0}: 0 !important;"
    " border-{0}-width: 0 !important }}\n"
)


@dataclass
class Part:
    html: str
    anchors: set[str]  # the ids it defines
    elsewhere: set[str] = field(default_factory=set)  # ids it links to in other parts
    before: str = ""  # the body's HTML before it
    css: str = ""  # the body's continuation (_GOES_ON)

    def stylesheet(self, part_css: PartCss, pages: Mapping[str, int]) -> str:
        return self.css + part_css(self.before, pages)


def split(html: str, max_parts: int) -> list[Part]:
    """The document's parts, in order: its opening (what comes before the first
    `PART_BREAK`: a cover and contents, say) on its own, then the rest joined, in order, into
    parts of about equal length."""
    found = _BODY.search(html)
    if not found or max_parts < 2 or PART_BREAK not in found.group(2):
        return [Part(html, set(_ID.findall(html)))]
    opening, *pieces = found.group(2).split(PART_BREAK)
    target = sum(len(piece) for piece in pieces) / (max_parts - 1)
    bodies = [opening, ""]
    for piece in pieces:
        if bodies[-1] and len(bodies) < max_parts and len(bodies[-1]) + len(piece) / 2 > target:
            bodies.append("")
        bodies[-1] += piece
    defined = [set(_ID.findall(body)) for body in bodies]
    everywhere = set().union(*defined)
    before, after = html[: found.start(2)], html[found.end(2) :]
    parts = []
    for number, (body, anchors) in enumerate(zip(bodies, defined, strict=True)):
        elsewhere = (set(_LINK.findall(body)) & everywhere) - anchors
        if elsewhere:  # where its links lead in the other parts, replaced when joined
            spans = "".join(f'<span id="{name}"></span>' for name in sorted(elsewhere))
            body += f'<div style="position: absolute">{spans}</div>'
        css = (_GOES_ON.format("top") if number else "") + (
            _GOES_ON.format("bottom") if number < len(bodies) - 1 else ""
        )
        preceding = "".join(bodies[:number])
        parts.append(Part(before + body + after, anchors, elsewhere, preceding, css))
    return parts


def html_to_pdf_in_parts(
    html: str,
    *,
    stylesheets: Iterable[str] = (),
    images: Mapping[str, pdf.ImageSource] | None = None,
    part_css: PartCss = lambda before, pages: "",
) -> pdf.RenderedPdf:
    """core.pdf.html_to_pdf, laid out in parts side by side when the document is long enough
    (`PDF_PARTS_FROM_CHARS`) and may be cut (`PART_BREAK`)."""
    stylesheets = list(stylesheets)
    parts = (
        split(html, settings.PDF_RENDER_PARTS) if len(html) >= settings.PDF_PARTS_FROM_CHARS else []
    )
    # One process when there is one part, or when another thread of this process is
    # rendering: a fork copies only this thread, and the other's locks with it.
    if len(parts) < 2 or pdf.renders_running() or not hasattr(os, "fork"):
        return pdf.html_to_pdf(html, stylesheets=stylesheets, images=images)
    images = _read(images or {})
    try:
        return _render_parts(parts, stylesheets, images, part_css)
    except PartFailed as failure:
        logger.warning("PDF: laid out in one process, as a part failed: %s", failure)
        return pdf.html_to_pdf(html, stylesheets=stylesheets, images=images)


def _read(images: Mapping[str, pdf.ImageSource]) -> dict[str, bytes]:
    """The images' bytes, read here once: a part's process must not touch the storage or
    the database. One that cannot be read is left out, as the fetcher would leave it out of
    a render in one process: a missing image never stops a PDF."""
    read = {}
    for path, source in images.items():
        try:
            read[path] = source() if callable(source) else source
        except Exception as error:  # noqa: BLE001 - whatever the storage raised
            logger.warning("PDF: could not read %s (%s)", path[:200], type(error).__name__)
    return read


class PartFailed(Exception):
    pass


class _Child:
    """A forked process laying out one part, and the two pipes to talk to it."""

    def __init__(
        self, part: Part, stylesheets: list[str], images: dict, part_css: PartCss, others=()
    ) -> None:
        from_parent, to_child = os.pipe()
        from_child, to_parent = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            # The child: lays out, says, and leaves, whatever happens (its parent gone, a
            # signal), without running any of the parent's cleanup (its database connection,
            # say) and never returning into the parent's code.
            try:
                # Only its own pipes: an end of another part's kept open here would keep that
                # part waiting, were this process's parent to die.
                os.close(to_child), os.close(from_child)
                for other in others:
                    os.close(other.send_file.fileno()), os.close(other.receive_file.fileno())
                receive, send = os.fdopen(from_parent, "rb"), os.fdopen(to_parent, "wb")
                _child_main(
                    part, [*stylesheets, part.stylesheet(part_css, {})], images, receive, send
                )
            finally:
                os._exit(0)
        os.close(from_parent), os.close(to_parent)
        self.send_file, self.receive_file = os.fdopen(to_child, "wb"), os.fdopen(from_child, "rb")

    def receive(self, expected: str):
        try:
            message = _hear(self.receive_file)
        except (EOFError, pickle.UnpicklingError) as error:
            raise PartFailed(f"the process of a part ended ({error!r})") from None
        if message[0] != expected:
            raise PartFailed(message[1] if message[0] == "error" else f"unexpected {message[0]}")
        return message[1:]

    def send(self, *message) -> None:
        try:
            _say(self.send_file, *message)
        except OSError as error:  # its end of the pipe is gone with it
            raise PartFailed(f"the process of a part ended ({error!r})") from None

    def end(self) -> None:
        for file in (self.send_file, self.receive_file):
            with contextlib.suppress(OSError):
                file.close()
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)  # it has said all it will; nothing is lost
        with contextlib.suppress(ChildProcessError):  # already reaped by a SIGCHLD handler
            os.waitpid(self.pid, 0)


def _say(file, *message) -> None:
    pickle.dump(message, file)
    file.flush()


def _hear(file) -> tuple:
    # Only ever from this process's own fork, through a pipe no one else holds.
    return pickle.load(file)  # noqa: S301


def _child_main(part: Part, stylesheets, images, receive, send) -> None:
    def numbering(pages: int) -> tuple[int, int]:
        _say(send, "pages", pages)
        return _hear(receive)[:2]

    def laid_out(document) -> None:  # the contents can be laid out while this part is written
        _say(send, "anchors", _anchor_pages(document, part))

    try:
        fetcher = pdf.AppFetcher(images)
        _document, rendered = pdf.render_document(
            part.html,
            stylesheets=stylesheets,
            fetcher=fetcher,
            numbering=numbering,
            laid_out=laid_out,
        )
        message = ("done", rendered, fetcher.refused)
    except BaseException:  # noqa: BLE001 - whatever it was, the parent renders in one piece
        message = ("error", traceback.format_exc(limit=5))
    _say(send, *message)


def _anchor_pages(document, part: Part) -> dict[str, int]:
    """The page (counted from 0 within the part) of each anchor the part defines: the first
    page its element is on (an element over several pages is an anchor on each)."""
    pages: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for name in page.anchors:
            if name in part.anchors:
                pages.setdefault(name, index)
    return pages


def _render_parts(
    parts: list[Part], stylesheets: list[str], images: dict, part_css: PartCss
) -> pdf.RenderedPdf:
    # The opening, when it links to the other parts (the contents), is laid out here: it
    # prints their page numbers. Every other part in a process of its own.
    opening = parts[0] if parts[0].elsewhere else None
    children: dict[int, _Child] = {}
    try:
        for index, part in enumerate(parts):
            if part is not opening:
                others = list(children.values())
                children[index] = _Child(part, stylesheets, images, part_css, others)
        counts = {index: None for index in range(len(parts))}
        if opening is not None:  # meanwhile, with placeholder numbers, to count its pages
            placeholders = dict.fromkeys(opening.elsewhere, PLACEHOLDER_PAGE)
            counts[0] = _render_here(opening, stylesheets, images, part_css, placeholders)[1]
        counts.update({index: child.receive("pages")[0] for index, child in children.items()})
        starts, total = {}, 0
        for index in range(len(parts)):
            starts[index], total = total, total + counts[index]
        logger.debug("PDF: parts of %s pages", list(counts.values()))
        for index, child in children.items():
            child.send(starts[index], total)
        pages_of = {}
        for index, child in children.items():
            (anchors,) = child.receive("anchors")
            pages_of.update({name: starts[index] + page + 1 for name, page in anchors.items()})
        rendered, refused = {}, []
        if opening is not None:  # numbered, while the children write their PDFs
            numbers = {name: pages_of.get(name, PLACEHOLDER_PAGE) for name in opening.elsewhere}
            rendered[0], pages, refused = _render_here(
                opening, stylesheets, images, part_css, numbers, (0, total)
            )
            if pages != counts[0]:
                raise PartFailed(f"the opening took {pages} pages, not {counts[0]}")
        for index, child in children.items():
            rendered[index], refused_there = child.receive("done")
            refused += refused_there
    finally:
        for child in children.values():
            child.end()
    joined = join_parts([rendered[i] for i in range(len(parts))], [p.elsewhere for p in parts])
    return pdf.RenderedPdf(joined, total, refused)


def _render_here(part, stylesheets, images, part_css, numbers, numbering=None):
    fetcher = pdf.AppFetcher(images)
    document, output = pdf.render_document(
        part.html,
        stylesheets=[*stylesheets, part.stylesheet(part_css, numbers)],
        fetcher=fetcher,
        numbering=(lambda pages: numbering) if numbering else None,
    )
    return output, len(document.pages), fetcher.refused

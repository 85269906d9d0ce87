"""From records to PDF: gather each section's data (one batch of queries per section) →
Django templates → HTML with print CSS → WeasyPrint → tagged PDF (PDF/UA-1).

Deterministic: the HTML depends only on the gathered inputs, the PDF carries no creation
date, and its file identifier is a hash of its content, so the same records and template
give the same bytes."""

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from uuid import UUID

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from core.markdown import to_html
from core.pdf_parts import html_to_pdf_in_parts

from .content import prints_records
from .images import images_digest, pdf_images, references
from .models import AnnualReport, Section
from .sections import registry

PRINT_CSS = "css/report-print.css"
# Bumped when the templates or CSS change in a way that the inputs hash cannot see.
RENDERER_VERSION = "6"


@dataclass
class GatheredSection:
    section: Section
    number: int
    data: dict
    # The report's own images: what authors may write as a source → the address to use.
    images: dict = field(default_factory=dict)

    @property
    def type(self) -> registry.SectionType:
        return registry.get(self.section.section_type)

    @property
    def anchor(self) -> str:
        return f"section-{self.section.id}"

    @property
    def narrative_html(self) -> str:
        authored = self.type.key == "strengths"  # its text is shown as its themes and lists instead
        return "" if authored else to_html(self.section.narrative, self.images)

    @property
    def shows_records(self) -> bool:
        """Does the type's own part print? Under authored text, only when it has records:
        the text alone, never a "No records yet" line after it (reports/content.py)."""
        if not self.section.narrative.strip():
            return True
        return prints_records(self.section.section_type, self.data)

    @property
    def is_missing(self) -> bool:
        return "missing" in self.data


def sections_of(report: AnnualReport) -> list[Section]:
    return list(report.sections.select_related("author").order_by("order", "created_at"))


def gather_section(
    report: AnnualReport, section: Section, number: int = 0, images: dict | None = None
) -> GatheredSection:
    data = registry.get(section.section_type).gather(report, section)
    images = references(report) if images is None else images
    return GatheredSection(section, number, data, images)


def gather_all(report: AnnualReport) -> list[GatheredSection]:
    gathered, number, images = [], 0, references(report)
    for section in sections_of(report):
        numbered = section.section_type != "contents"
        number += int(numbered)
        gathered.append(gather_section(report, section, number if numbered else 0, images))
    return gathered


def _plain(value):
    if isinstance(value, Decimal | date | datetime | UUID):
        return str(value)
    raise TypeError(f"cannot hash {type(value).__name__}")


def inputs_hash(report: AnnualReport, gathered: list[GatheredSection]) -> str:
    """A hash of everything the PDF is made from: report, sections, gathered data, CSS."""
    payload = {
        "renderer": RENDERER_VERSION,
        "css": hashlib.sha256(_print_css().encode()).hexdigest(),
        "report": [str(report.board_id), report.board.name, report.start_year, report.title,
                   report.subtitle, report.state, report.cover_colour,
                   str(report.cover_logo_id or "")],
        "sections": [
            [str(g.section.id), g.section.section_type, g.section.title, g.section.narrative,
             g.section.config, g.section.new_page, g.data]
            for g in gathered
        ],
        "images": images_digest(report),
    }  # fmt: skip
    encoded = json.dumps(payload, default=_plain, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(encoded.encode()).hexdigest()


def _print_css() -> str:
    return Path(finders.find(PRINT_CSS)).read_text()


def render_section_html(report: AnnualReport, item: GatheredSection, everything=()) -> str:
    context = {"report": report, "board": report.board, "item": item, "all": everything}
    return render_to_string(item.type.template, context)


def render_html(report: AnnualReport, gathered: list[GatheredSection]) -> str:
    # A long report is laid out in parts (core/pdf_parts.py), each starting at a section
    # that starts on a new page, after the contents: the contents links to every section.
    contents = [i for i, item in enumerate(gathered) if item.section.section_type == "contents"]
    after = contents[0] if contents else 0
    parts = [
        (render_section_html(report, item, gathered), index > after and item.section.new_page)
        for index, item in enumerate(gathered)
    ]
    return render_to_string(
        "reports/pdf/report.html",
        {"report": report, "board": report.board, "parts": parts, "gathered": gathered},
    )


def report_pdf(report: AnnualReport, html: str) -> tuple[bytes, int]:
    """Through the one PDF pipeline (core/pdf.py), which loads only static files and this
    report's uploaded images."""
    rendered = html_to_pdf_in_parts(
        html, stylesheets=[_print_css()], images=pdf_images(report), part_css=_part_css
    )
    return rendered.pdf, rendered.pages


def _part_css(before: str, pages: Mapping[str, int]) -> str:
    """For a part of a long report laid out on its own (core/pdf_parts.py): the figures'
    numbers go on from the parts before it, and the contents print the page numbers of the
    sections laid out in other parts, in place of target-counter, which sees its part alone."""
    figures = f"body {{ counter-reset: figure {before.count('<figure')} }}\n"
    return figures + "".join(
        f'.contents-list a[href="#{anchor}"]::after {{ content: "{page}"; }}\n'
        for anchor, page in sorted(pages.items())
    )


def render_pdf(report: AnnualReport) -> tuple[bytes, int, str]:
    """The PDF, its page count and the inputs hash."""
    gathered = gather_all(report)
    return (*report_pdf(report, render_html(report, gathered)), inputs_hash(report, gathered))

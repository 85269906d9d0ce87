"""From records to PDF: gather each section's data (one batch of queries per section) →
Django templates → HTML with print CSS → WeasyPrint → tagged PDF (PDF/UA-1).

Deterministic: the HTML depends only on the gathered inputs, the PDF carries no creation
date, and its file identifier is a hash of its content, so the same records and template
give the same bytes."""

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from uuid import UUID

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from .markdown import to_html
from .models import AnnualReport, Section
from .sections import registry

PRINT_CSS = "css/report-print.css"
# Bumped when the templates or CSS change in a way that the inputs hash cannot see.
RENDERER_VERSION = "1"


@dataclass
class GatheredSection:
    section: Section
    number: int
    data: dict

    @property
    def type(self) -> registry.SectionType:
        return registry.get(self.section.section_type)

    @property
    def anchor(self) -> str:
        return f"section-{self.section.id}"

    @property
    def narrative_html(self) -> str:
        authored = self.type.key == "strengths"  # its text is shown as two lists instead
        return "" if authored else to_html(self.section.narrative)

    @property
    def is_missing(self) -> bool:
        return "missing" in self.data


def sections_of(report: AnnualReport) -> list[Section]:
    return list(report.sections.select_related("author").order_by("order", "created_at"))


def gather_section(report: AnnualReport, section: Section, number: int = 0) -> GatheredSection:
    data = registry.get(section.section_type).gather(report, section)
    return GatheredSection(section, number, data)


def gather_all(report: AnnualReport) -> list[GatheredSection]:
    gathered, number = [], 0
    for section in sections_of(report):
        numbered = section.section_type != "contents"
        number += int(numbered)
        gathered.append(gather_section(report, section, number if numbered else 0))
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
                   report.state],
        "sections": [
            [str(g.section.id), g.section.section_type, g.section.title, g.section.narrative,
             g.section.config, g.data]
            for g in gathered
        ],
    }  # fmt: skip
    encoded = json.dumps(payload, default=_plain, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(encoded.encode()).hexdigest()


def _print_css() -> str:
    return Path(finders.find(PRINT_CSS)).read_text()


def render_section_html(report: AnnualReport, item: GatheredSection, everything=()) -> str:
    context = {"report": report, "board": report.board, "item": item, "all": everything}
    return render_to_string(item.type.template, context)


def render_html(report: AnnualReport, gathered: list[GatheredSection]) -> str:
    parts = [render_section_html(report, item, gathered) for item in gathered]
    return render_to_string(
        "reports/pdf/report.html",
        {"report": report, "board": report.board, "parts": parts, "gathered": gathered},
    )


def _refuse_fetch(url: str, *args, **kwargs):
    """The PDF loads nothing from outside: an author's image link to a web address must
    not make the server fetch it."""
    raise ValueError(f"external resources are not loaded: {url[:80]}")


def html_to_pdf(html: str) -> tuple[bytes, int]:
    from weasyprint import CSS, HTML

    document = HTML(string=html, url_fetcher=_refuse_fetch, base_url=str(settings.BASE_DIR))
    # Tagged for accessibility (PDF/UA-1 sets pdf_tags); the identifier is the content's hash.
    options = {
        "stylesheets": [CSS(string=_print_css())],
        "pdf_variant": "pdf/ua-1",
        "pdf_identifier": True,
    }
    rendered = document.render(**options)
    pdf = rendered.write_pdf(**options)
    return pdf, len(rendered.pages)


def render_pdf(report: AnnualReport) -> tuple[bytes, int, str]:
    """The PDF, its page count and the inputs hash."""
    gathered = gather_all(report)
    return (*html_to_pdf(render_html(report, gathered)), inputs_hash(report, gathered))

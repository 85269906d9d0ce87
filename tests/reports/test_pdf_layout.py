"""The demo's annual review laid out for print, read back page by page as the chair would:
each figure with its caption and table, no heading or caption left at the foot of a page,
contents page numbers where the sections start, wide tables turned, no table row alone.

The demo is loaded and rendered once for the module (about 30 s), in a transaction that is
rolled back, so the other tests never see it."""

import re
from html import unescape
from io import BytesIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.template.loader import render_to_string
from django_scopes import scopes_disabled
from pypdf import PdfReader

from core.pdf import html_to_pdf
from core.pdf_parts import split
from reports.images import pdf_images
from reports.models import Acronym, AnnualReport
from reports.rendering import (
    _print_css,
    gather_all,
    gather_section,
    render_html,
    render_section_html,
    report_pdf,
)

from .factories import report_for
from .pdf_text import Rendered, body_lines, elements_text

RUNNING_TITLE = "Croydon Safeguarding Children Board · Annual report 2014/15"


@pytest.fixture(scope="module")
def demo_and_one_process(django_db_setup, django_db_blocker) -> tuple[Rendered, Rendered]:
    """The demo as the app renders it (in parts, core/pdf_parts.py), and the same HTML laid
    out in one process."""
    with django_db_blocker.unblock(), scopes_disabled(), transaction.atomic():
        call_command("load_demo", verbosity=0)
        report = AnnualReport.objects.get(board__slug="croydon", start_year=2014)
        html = render_html(report, gather_all(report))
        pdf, _ = report_pdf(report, html)
        one = html_to_pdf(html, stylesheets=[_print_css()], images=pdf_images(report)).pdf
        transaction.set_rollback(True)
    return Rendered(html, PdfReader(BytesIO(pdf))), Rendered(html, PdfReader(BytesIO(one)))


@pytest.fixture(scope="module")
def demo(demo_and_one_process) -> Rendered:
    return demo_and_one_process[0]


def test_the_demo_laid_out_in_parts_reads_as_laid_out_in_one_process(demo_and_one_process):
    in_parts, in_one = demo_and_one_process
    assert len(split(in_parts.html, settings.PDF_RENDER_PARTS)) == 4  # the app laid it out in 4
    assert in_parts.pages == in_one.pages  # every page's text: numbers, contents, figures
    assert [p.get("/StructParents") for p in in_parts.reader.pages] == list(
        range(len(in_parts.pages))
    )
    assert in_parts.reader.named_destinations.keys() == in_one.reader.named_destinations.keys()


def test_the_demo_cover_has_the_boards_logo_and_colour(demo):
    assert len(demo.reader.pages[0].images) == 1  # the logo, uploaded by the demo
    # No running title or page number in the cover's margins: only its own line.
    assert demo.pages[0].count(RUNNING_TITLE) == 1 and "Page 1 of" not in demo.pages[0]
    assert RUNNING_TITLE in demo.pages[1] and "Page 2 of" in demo.pages[1]
    # The demo board's blue (#1d70b8) fills the cover, as WeasyPrint writes it.
    assert b"0.113725 0.439216 0.721569 rg" in demo.reader.pages[0].get_contents().get_data()


def test_the_demo_spans_many_pages(demo):
    assert len(demo.pages) > 30


def test_each_figure_is_on_the_page_of_its_caption_and_table(demo):
    captions = elements_text(demo.html, {"figcaption"})
    assert len(captions) >= 5 and all("table below" in c for c in captions)
    for caption in captions:
        name = caption.split(". The values")[0]  # the table's caption is "<name> (<unit>)"
        caption_page = demo.page_of(caption, plain=True)
        table_page = demo.page_of(f"{name} (", plain=True)
        assert caption_page == table_page, name
        # The table's rows follow its caption on that page (a figure in numbers).
        after = demo.plain_pages[table_page].split(f"{name} (", 1)[1]
        assert re.search(r"\) .*\d", after), f"the rows of {name!r} moved on"


def test_no_heading_or_caption_is_the_last_line_of_a_page(demo):
    headings = elements_text(demo.html, {"h2", "h3", "h4", "caption", "figcaption"})
    assert len(headings) > 50
    for number, page in enumerate(demo.pages, start=1):
        lines = body_lines(page, RUNNING_TITLE)
        if not lines:
            continue
        # The last line, or the last two for a heading that runs over two lines.
        ends = {lines[-1], " ".join(lines[-2:])}
        assert not ends & headings, f"page {number} ends with the heading {ends & headings}"


def test_contents_page_numbers_are_the_pages_where_sections_start(demo):
    contents = next(page for page in demo.pages if page.startswith("Contents"))
    entries = re.findall(r"^(\d+)\. (.+?) (\d+)$", contents, re.M)  # title, page number
    assert len(entries) >= 25
    for number, title, page in entries:
        starts = demo.pages[int(page) - 1]
        assert starts.startswith(f"{number}. {title}"), (title, page)


def test_a_table_wider_than_seven_columns_is_on_a_landscape_page_in_the_normal_type(demo):
    number = demo.page_of("Attendees by course and agency, 2014/15")
    box = demo.reader.pages[number].mediabox
    assert box.width > box.height  # turned
    portrait = demo.reader.pages[0].mediabox
    assert portrait.width < portrait.height
    assert "font-size: 7pt" not in _print_css()  # the type of every other table


def test_every_table_over_seven_columns_is_turned_or_reflowed(demo):
    tables = re.findall(r"<table[^>]*>\s*<caption>(.*?)</caption>\s*<thead>(.*?)</thead>",
                        demo.html, re.S)  # fmt: skip
    wide = [caption for caption, head in tables if head.count("<th") > 7]
    assert wide  # the demo has one at least: attendees by course and agency
    for caption in wide:
        box = demo.reader.pages[demo.page_of(" ".join(unescape(caption).split()), plain=True)]
        assert box.mediabox.width > box.mediabox.height, caption


def test_a_monthly_indicator_is_tabulated_one_row_a_month(demo):
    page = demo.pages[demo.page_of("Private fostering arrangements known by period, 2014/15 (")]
    assert re.search(r"^Apr 2014 \d+$", page, re.M)
    assert re.search(r"^Mar 2015 \d+$", page, re.M)


def _glossary_pdf(report, rows: int) -> list[str]:
    """Only the glossary, with `rows` acronyms: a long table breaking across pages."""
    Acronym.objects.filter(board=report.board).delete()
    Acronym.objects.bulk_create(
        Acronym(board=report.board, term=f"T{n:03}", meaning=f"Meaning number {n}")
        for n in range(rows)
    )
    section = report.sections.get(section_type="glossary")
    part = render_section_html(report, gather_section(report, section, number=1))
    html = render_to_string("reports/pdf/report.html", {"report": report, "board": report.board,
                                                        "parts": [(part, False)]})  # fmt: skip
    pdf = html_to_pdf(html, stylesheets=[_print_css()]).pdf
    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def test_no_table_row_is_left_alone_on_a_page_and_the_header_repeats(board):
    report = report_for(board)
    # 30 rows fill the first page: around that a plain layout leaves one row on the next.
    seen_a_break = False
    for rows in range(29, 34):
        pages = _glossary_pdf(report, rows)[1:]  # after the cover
        counts = [len(re.findall(r"^T\d{3} ", page, re.M)) for page in pages]
        assert sum(counts) == rows
        assert all(count != 1 for count in counts), (rows, counts)
        if len(pages) > 1:
            seen_a_break = True
            assert all(page.count("Acronym Meaning") == 1 for page in pages)  # header repeats
    assert seen_a_break, "the table never ran over a page: the test proves nothing"

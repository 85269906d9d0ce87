"""A long document laid out in parts side by side and joined (core/pdf_parts.py,
core/pdf_join.py) reads as the same document laid out in one process: the same text on
every page (page numbers, contents, figures), the same bookmarks, links and destinations,
one tagged structure, the same bytes twice; and a part that fails costs speed, not the PDF."""

import logging
from io import BytesIO

import pikepdf
import pytest
from pypdf import PdfReader

from core import pdf_parts
from core.pdf import html_to_pdf
from core.pdf_parts import PART_BREAK, html_to_pdf_in_parts, split

CSS = """
@page { size: A5; margin: 15mm;
        @bottom-right { content: "Page " counter(page) " of " counter(pages); } }
body { counter-reset: figure; }
section { break-before: page; }
h2 { bookmark-level: 1; } h3 { bookmark-level: 2; }
figure { counter-increment: figure; }
figcaption::before { content: "Figure " counter(figure) ": "; }
.contents a::after { content: " " target-counter(attr(href), page); }
"""
PARAGRAPH = (
    "<p>" + "Partners checked how well children are kept safe in the borough. " * 12 + "</p>"
)


def document(sections: int = 9) -> str:
    contents = "".join(f'<li><a href="#s{n}">Section {n}</a></li>' for n in range(sections))
    body = [f'<h1>A long report</h1><nav class="contents"><ol>{contents}</ol></nav>']
    for n in range(sections):
        body.append(
            f'<section id="s{n}"><h2>Section {n}</h2>{PARAGRAPH * (1 + n % 4)}'
            f"<h3>Detail {n}</h3><figure><figcaption>Caption {n}</figcaption></figure>"
            f'<p>See <a href="#s{(n + 1) % sections}">the next section</a>.</p>'
            f"{PARAGRAPH}</section>"
        )
    body = PART_BREAK.join(body)
    return f'<html lang="en-GB"><head><title>Long</title></head><body>{body}</body></html>'


def part_css(before: str, pages) -> str:
    """As a caller gives: the figures' counter carried on, the contents' numbers."""
    numbers = "".join(
        f'.contents a[href="#{a}"]::after {{ content: " {p}" }}' for a, p in pages.items()
    )
    return f"body {{ counter-reset: figure {before.count('<figure')} }}" + numbers


def in_parts(html: str, settings, parts: int = 4) -> bytes:
    settings.PDF_RENDER_PARTS, settings.PDF_PARTS_FROM_CHARS = parts, 0
    return html_to_pdf_in_parts(html, stylesheets=[CSS], part_css=part_css).pdf


def in_one(html: str) -> bytes:
    return html_to_pdf(html, stylesheets=[CSS]).pdf


def outline(reader: PdfReader) -> list:
    found = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return found


def links(reader: PdfReader) -> list:
    found = []
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            destination = reader.named_destinations[str(annotation["/Dest"])]
            target = reader.get_destination_page_number(destination)
            found.append((number, [round(float(v)) for v in annotation["/Rect"]], target))
    return found


@pytest.fixture(scope="module")
def html():
    return document()


def test_the_document_is_cut_into_parts_where_it_may_be(html):
    parts = split(html, 4)
    assert len(parts) == 4
    assert parts[0].elsewhere == {f"s{n}" for n in range(9)}  # the contents, on its own
    assert [len(part.anchors) for part in parts[1:]] == [3, 3, 3]
    assert all(len(part.elsewhere) == 1 for part in parts[1:])  # "the next section"
    assert split(html.replace(PART_BREAK, ""), 4)[0].html == html.replace(PART_BREAK, "")


def test_a_document_in_parts_reads_as_the_same_document_laid_out_in_one(html, settings):
    joined, single = PdfReader(BytesIO(in_parts(html, settings))), PdfReader(BytesIO(in_one(html)))
    assert len(joined.pages) == len(single.pages) > 9
    texts = [page.extract_text() for page in joined.pages]
    assert texts == [page.extract_text() for page in single.pages]
    assert f"Page {len(texts)} of {len(texts)}" in texts[-1]
    assert "Figure 9: Caption 8" in "".join(texts)  # the figures numbered across the parts
    contents = texts[0]
    assert "Section 8 " in contents and " 0\n" not in contents
    assert outline(joined) == outline(single) and len(outline(joined)) == 19  # with the <h1>
    # Each contents entry (its text and its number) and each "the next section".
    assert links(joined) == links(single) and len(links(joined)) == 9 * 2 + 9


def test_the_joined_pdf_is_one_tagged_document_and_the_same_bytes_twice(html, settings):
    data = in_parts(html, settings)
    assert data == in_parts(html, settings)
    with pikepdf.open(BytesIO(data)) as joined, pikepdf.open(BytesIO(in_one(html))) as single:
        assert bool(joined.Root.MarkInfo.Marked) and str(joined.Root.Lang) == "en-GB"
        assert b"pdfuaid" in joined.Root.Metadata.read_bytes()
        document = joined.Root.StructTreeRoot.K[0]
        assert len(document.K) == len(single.Root.StructTreeRoot.K[0].K)
        assert all(document == kid.P for kid in document.K)
        pages = {page.objgen for page in joined.pages}
        numbers = joined.Root.StructTreeRoot.ParentTree.Nums
        keys = [int(numbers[i]) for i in range(0, len(numbers), 2)]
        annotations = [a for page in joined.pages for a in page.get("/Annots", [])]
        assert keys == list(range(len(pages) + len(annotations)))
        assert [int(page.StructParents) for page in joined.pages] == keys[: len(pages)]
        assert sorted(int(a.StructParent) for a in annotations) == keys[len(pages) :]
        # Every element of a page's marked content is on that page of this document.
        for page in joined.pages:
            for element in numbers[2 * int(page.StructParents) + 1]:
                assert element.Pg.objgen == page.objgen and element.Pg.objgen in pages


def test_a_part_that_fails_is_laid_out_in_one_process_instead(html, settings, monkeypatch, caplog):
    single = in_one(html)
    # A part's process that ends without a word (killed, out of memory)...
    monkeypatch.setattr(pdf_parts, "_child_main", lambda *args: None)
    with caplog.at_level(logging.WARNING, logger="core.pdf_parts"):
        assert in_parts(html, settings) == single
    assert "laid out in one process" in caplog.text
    monkeypatch.undo()
    # ... or one that says what went wrong: the whole document, in one process.
    real = pdf_parts.pdf.render_document

    def fails_in_a_part(*args, **kwargs):
        if kwargs.get("laid_out"):
            raise MemoryError("the part's process ran out of memory")
        return real(*args, **kwargs)

    monkeypatch.setattr(pdf_parts.pdf, "render_document", fails_in_a_part)
    assert in_parts(html, settings) == single


def test_a_short_document_or_one_part_is_laid_out_in_one_process(html, settings):
    assert in_parts(html, settings, parts=1) == in_one(html)
    settings.PDF_PARTS_FROM_CHARS = len(html) + 1
    assert html_to_pdf_in_parts(html, stylesheets=[CSS], part_css=part_css).pdf == in_one(html)


def test_an_image_that_cannot_be_read_is_left_out_and_the_rest_is_rendered(html, settings):
    def gone() -> bytes:
        raise FileNotFoundError("the stored file is gone")

    with_image = html.replace("<h1>", '<img src="/gone.png" alt="A logo"><h1>', 1)
    settings.PDF_RENDER_PARTS, settings.PDF_PARTS_FROM_CHARS = 4, 0
    rendered = html_to_pdf_in_parts(with_image, stylesheets=[CSS], images={"/gone.png": gone})
    assert rendered.pages == len(PdfReader(BytesIO(in_one(html))).pages)
    assert rendered.refused == ["https://document.invalid/gone.png"]

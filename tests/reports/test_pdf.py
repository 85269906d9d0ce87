"""The PDF read back: figures computed from the records, contents page numbers, metadata,
suppression, escaping, and the same bytes for the same records."""

import re
from io import BytesIO

from pypdf import PdfReader

from reports.rendering import render_pdf

from .factories import (
    acronyms,
    business_plan_actions,
    dataset,
    pdf_pages,
    report_for,
    set_section,
    subgroup_with_returns,
)


def test_computed_figures_are_printed(board):
    dataset(board)  # 100 + 110 + 120 + 130 = 460 this year; 390 last year
    business_plan_actions(board, count=3)
    report = report_for(board, template_key="annual-review")
    set_section(report, "dataset", config={"indicators": "referrals", "chart": True})
    pdf, pages, _ = render_pdf(report)
    text = "\n".join(pdf_pages(pdf))
    assert "2014/15: 460 (2013/14: 390)" in text
    assert "Figure 1: Referrals to children's social care" in text
    # Three business-plan actions: one complete, one on track, one at risk (33% each).
    assert re.search(r"Complete 1 33%", text)
    assert re.search(r"Total 3 100%", text)


def test_contents_page_numbers_are_the_pages_where_sections_start(board):
    report = report_for(board, template_key="annual-review", Foreword="Welcome.\n\n" * 200)
    pdf, _, _ = render_pdf(report)
    pages = pdf_pages(pdf)
    contents = next(page for page in pages if page.startswith("Contents"))
    entries = re.findall(r"^(\d+)\. (.+?) (\d+)$", contents, re.M)  # title, page number
    assert len(entries) >= 10
    for number, title, page in entries:
        starts = pages[int(page) - 1]
        assert starts.startswith(f"{number}. {title}"), (title, page)


def test_the_pdf_has_title_author_language_and_tags(board):
    report = report_for(board)
    pdf, _, _ = render_pdf(report)
    reader = PdfReader(BytesIO(pdf))
    assert reader.metadata.title == report.title
    assert reader.metadata.author == board.name
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert b"pdfuaid" in reader.trailer["/Root"]["/Metadata"].get_object().get_data()


def test_two_renders_of_the_same_records_are_the_same_bytes(board):
    dataset(board)
    report = report_for(board, Introduction_from_the_independent_chair="Same text.")
    set_section(report, "dataset", config={"indicators": "referrals"})
    first, _, first_hash = render_pdf(report)
    second, _, second_hash = render_pdf(report)
    assert first == second and first_hash == second_hash
    set_section(report, "narrative", narrative="Changed text.")
    third, _, third_hash = render_pdf(report)
    assert third != first and third_hash != first_hash


def test_authored_text_is_escaped_and_sanitised(board):
    text = "<script>alert(1)</script> <b onclick='x'>bold</b> [link](javascript:alert(1))"
    report = report_for(board, Introduction_from_the_independent_chair=text)
    report.title = "Report <i>&</i> more"
    report.save()
    from reports.rendering import gather_all, render_html

    html = render_html(report, gather_all(report))
    assert "<script>" not in html and "onclick" not in html and "javascript:" not in html
    assert "Report &lt;i&gt;&amp;&lt;/i&gt; more" in html
    pdf, _, _ = render_pdf(report)
    assert "Report <i>&</i> more" in pdf_pages(pdf)[0]


def test_the_glossary_lists_the_boards_acronyms(board):
    acronyms(board)
    pdf, _, _ = render_pdf(report_for(board))
    assert "CDOP Child Death Overview Panel" in "\n".join(pdf_pages(pdf))


def test_a_section_whose_source_has_no_records_says_so_rather_than_inventing_figures(board):
    # Sources that are installed but hold nothing to report for the year: no business plan
    # actions, and a sub-group whose only return is still a draft.
    subgroup_with_returns(board, approved=(), others={1: "draft"})
    report = report_for(board, template_key="annual-review")
    text = " ".join("\n".join(pdf_pages(render_pdf(report)[0])).split())
    assert "No records yet. No business plan actions are due in 2014/15." in text
    assert "No quarterly return from Health for 2014/15 has been approved." in text
    assert "by status" not in text and "Total 0" not in text  # no table of nothing
    assert "Q1 answer" not in text  # the draft is not shown as if it were the sub-group's


def test_the_running_title_is_a_css_string_that_nothing_in_a_name_can_end():
    from reports.templatetags.report_cover import css_string

    quoted = css_string('The "Board" \\ </style><script>\n')
    assert quoted == '"The \\22 Board\\22  \\5c  \\3c /style\\3e \\3c script\\3e \\a "'
    assert "<" not in quoted and quoted.count('"') == 2

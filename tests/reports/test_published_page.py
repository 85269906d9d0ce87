"""A published report read as a web page: the same sections and figures as its PDF, for
every role that downloads the published PDF; a draft says it is not published yet."""

import re
from html import unescape

import pytest
from django.urls import reverse

from reports.models import ReportState, ReportVersion, VersionStatus
from reports.rendering import render_pdf

from .factories import dataset, pdf_pages, report_for, set_section


def url(board, year="2014-15"):
    return reverse("reports:published", kwargs={"board_slug": board.slug, "year": year})


def _words(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _published(board):
    indicator = dataset(board)  # 460 this year, 390 last
    report = report_for(board, template_key="annual-review", Foreword="Thank you all.")
    set_section(report, "dataset", config={"indicators": "referrals", "chart": True})
    report.state = ReportState.PUBLISHED
    report.save()
    return report, indicator


def test_the_page_shows_the_sections_and_figures_of_the_pdf(board, board_member, client_for):
    report, _ = _published(board)
    pdf, pages, digest = render_pdf(report)
    ReportVersion.objects.create(
        board=board, report=report, number=1, status=VersionStatus.DONE, pages=pages,
        report_state=ReportState.PUBLISHED, inputs_hash=digest, file_name="x.pdf",
    )  # fmt: skip
    response = client_for(board_member).get(url(board))
    assert response.status_code == 200
    page, printed = _words(response.text), " ".join(" ".join(pdf_pages(pdf)).split())
    for figure in ["2014/15: 460 (2013/14: 390)", "Thank you all.",
                   "Referrals to children's social care by period, 2014/15 (count)"]:  # fmt: skip
        assert figure in page and figure in printed
    for section in report.sections.exclude(section_type="contents"):
        assert section.title in page
    assert "<svg" in response.text and "<figcaption>" in response.text  # the chart, captioned
    assert "Download the report as a PDF" in page
    assert "records have changed" not in page
    assert "<style>" not in response.text  # the cover's print-only colours stay in the PDF


def test_a_change_to_the_records_after_the_pdf_is_said(board, viewer, client_for):
    report, indicator = _published(board)
    _, pages, digest = render_pdf(report)
    ReportVersion.objects.create(
        board=board, report=report, number=1, status=VersionStatus.DONE, pages=pages,
        report_state=ReportState.PUBLISHED, inputs_hash=digest, file_name="x.pdf",
    )  # fmt: skip
    indicator.observations.update(value=200)
    page = _words(client_for(viewer).get(url(board)).text)
    assert "records have changed since the PDF was made" in page


@pytest.mark.parametrize("state", [ReportState.DRAFTING, ReportState.APPROVED])
def test_a_report_not_yet_published_says_so(board, manager, client_for, state):
    report = report_for(board, Foreword="A draft foreword.")
    report.state = state
    report.save()
    response = client_for(manager).get(url(board))
    assert response.status_code == 200
    assert "This report is not published yet" in response.text
    assert "A draft foreword." not in response.text


def test_another_boards_report_and_a_bad_year_are_not_found(
    board, other_board_manager, manager, client_for
):
    _published(board)
    assert client_for(other_board_manager).get(url(board)).status_code == 404
    assert client_for(manager).get(url(board, year="2014-1x")).status_code == 404
    assert client_for(manager).get(url(board, year="2016-17")).status_code == 404

"""The cover: the board's name and year, its logo (one of the report's images) and its
colour, with text that can be read on it; the manager sets them on the cover page."""

from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from reports.cover import contrast, cover_colours
from reports.models import ReportState, ReportTemplate
from reports.rendering import gather_all, inputs_hash, render_pdf
from tests.security.test_pdf_fetch import add_image, image_count

from .factories import pdf_pages, report_for


def url(board, name="cover", year="2014-15"):
    return reverse(f"reports:{name}", kwargs={"board_slug": board.slug, "year": year})


@pytest.mark.parametrize(
    ("colour", "text"),
    [
        ("#1d70b8", "#ffffff"),
        ("#0b0c0c", "#ffffff"),
        ("#ffdd00", "#0b0c0c"),
        ("#ffffff", "#0b0c0c"),
    ],
)
def test_the_text_is_the_colour_that_can_be_read_on_the_boards_colour(colour, text):
    chosen = cover_colours(colour)
    assert chosen.text == text and contrast(colour, text) >= 4.5


def test_contrast_is_wcags():
    assert round(contrast("#ffffff", "#000000"), 1) == 21.0
    assert round(contrast("#ffffff", "#767676"), 2) == 4.54  # the lightest grey that passes


def test_the_manager_sets_the_logo_and_colour_and_the_cover_shows_them(board, manager, client_for):
    report = report_for(board)
    logo = add_image(report, manager, "crest.png")
    plain_pdf, _, plain_hash = render_pdf(report)
    response = client_for(manager).post(
        url(board), {"cover_logo": logo.id, "cover_colour": " #1D70B8 "}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.cover_logo == logo and report.cover_colour == "#1d70b8"
    first, _, first_hash = render_pdf(report)
    second, _, _ = render_pdf(report)
    assert first == second  # still the same bytes from the same records
    assert first_hash != plain_hash  # a new cover is a new PDF, never "nothing changed"
    reader = PdfReader(BytesIO(first))
    assert image_count(first) == 1 and len(reader.pages[0].images) == 1  # the logo, page 1
    cover = pdf_pages(first)[0]
    assert board.name in cover and "1 April 2014 to 31 March 2015" in cover
    # The board's blue fills the cover (WeasyPrint writes it as RGB fractions).
    assert b"0.113725 0.439216 0.721569 rg" in reader.pages[0].get_contents().get_data()
    assert b"0.113725 0.439216 0.721569" not in reader.pages[1].get_contents().get_data()
    assert plain_pdf != first


@pytest.mark.parametrize(
    ("colour", "error"),
    [
        ("blue", "Enter the cover colour as a hex code, like #1d70b8"),
        ("#12345", "Enter the cover colour as a hex code, like #1d70b8"),
        ("#777777", "text on #777777 cannot be read (white text has a contrast of 4.48:1"),
    ],
)
def test_a_colour_that_is_not_one_or_cannot_carry_text_is_refused(
    board, manager, client_for, colour, error
):
    report = report_for(board)
    response = client_for(manager).post(url(board), {"cover_logo": "", "cover_colour": colour})
    assert response.status_code == 200
    assert "There is a problem" in response.text and error in response.text
    report.refresh_from_db()
    assert report.cover_colour == ""


def test_another_reports_image_cannot_be_the_logo(board, manager, client_for):
    from core.periods import FinancialYear
    from reports import services

    report = report_for(board)
    template = ReportTemplate.objects.filter(board=board).first()
    other = services.report_create(board=board, year=FinancialYear(2015), template=template)
    image = add_image(other, manager, "theirs.png")
    response = client_for(manager).post(url(board), {"cover_logo": image.id, "cover_colour": ""})
    assert "Choose the logo from the report&#x27;s images" in response.text
    report.refresh_from_db()
    assert report.cover_logo is None


def test_an_approved_reports_cover_is_locked(board, manager, client_for):
    report = report_for(board)
    report.state = ReportState.APPROVED
    report.save()
    assert client_for(manager).get(url(board)).status_code == 403
    assert client_for(manager).get(url(board, "report")).status_code == 200
    assert 'reports/2014-15/cover/"' not in client_for(manager).get(url(board, "report")).text


def test_the_inputs_hash_sees_the_colour(board):
    report = report_for(board)
    before = inputs_hash(report, gather_all(report))
    report.cover_colour = "#003078"
    assert inputs_hash(report, gather_all(report)) != before

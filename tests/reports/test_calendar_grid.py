"""The meeting calendar as a months-across grid (setting `layout` "grid"): a column a
month of the financial year, a row a kind of meeting, the days in each cell, on the
portrait page; or, by default, the list of dates with their agendas."""

import datetime
from io import BytesIO

from pypdf import PdfReader

from reports.rendering import gather_section, render_pdf, render_section_html
from tests.board.factories import AgendaItemFactory, MeetingFactory

from .factories import report_for, set_section

MONTHS = "Apr May Jun Jul Aug Sep Oct Nov Dec Jan Feb Mar"


def meetings(board):
    for kind, day in [("board", datetime.date(2014, 7, 3)), ("board", datetime.date(2014, 7, 24)),
                      ("board", datetime.date(2015, 1, 15)),
                      ("executive", datetime.date(2014, 4, 9)),
                      ("board", datetime.date(2015, 6, 4))]:  # fmt: skip
        meeting = MeetingFactory(board=board, kind=kind, date=day)
    AgendaItemFactory(board=board, meeting=meeting, position=1, title="Business plan")


def calendar_report(board, **config):
    report = report_for(board)
    return report, set_section(report, "calendar", config=config)


def test_the_grid_has_a_column_a_month_and_a_row_a_kind_of_meeting(board):
    meetings(board)
    report, section = calendar_report(board, layout="Grid")
    grid, planned = gather_section(report, section).data["grids"]
    assert grid["year"] == "2014/15" and not grid["planned"] and planned["planned"]
    board_row, executive = grid["rows"]
    assert board_row["kind"] == "Board meeting"
    assert board_row["cells"] == ["", "", "", "3, 24", "", "", "", "", "", "15", "", ""]
    assert executive["cells"][0] == "9"
    assert [row["cells"][2] for row in planned["rows"]] == ["4"]  # June 2015, planned
    html = render_section_html(report, gather_section(report, section))
    assert '<abbr title="April 2014">Apr</abbr>' in html and "Business plan" not in html


def test_the_grid_fits_the_portrait_page(board):
    meetings(board)
    report, _section = calendar_report(board, layout="grid")
    reader = PdfReader(BytesIO(render_pdf(report)[0]))
    found = [page for page in reader.pages if "Meetings, 2014/15" in page.extract_text()]
    assert len(found) == 1
    page = found[0]
    assert page.mediabox.width < page.mediabox.height  # portrait, not a landscape page
    text = " ".join(page.extract_text().split())
    assert f"Meeting {MONTHS}" in text
    assert "Board meeting 3, 24 15" in text


def test_by_default_the_calendar_is_the_list_of_dates(board):
    meetings(board)
    report, section = calendar_report(board)
    html = render_section_html(report, gather_section(report, section))
    assert "calendar-grid" not in html and "4 Jun 2015 (planned)" in html
    assert "Business plan" in html

"""The Section 11 section: the cycle chosen by its title or, by default, the latest due by
the end of the report's year; agencies, returns received and each standard's red, amber
and green counts with percentages worked out from the ratings."""

from datetime import date
from decimal import Decimal

from reports import services
from reports.rendering import gather_section, render_section_html
from reviews.assurance.services.section11 import (
    section11_cycle_create,
    section11_return_create,
    section11_standards,
)
from tests.factories import AgencyFactory

from .factories import report_for


def cycle(board, title, due_on, agencies):
    return section11_cycle_create(
        board=board,
        title=title,
        kind="biennial",
        opens_on=date(due_on.year - 1, 10, 1),
        due_on=due_on,
        agencies=agencies,
    )


def submit(the_cycle, agency, first_rag, rest="green"):
    standards = section11_standards(board=the_cycle.board)
    ratings = {s: (first_rag if s.number == 1 else rest, "") for s in standards}
    return section11_return_create(
        cycle=the_cycle, agency=agency, ratings=ratings, submitted_on=the_cycle.due_on
    )


def section_of(report, config=None):
    return services.section_add(
        owner=report, section_type="section11", title="Section 11", config=config
    )


def test_the_section_shows_the_latest_cycle_due_in_the_year_with_computed_counts(board):
    police, health, housing = (
        AgencyFactory(board=board, name=name) for name in ("Police", "Health", "Housing")
    )
    earlier = cycle(board, "Section 11 2012-14", date(2013, 3, 31), [police])
    submit(earlier, police, "red")
    current = cycle(board, "Section 11 2014-16", date(2015, 3, 31), [police, health, housing])
    submit(current, police, "green")
    submit(current, health, "amber")
    cycle(board, "Section 11 2016-18", date(2016, 6, 30), [police])  # after the year: not used
    report = report_for(board)
    item = gather_section(report, section_of(report))
    data = item.data
    assert data["cycle"]["title"] == "Section 11 2014-16"
    assert data["agencies"] == ["Health", "Housing", "Police"]
    assert data["received"] == 2
    assert data["outstanding"] == ["Housing"]
    standard_1 = data["standards"][0]
    assert (standard_1["red"], standard_1["amber"], standard_1["green"]) == (0, 1, 1)
    assert standard_1["amber_percent"] == Decimal("50")
    assert data["standards"][1]["green_percent"] == Decimal("100")
    html = render_section_html(report, item)
    assert "<strong>3</strong> agencies were asked" in html
    assert "<strong>2</strong> returns were received" in html
    assert "Returns outstanding: Housing." in html
    assert "1 (50%)" in html


def test_the_cycle_can_be_chosen_by_its_title(board):
    police = AgencyFactory(board=board, name="Police")
    earlier = cycle(board, "Section 11 2012-14", date(2013, 3, 31), [police])
    submit(earlier, police, "red")
    cycle(board, "Section 11 2014-16", date(2015, 3, 31), [police])
    report = report_for(board)
    data = gather_section(report, section_of(report, {"cycle": "Section 11 2012-14"})).data
    assert data["cycle"]["title"] == "Section 11 2012-14"
    assert data["standards"][0]["red_percent"] == Decimal("100")


def test_without_a_cycle_the_section_says_no_records_yet(board, other_board):
    police = AgencyFactory(board=other_board, name="Police")
    cycle(other_board, "Elsewhere 2014-16", date(2015, 3, 31), [police])
    report = report_for(board)
    item = gather_section(report, section_of(report))
    assert item.data == {"cycle": None}
    html = render_section_html(report, item)
    assert "No records yet." in html and "Elsewhere" not in html

"""Section 11 self-assessments: the board-level grid and its counts and percentages worked
out from the ratings, outstanding returns, returns refused whole (agency outside the cycle,
a bad rating, another board's or a retired standard) and standards per board."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from board.models import Action
from reviews.assurance import action_sources
from reviews.assurance.models import (
    RAG,
    Section11Cycle,
    Section11Rating,
    Section11Return,
    Section11Standard,
    Section11Status,
)
from reviews.assurance.selectors.section11 import cycle_grid, outstanding_returns
from reviews.assurance.services.section11 import (
    section11_cycle_update,
    section11_return_create,
    section11_return_update,
    section11_standard_add,
    section11_standard_retire,
    section11_standards,
)

from .section11_factories import (
    SUBMITTED,
    agencies_for,
    all_rated,
    make_cycle,
    return_form_data,
    submit,
    url,
)


def test_the_eight_standards_are_seeded_once_per_board(board, other_board):
    standards = section11_standards(board=board)
    assert [s.number for s in standards] == list(range(1, 9))
    assert standards[0].text.startswith("Senior management commitment")
    assert standards[7].text == "Effective information sharing"
    section11_standards(board=board)
    assert Section11Standard.objects.filter(board=board).count() == 8
    # Each board edits its own list.
    section11_standard_add(board=board, text="Commissioned services meet section 11")
    assert len(section11_standards(board=board)) == 9
    assert len(section11_standards(board=other_board)) == 8


def test_a_retired_standard_leaves_the_grid_and_past_ratings_stay(board):
    police, health = agencies_for(board, "Police", "Health")
    cycle = make_cycle(board, [police, health])
    submit(cycle, police, "green")
    standard_8 = section11_standards(board=board)[7]
    section11_standard_retire(standard=standard_8)
    grid = cycle_grid(cycle=cycle)
    assert [s.number for s in grid.standards] == list(range(1, 8))
    assert Section11Rating.objects.filter(standard=standard_8).count() == 1  # kept
    # A retired standard cannot be rated in a new return: nothing is saved.
    ratings = {**all_rated(board, "green"), standard_8: ("green", "")}
    with pytest.raises(ValidationError, match="retired"):
        section11_return_create(cycle=cycle, agency=health, ratings=ratings)
    assert not Section11Return.objects.filter(agency=health).exists()


def test_the_manager_adds_edits_and_retires_standards(board, manager, client_for):
    client = client_for(manager)
    assert (
        "Effective information sharing"
        in client.get(url(board, "section11-standard-list")).content.decode()
    )
    response = client.post(
        url(board, "section11-standard-add"), {"number": "9", "text": "Commissioned services"}
    )
    assert response.status_code == 302
    standard = Section11Standard.objects.get(board=board, number=9)
    response = client.post(
        url(board, "section11-standard-edit", standard_id=standard.pk),
        {"number": "9", "text": "Commissioned services meet section 11"},
    )
    assert response.status_code == 302
    standard.refresh_from_db()
    assert standard.text == "Commissioned services meet section 11"
    retire = url(board, "section11-standard-retire", standard_id=standard.pk)
    assert "Are you sure you want to retire standard 9" in client.get(retire).content.decode()
    standard.refresh_from_db()
    assert standard.is_active  # a GET only asks
    assert client.post(retire).status_code == 302
    standard.refresh_from_db()
    assert not standard.is_active


def test_bad_input_on_the_standard_form(board, manager, client_for):
    client = client_for(manager)
    section11_standards(board=board)
    response = client.post(url(board, "section11-standard-add"), {"number": "x", "text": ""})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter the standard&#x27;s number as a whole number" in body
    assert "Enter the standard" in body
    response = client.post(url(board, "section11-standard-add"), {"number": "3", "text": "Again"})
    assert response.status_code == 200
    assert "already has a standard with this number" in response.content.decode()
    assert Section11Standard.objects.filter(board=board).count() == 8


# The grid, its counts and the outstanding returns


def test_the_grid_and_its_counts_and_percentages_come_from_the_ratings(board):
    police, health, schools, housing = agencies_for(board, "Police", "Health", "Schools", "Housing")
    cycle = make_cycle(board, [police, health, schools, housing])
    submit(cycle, police, "green", "green", "green", "amber", "green")
    submit(cycle, health, "green", "amber", "green", "red", "amber", "green")
    submit(cycle, schools, "amber", "green", "green", "amber", "green")
    # Housing has started but not submitted: its ratings are not counted.
    section11_return_create(cycle=cycle, agency=housing, ratings=all_rated(board, "red"))
    grid = cycle_grid(cycle=cycle)
    assert [row.agency.name for row in grid.rows] == ["Health", "Housing", "Police", "Schools"]
    by_name = {row.agency.name: row.cells for row in grid.rows}
    assert by_name["Police"][:5] == [RAG.GREEN, RAG.GREEN, RAG.GREEN, RAG.AMBER, RAG.GREEN]
    assert by_name["Housing"] == [None] * 8
    assert grid.received == 3
    standard_1, standard_4 = grid.counts[0], grid.counts[3]
    assert (standard_1.red, standard_1.amber, standard_1.green) == (0, 1, 2)
    assert standard_1.green_percent == Decimal("67")  # 2 of 3, half-up
    assert standard_1.amber_percent == Decimal("33")
    assert (standard_4.red, standard_4.amber, standard_4.green) == (1, 2, 0)
    assert standard_4.red_percent == Decimal("33")
    assert standard_4.amber_percent == Decimal("67")
    # Every count is the count of its column's cells.
    for index, count in enumerate(grid.counts):
        column = [row.cells[index] for row in grid.rows if row.cells[index]]
        assert count.rated == len(column) == 3


def test_a_half_is_rounded_up(board):
    agencies = agencies_for(board, "A", "B", "C", "D", "E", "F", "G", "H")
    cycle = make_cycle(board, agencies)
    for agency, rag in zip(agencies, ["red"] + ["green"] * 7, strict=True):
        submit(cycle, agency, rag, "green")
    count = cycle_grid(cycle=cycle).counts[0]
    assert count.red_percent == Decimal("13")  # 1 of 8 is 12.5%
    assert count.green_percent == Decimal("88")  # 7 of 8 is 87.5%


def test_outstanding_returns_and_past_due(board):
    police, health, housing = agencies_for(board, "Police", "Health", "Housing")
    cycle = make_cycle(board, [police, health, housing])
    submit(cycle, police, "green")
    section11_return_create(cycle=cycle, agency=housing, ratings=all_rated(board, "amber"))
    before = outstanding_returns(cycle=cycle, today=date(2015, 3, 31))
    assert [(o.agency.name, o.past_due) for o in before] == [("Health", False), ("Housing", False)]
    assert before[0].section11_return is None
    assert before[1].section11_return.status == Section11Status.IN_PROGRESS
    after = outstanding_returns(cycle=cycle, today=date(2015, 4, 1))
    assert all(o.past_due for o in after)


def test_the_cycle_page_shows_the_grid_in_words_and_the_outstanding_returns(
    board, viewer, client_for
):
    police, health = agencies_for(board, "Testshire Police", "Testshire Health")
    cycle = make_cycle(board, [police, health])
    submit(cycle, police, "red", "amber", "green")
    response = client_for(viewer).get(url(board, "section11-cycle-detail", cycle_id=cycle.pk))
    assert response.status_code == 200
    body = response.content.decode()
    grid = body[body.index('id="section11-grid"') : body.index('id="section11-counts"')]
    # The rating is written out, not shown by colour alone.
    assert ">Red</strong>" in grid and ">Amber</strong>" in grid and ">Green</strong>" in grid
    assert "Not returned" in grid  # Testshire Health's blank cells
    outstanding = body[body.index('id="section11-outstanding"') :]
    assert "Testshire Health" in outstanding and "Testshire Police" not in outstanding
    assert "1 of 2 agencies" in body
    assert "Enter the return" not in body  # a viewer does not write


# Returns refused whole


def test_a_return_for_an_agency_outside_the_cycle_is_refused_and_nothing_saved(board):
    police, housing = agencies_for(board, "Police", "Housing")
    cycle = make_cycle(board, [police])
    with pytest.raises(ValidationError, match="Housing is not one of the agencies in Section 11"):
        section11_return_create(
            cycle=cycle, agency=housing, ratings=all_rated(board, "green"), submitted_on=SUBMITTED
        )
    assert not Section11Return.objects.exists()
    assert not Section11Rating.objects.exists()
    # The model refuses it too, whoever saves it.
    stray = Section11Return(board=board, cycle=cycle, agency=housing)
    with pytest.raises(ValidationError, match="not one of the agencies"):
        stray.full_clean()


def test_the_form_says_why_an_agency_outside_the_cycle_is_refused(board, manager, client_for):
    police, housing = agencies_for(board, "Police", "Housing")
    cycle = make_cycle(board, [police])
    data = return_form_data(board, {1: "green"}, agency=str(housing.pk))
    response = client_for(manager).post(
        url(board, "section11-return-create", cycle_id=cycle.pk), data
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert "Housing is not one of the agencies in Section 11 2014-16" in body
    assert not Section11Return.objects.exists()


def test_an_invalid_rating_refuses_the_whole_return(board):
    police = agencies_for(board, "Police")[0]
    cycle = make_cycle(board, [police])
    ratings = all_rated(board, "green", "green", "purple")
    with pytest.raises(ValidationError, match="Rate standard 3 red, amber or green"):
        section11_return_create(cycle=cycle, agency=police, ratings=ratings)
    assert not Section11Return.objects.exists()
    assert not Section11Rating.objects.exists()
    # And on a change: the good ratings given with the bad one are not saved either.
    section11_return = submit(cycle, police, "amber")
    with pytest.raises(ValidationError):
        section11_return_update(section11_return=section11_return, ratings=ratings)
    assert set(section11_return.ratings.values_list("rag", flat=True)) == {"amber"}


def test_another_boards_standard_refuses_the_whole_return(board, other_board):
    police = agencies_for(board, "Police")[0]
    cycle = make_cycle(board, [police])
    elsewhere = section11_standards(board=other_board)[0]
    ratings = {**all_rated(board, "green"), elsewhere: ("green", "")}
    with pytest.raises(ValidationError, match="this board's Section 11 tool"):
        section11_return_create(cycle=cycle, agency=police, ratings=ratings)
    assert not Section11Rating.objects.exists()


def test_a_return_is_submitted_only_when_every_standard_is_rated(board):
    police = agencies_for(board, "Police")[0]
    cycle = make_cycle(board, [police])
    standards = section11_standards(board=board)
    partial = {standards[0]: ("green", "")}
    with pytest.raises(ValidationError, match=r"not yet rated: 2, 3, 4, 5, 6, 7, 8"):
        section11_return_create(cycle=cycle, agency=police, ratings=partial, submitted_on=SUBMITTED)
    assert not Section11Return.objects.exists()
    saved = section11_return_create(cycle=cycle, agency=police, ratings=partial)
    assert saved.status == Section11Status.IN_PROGRESS
    section11_return_update(
        section11_return=saved, ratings=all_rated(board, "green"), submitted_on=SUBMITTED
    )
    saved.refresh_from_db()
    assert saved.status == Section11Status.SUBMITTED
    assert saved.submitted_on == SUBMITTED


def test_a_second_return_for_the_same_agency_is_refused(board):
    police = agencies_for(board, "Police")[0]
    cycle = make_cycle(board, [police])
    submit(cycle, police, "green")
    with pytest.raises(ValidationError, match="already has a return in this cycle"):
        submit(cycle, police, "red")
    assert Section11Return.objects.count() == 1


# Cycles


def test_the_due_date_must_follow_the_opening(board):
    with pytest.raises(ValidationError, match="due date must be after the cycle opens"):
        make_cycle(board, [], due_on=date(2014, 10, 1))
    assert not Section11Cycle.objects.exists()


def test_an_agency_with_a_return_cannot_be_taken_out_of_the_cycle(board):
    police, health = agencies_for(board, "Police", "Health")
    cycle = make_cycle(board, [police, health])
    submit(cycle, police, "green")
    with pytest.raises(ValidationError, match="Police already has a return"):
        section11_cycle_update(cycle=cycle, agencies=[health])
    assert set(cycle.agencies.all()) == {police, health}


def test_the_demo_cycle_loads_twice_without_change(db):
    from board import demo as board_demo
    from reviews.assurance.demo import section11 as section11_demo

    demo_board = board_demo.load(lambda line: None)
    section11_demo.load(demo_board, lambda line: None)

    def counts():
        return (
            Section11Cycle.objects.count(),
            Section11Return.objects.count(),
            Section11Rating.objects.count(),
            Action.objects.filter(source_type=action_sources.SECTION_11).count(),
        )

    first = counts()
    section11_demo.load(demo_board, lambda line: None)
    assert counts() == first == (1, 14, 108, 1)
    grid = cycle_grid(cycle=Section11Cycle.objects.get())
    assert (grid.received, len(grid.rows)) == (13, 16)
    assert grid.counts[3].amber_percent == Decimal("62")  # service development: 8 of 13

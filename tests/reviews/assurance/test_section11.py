"""Section 11 self-assessments: the board-level grid and its counts and percentages worked
out from the ratings, outstanding returns, returns refused whole (agency outside the cycle,
a bad rating, another board's or a retired standard), standards per board, moderation,
actions in the tracker, who may read and write, bad input and constant query counts."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

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
    section11_cycle_create,
    section11_cycle_update,
    section11_return_create,
    section11_return_moderate,
    section11_return_update,
    section11_standard_add,
    section11_standard_retire,
    section11_standards,
)
from tests.factories import AgencyFactory
from tests.forms import date_parts

SUBMITTED = date(2015, 3, 1)


def url(board, name, **kwargs) -> str:
    return reverse(f"assurance:{name}", kwargs={"board_slug": board.slug, **kwargs})


def make_cycle(board, agencies, **overrides) -> Section11Cycle:
    fields = {
        "title": "Section 11 2014-16",
        "kind": "biennial",
        "opens_on": date(2014, 10, 1),
        "due_on": date(2015, 3, 31),
        **overrides,
    }
    return section11_cycle_create(board=board, agencies=agencies, **fields)


def agencies_for(board, *names):
    return [AgencyFactory(board=board, name=name) for name in names]


def all_rated(board, *rags) -> dict:
    """Ratings of the board's standards in order; the last rag repeats for the rest."""
    standards = section11_standards(board=board)
    chosen = list(rags) + [rags[-1]] * (len(standards) - len(rags))
    return {
        standard: (rag, f"Evidence {standard.number}")
        for standard, rag in zip(standards, chosen, strict=True)
    }


def submit(cycle, agency, *rags) -> Section11Return:
    return section11_return_create(
        cycle=cycle, agency=agency, ratings=all_rated(cycle.board, *rags), submitted_on=SUBMITTED
    )


def return_form_data(board, rags: dict, **extra) -> dict:
    """Form data: `rags` by standard number; evidence for each."""
    data = {**date_parts("submitted_on", extra.pop("submitted_on", None)), **extra}
    for standard in section11_standards(board=board):
        data[f"rag_{standard.pk}"] = rags.get(standard.number, "")
        data[f"evidence_{standard.pk}"] = f"Evidence for {standard.number}"
    return data


# Standards


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


def test_the_manager_creates_and_edits_a_cycle(board, manager, client_for):
    police, health = agencies_for(board, "Police", "Health")
    client = client_for(manager)
    data = {
        "title": "Section 11 2014-16",
        "kind": "biennial",
        **date_parts("opens_on", "1/10/2014"),
        **date_parts("due_on", "31/3/2015"),
        "agencies": [str(police.pk), str(health.pk)],
    }
    response = client.post(url(board, "section11-cycle-create"), data)
    cycle = Section11Cycle.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(board, "section11-cycle-detail", cycle_id=cycle.pk)
    assert set(cycle.agencies.all()) == {police, health}
    data.update(title="Schools 2015", kind="annual", agencies=[str(police.pk)])
    response = client.post(url(board, "section11-cycle-edit", cycle_id=cycle.pk), data)
    assert response.status_code == 302
    cycle.refresh_from_db()
    assert (cycle.title, cycle.kind, list(cycle.agencies.all())) == (
        "Schools 2015",
        "annual",
        [police],
    )


def test_bad_input_on_the_cycle_form(board, other_board, manager, client_for):
    elsewhere = AgencyFactory(board=other_board, name="Elsewhere Police")
    data = {
        "title": "",
        "kind": "weekly",
        **date_parts("opens_on", "31/2/2015"),
        **date_parts("due_on", "1/1/2015"),
        "agencies": [str(elsewhere.pk)],
    }
    response = client_for(manager).post(url(board, "section11-cycle-create"), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Enter the title" in body
    assert "Choose the frequency from the list" in body
    assert "Opens on must be a real date" in body
    assert "Choose agencies of this board" in body
    police = AgencyFactory(board=board, name="Police")
    data = {
        "title": "S11",
        "kind": "annual",
        **date_parts("opens_on", "1/4/2015"),
        **date_parts("due_on", "1/1/2015"),
        "agencies": [],
    }
    response = client_for(manager).post(url(board, "section11-cycle-create"), data)
    assert "Choose the agencies in the cycle" in response.content.decode()
    data["agencies"] = [str(police.pk)]
    response = client_for(manager).post(url(board, "section11-cycle-create"), data)
    assert "The due date must be after the cycle opens" in response.content.decode()
    assert not Section11Cycle.objects.exists()


# Return pages, moderation, actions


def test_the_sub_group_chair_enters_submits_and_moderates_a_return(
    board, subgroup_chair, client_for
):
    police = agencies_for(board, "Police")[0]
    cycle = make_cycle(board, [police])
    client = client_for(subgroup_chair)
    create = url(board, "section11-return-create", cycle_id=cycle.pk)
    assert (
        f'value="{police.pk}" selected'
        in client.get(f"{create}?agency={police.pk}").content.decode()
    )
    assert client.get(f"{create}?agency=not-a-uuid").status_code == 200
    data = return_form_data(board, {1: "green", 2: "amber"}, agency=str(police.pk))
    response = client.post(create, data)
    section11_return = Section11Return.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(
        board, "section11-return-detail", return_id=section11_return.pk
    )
    assert section11_return.status == Section11Status.IN_PROGRESS
    assert section11_return.ratings.count() == 2
    edit = url(board, "section11-return-edit", return_id=section11_return.pk)
    data = return_form_data(
        board, dict.fromkeys(range(1, 9), "green") | {4: "red"}, submitted_on="1/3/2015"
    )
    assert client.post(edit, data).status_code == 302
    section11_return.refresh_from_db()
    assert section11_return.status == Section11Status.SUBMITTED
    assert section11_return.ratings.get(standard__number=4).rag == "red"
    moderate = url(board, "section11-return-moderate", return_id=section11_return.pk)
    response = client.post(
        moderate,
        {
            "outcome": "further_evidence",
            "notes": "Send the training records",
            **date_parts("moderated_on", "20/3/2015"),
        },
    )
    assert response.status_code == 302
    section11_return.refresh_from_db()
    assert section11_return.status == Section11Status.MODERATED
    assert section11_return.moderation_outcome == "further_evidence"
    detail = client.get(url(board, "section11-return-detail", return_id=section11_return.pk))
    body = detail.content.decode()
    assert "Further evidence requested" in body and "Send the training records" in body


def test_bad_input_on_the_return_form(board, manager, client_for):
    police = agencies_for(board, "Police")[0]
    cycle = make_cycle(board, [police])
    data = return_form_data(
        board, {1: "purple", 2: "green"}, agency=str(police.pk), submitted_on="32/1/2015"
    )
    response = client_for(manager).post(
        url(board, "section11-return-create", cycle_id=cycle.pk), data
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert "Rate standard 1 red, amber or green" in body
    assert "Date submitted must be a real date" in body
    # Submitting with standards not rated is refused with the reason.
    data = return_form_data(board, {1: "green"}, agency=str(police.pk), submitted_on="1/3/2015")
    response = client_for(manager).post(
        url(board, "section11-return-create", cycle_id=cycle.pk), data
    )
    assert "Rate every standard before submitting" in response.content.decode()
    assert not Section11Return.objects.exists()


def test_moderation_needs_a_submitted_return_and_good_input(board, manager, client_for):
    police = agencies_for(board, "Police")[0]
    cycle = make_cycle(board, [police])
    draft = section11_return_create(cycle=cycle, agency=police, ratings=all_rated(board, "green"))
    with pytest.raises(ValidationError, match="Only a submitted return"):
        section11_return_moderate(
            section11_return=draft, outcome="confirmed", notes="", moderated_on=SUBMITTED
        )
    section11_return_update(section11_return=draft, ratings={}, submitted_on=date(2015, 3, 10))
    moderate = url(board, "section11-return-moderate", return_id=draft.pk)
    response = client_for(manager).post(
        moderate, {"outcome": "maybe", "notes": "", **date_parts("moderated_on", "soon/3/2015")}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Choose the outcome from the list" in body
    assert "Enter the moderation notes" in body
    assert "Date of the moderation must be a real date" in body
    response = client_for(manager).post(
        moderate,
        {"outcome": "confirmed", "notes": "Fine", **date_parts("moderated_on", "1/3/2015")},
    )
    assert "cannot be before the return was submitted" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Section11Status.SUBMITTED


def test_an_action_from_a_return_goes_to_the_boards_tracker(
    board, subgroup_chair, manager, client_for
):
    housing = agencies_for(board, "Testshire Housing")[0]
    cycle = make_cycle(board, [housing])
    section11_return = submit(cycle, housing, "green", "green", "green", "green", "amber", "green")
    add = url(board, "section11-action-add", return_id=section11_return.pk)
    data = {
        "description": "Safeguarding training for all housing staff",
        "owner_agency": str(housing.pk),
        **date_parts("due_date", "31/3/2016"),
    }
    assert client_for(subgroup_chair).post(add, data).status_code == 302
    action = Action.objects.for_source(section11_return).get()
    assert action.source_type == action_sources.SECTION_11
    assert action.owner_agency == housing and action.board == board
    tracker = client_for(manager).get(reverse("action-list", kwargs={"board_slug": board.slug}))
    assert "Safeguarding training for all housing staff" in tracker.content.decode()
    detail = client_for(manager).get(
        url(board, "section11-return-detail", return_id=section11_return.pk)
    )
    assert "Safeguarding training for all housing staff" in detail.content.decode()


def test_bad_input_on_the_action_form(board, other_board, manager, client_for):
    police = agencies_for(board, "Police")[0]
    cycle = make_cycle(board, [police])
    section11_return = submit(cycle, police, "green")
    elsewhere = AgencyFactory(board=other_board, name="Elsewhere")
    add = url(board, "section11-action-add", return_id=section11_return.pk)
    response = client_for(manager).post(
        add,
        {
            "description": "",
            "owner_agency": str(elsewhere.pk),
            **date_parts("due_date", "never/1/2016"),
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter the action" in body
    assert "Choose an agency of this board" in body
    assert "Due by must be a real date" in body
    response = client_for(manager).post(
        add, {"description": "Do it", "owner_agency": "", **date_parts("due_date", "1/1/2016")}
    )
    assert "Choose the agency that owns this action" in response.content.decode()
    assert not Action.objects.exists()


# Tenancy and roles


def test_another_boards_records_are_not_found(board, other_board, other_board_manager, client_for):
    police = agencies_for(board, "Police")[0]
    cycle = make_cycle(board, [police])
    section11_return = submit(cycle, police, "green")
    standard = section11_standards(board=board)[0]
    client = client_for(other_board_manager)
    pages = [
        ("section11-cycle-detail", {"cycle_id": cycle.pk}),
        ("section11-cycle-edit", {"cycle_id": cycle.pk}),
        ("section11-return-create", {"cycle_id": cycle.pk}),
        ("section11-return-detail", {"return_id": section11_return.pk}),
        ("section11-return-edit", {"return_id": section11_return.pk}),
        ("section11-return-moderate", {"return_id": section11_return.pk}),
        ("section11-action-add", {"return_id": section11_return.pk}),
        ("section11-standard-edit", {"standard_id": standard.pk}),
        ("section11-standard-retire", {"standard_id": standard.pk}),
    ]
    for name, kwargs in pages:
        assert client.get(url(board, name, **kwargs)).status_code == 404
        # Through its own board's address, the other board's record does not exist either.
        assert client.get(url(other_board, name, **kwargs)).status_code == 404
    assert (
        client.post(
            url(other_board, "section11-standard-retire", standard_id=standard.pk)
        ).status_code
        == 404
    )
    standard.refresh_from_db()
    assert standard.is_active


def test_readers_cannot_write_and_the_chair_cannot_change_cycles_or_standards(
    board, viewer, board_member, subgroup_chair, client_for
):
    police = agencies_for(board, "Police")[0]
    cycle = make_cycle(board, [police])
    standard = section11_standards(board=board)[0]
    for user in (viewer, board_member):
        client = client_for(user)
        assert (
            client.get(url(board, "section11-cycle-detail", cycle_id=cycle.pk)).status_code == 200
        )
        data = return_form_data(board, {1: "green"}, agency=str(police.pk))
        assert (
            client.post(url(board, "section11-return-create", cycle_id=cycle.pk), data).status_code
            == 403
        )
    chair = client_for(subgroup_chair)
    assert (
        chair.post(
            url(board, "section11-cycle-edit", cycle_id=cycle.pk), {"title": "X"}
        ).status_code
        == 403
    )
    assert (
        chair.post(url(board, "section11-standard-retire", standard_id=standard.pk)).status_code
        == 403
    )
    assert not Section11Return.objects.exists()
    standard.refresh_from_db()
    assert standard.is_active and Section11Cycle.objects.get().title == "Section 11 2014-16"


# Query counts


def test_the_cycle_page_issues_a_constant_number_of_queries(
    board, viewer, client_for, django_assert_num_queries
):
    client = client_for(viewer)
    small = agencies_for(board, "Police", "Health")
    cycle = make_cycle(board, small)
    submit(cycle, small[0], "green")
    page = url(board, "section11-cycle-detail", cycle_id=cycle.pk)
    client.get(page)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(page).status_code == 200
    many = agencies_for(board, *[f"Agency {n}" for n in range(12)])
    section11_cycle_update(cycle=cycle, agencies=[*small, *many])
    for number in range(3):
        section11_standard_add(board=board, text=f"Extra standard {number}")
    for agency in many[:8]:
        submit(cycle, agency, "amber", "red", "green")
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(page)
        assert response.status_code == 200
    assert len(response.context["grid"].rows) == 14
    assert len(response.context["grid"].standards) == 11


def test_the_grid_selector_issues_the_same_queries_for_small_and_large_data(
    board, django_assert_num_queries
):
    police = agencies_for(board, "Police")[0]
    cycle = make_cycle(board, [police])
    submit(cycle, police, "green")
    cycle = Section11Cycle.objects.get(pk=cycle.pk)
    with django_assert_num_queries(4):
        cycle_grid(cycle=cycle)
    with django_assert_num_queries(2):
        outstanding_returns(cycle=cycle, today=date(2015, 1, 1))
    many = agencies_for(board, *[f"Agency {n}" for n in range(10)])
    section11_cycle_update(cycle=cycle, agencies=[police, *many])
    for agency in many:
        submit(cycle, agency, "red")
    cycle = Section11Cycle.objects.get(pk=cycle.pk)
    with django_assert_num_queries(4):
        assert len(cycle_grid(cycle=cycle).rows) == 11
    with django_assert_num_queries(2):
        outstanding_returns(cycle=cycle, today=date(2015, 1, 1))


def test_the_cycle_list_issues_a_constant_number_of_queries(
    board, viewer, client_for, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(viewer)
    agencies = agencies_for(board, "Police", "Health", "Housing")
    make_cycle(board, agencies[:1])
    client.get(url(board, "section11-cycle-list"))
    with CaptureQueriesContext(connection) as few:
        assert client.get(url(board, "section11-cycle-list")).status_code == 200
    for number in range(5):
        cycle = make_cycle(board, agencies, title=f"Cycle {number}")
        submit(cycle, agencies[0], "green")
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url(board, "section11-cycle-list"))
        assert "1 of 3" in response.content.decode()


# Demo data


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

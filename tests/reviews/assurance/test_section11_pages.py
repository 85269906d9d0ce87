"""Section 11 pages: the manager's cycle and return forms, moderation, actions in the
tracker, bad input, another board's records, who may write, and constant query counts."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from board.models import Action
from reviews.assurance import action_sources
from reviews.assurance.models import (
    Section11Cycle,
    Section11Return,
    Section11Status,
)
from reviews.assurance.selectors.section11 import cycle_grid, outstanding_returns
from reviews.assurance.services.section11 import (
    section11_cycle_update,
    section11_return_create,
    section11_return_moderate,
    section11_return_update,
    section11_standard_add,
    section11_standards,
)
from tests.factories import AgencyFactory
from tests.forms import date_parts

from .section11_factories import (
    SUBMITTED,
    agencies_for,
    all_rated,
    make_cycle,
    return_form_data,
    submit,
    url,
)


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

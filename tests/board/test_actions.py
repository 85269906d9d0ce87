import datetime

import pytest
from django.core.exceptions import ValidationError

from board.models import Action, ActionSource, ActionStatus
from board.services.actions import action_add_update, action_create, action_sign_off
from tests.factories import AgencyFactory

from .factories import PersonFactory

DUE = datetime.date(2015, 3, 31)


def test_an_action_needs_an_owner(board, manager):
    with pytest.raises(ValidationError, match="owning agency"):
        action_create(board=board, description="Do it", due_date=DUE, created_by=manager)
    assert not Action.objects.exists()


def test_an_action_can_be_owned_by_a_person_without_an_agency(board, manager):
    person = PersonFactory(board=board)
    action = action_create(
        board=board, description="Do it", owner_person=person, due_date=DUE, created_by=manager
    )
    assert action.source_type == ActionSource.DIRECT
    assert action.status == ActionStatus.NOT_STARTED


def test_another_boards_agency_cannot_own_an_action(board, other_board, manager):
    agency = AgencyFactory(board=other_board)
    with pytest.raises(ValidationError, match="agency of this board"):
        action_create(
            board=board, description="x", owner_agency=agency, due_date=DUE, created_by=manager
        )


def test_a_source_is_linked_generically_and_names_its_kind(board, manager):
    source = AgencyFactory(board=board)  # any board record can be a source
    source.action_source_type = ActionSource.MEETING
    action = action_create(
        board=board,
        description="x",
        owner_agency=source,
        due_date=DUE,
        source=source,
        created_by=manager,
    )
    action.refresh_from_db()
    assert action.source == source
    assert action.source_type == ActionSource.MEETING
    assert list(Action.objects.for_source(source)) == [action]


def test_a_source_on_another_board_is_refused(board, other_board, manager):
    agency = AgencyFactory(board=board)
    with pytest.raises(ValidationError, match="another board"):
        action_create(
            board=board,
            description="x",
            owner_agency=agency,
            due_date=DUE,
            source=AgencyFactory(board=other_board),
            created_by=manager,
        )


def test_overdue_is_derived_from_the_due_date(board, manager):
    agency = AgencyFactory(board=board)
    action = action_create(
        board=board, description="x", owner_agency=agency, due_date=DUE, created_by=manager
    )
    assert action.is_overdue_on(datetime.date(2015, 4, 1))
    assert not action.is_overdue_on(DUE)
    assert list(Action.objects.overdue(datetime.date(2015, 4, 1))) == [action]
    action_add_update(action=action, author=manager, text="Done", status=ActionStatus.COMPLETE)
    assert not action.is_overdue_on(datetime.date(2015, 4, 1))


def test_sign_off_needs_completion_and_evidence(board, manager):
    agency = AgencyFactory(board=board)
    action = action_create(
        board=board, description="x", owner_agency=agency, due_date=DUE, created_by=manager
    )
    with pytest.raises(ValidationError, match="complete"):
        action_sign_off(action=action, signed_off_by=manager)
    action_add_update(action=action, author=manager, text="Done", status=ActionStatus.COMPLETE)
    with pytest.raises(ValidationError, match="evidence"):
        action_sign_off(action=action, signed_off_by=manager)
    action_add_update(
        action=action,
        author=manager,
        text="Audit report received",
        status=ActionStatus.COMPLETE,
        evidence="Audit report, March 2015",
    )
    action_sign_off(action=action, signed_off_by=manager)
    assert action.is_signed_off
    assert action.updates.count() == 2

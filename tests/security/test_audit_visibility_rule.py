"""The one visibility rule, checked over every tracked kind of record and every role: a
person sees an entry when they may open the record it is about. Which roles open a
restricted record is read from the permission matrix (the page that shows it), not from
the rule under test."""

import uuid

import pytest
from auditlog import get_logentry_model
from auditlog.registry import auditlog
from django.contrib.contenttypes.models import ContentType

from board.audit import entries_for_board
from board.models import ALL_ROLES, Role
from board.record_visibility import visible_entries
from tests.factories import BoardFactory, RoleAssignmentFactory, user_with_role
from tests.matrix import all_entries

MATRIX = all_entries()
# The page that opens a record of each restricted kind; every other kind of board record
# is read by every role of the board.
OPENED_ON = {
    "child_deaths.CdopCase": "child_deaths:cdop-case-detail",
    "child_deaths.AgencyForm": "child_deaths:cdop-form-update",
    "child_deaths.AgencyFormReminder": "child_deaths:cdop-form-update",
    "child_deaths.CdopRecommendation": "child_deaths:cdop-case-detail",
    "child_deaths.RegisterImport": "child_deaths:cdop-register-preview",
    "case_reviews.ReviewDocument": "case_reviews:scr-document-download",
    "case_reviews.SeriousIncident": "case_reviews:incident-detail",
    "case_reviews.RapidReview": "case_reviews:incident-detail",
    "case_reviews.AgencySummary": "case_reviews:incident-detail",
}
TRACKED = sorted(auditlog.get_models(), key=lambda model: model._meta.label)


def readers(model) -> frozenset[Role]:
    page = OPENED_ON.get(model._meta.label)
    return MATRIX[page].roles if page else ALL_ROLES


def entry_about(model, board):
    return get_logentry_model().objects.create(
        content_type=ContentType.objects.get_for_model(model),
        object_pk=str(uuid.uuid4()),
        object_repr=f"a {model._meta.verbose_name}",
        action=get_logentry_model().Action.UPDATE,
        changes={"field": ["old", "new"]},
        board=board,
    )


@pytest.fixture
def people(board):
    return {role: user_with_role(board, role) for role in Role}


@pytest.mark.parametrize("model", TRACKED, ids=lambda model: model._meta.label)
def test_each_role_sees_the_entries_of_the_records_it_may_open(model, board, people):
    entry = entry_about(model, board)
    elsewhere = entry_about(model, BoardFactory())
    for role, person in people.items():
        visible = visible_entries(entries_for_board(board), user=person)
        expected = {entry} if role in readers(model) else set()
        ours = set(visible.filter(pk__in=[entry.pk, elsewhere.pk]))
        assert ours == expected, f"{role.label} and {model._meta.label}"


def test_a_panel_seat_on_another_board_opens_no_case_here(board, people):
    from reviews.child_deaths.models import CdopCase

    entry = entry_about(CdopCase, board)
    manager_here = people[Role.BOARD_MANAGER]
    user_with_role(BoardFactory(), Role.CDOP_MEMBER)  # someone else's panel
    RoleAssignmentFactory(user=manager_here, board=BoardFactory(), role=Role.CDOP_MEMBER)
    assert entry in set(visible_entries(entries_for_board(board), user=people[Role.CDOP_MEMBER]))
    assert entry not in set(visible_entries(entries_for_board(board), user=manager_here))

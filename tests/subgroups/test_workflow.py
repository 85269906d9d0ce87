from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from board.models import Role, RoleAssignment
from datasets.models import Observation, Snapshot, Source, Status
from subgroups.models import ReturnEventKind, ReturnStatus, SubGroupKind, SubGroupMembership
from subgroups.services import returns as services
from subgroups.services.groups import subgroup_member_end
from subgroups.services.spec import spec_for, template_spec
from subgroups.services.templates import question_save
from subgroups.services.validation import content_from_data

from .conftest import Q1
from .factories import answers, subgroup_with_chair


def content(subgroup, **kwargs):
    return content_from_data(template_spec(subgroup), answers(subgroup, **kwargs))


def submit(subgroup, user, version=0, **kwargs):
    return services.quarterly_return_submit(
        subgroup=subgroup,
        quarter=Q1,
        content=content(subgroup),
        by=user,
        expected_version=version,
        **kwargs,
    )


def test_a_chair_saves_a_partial_draft(health, subgroup_chair):
    r = services.quarterly_return_save(
        subgroup=health,
        quarter=Q1,
        content={"questions": {}, "actions": {}, "figures": {}, "comments": {}},
        by=subgroup_chair,
        expected_version=0,
    )
    assert (r.status, r.version) == (ReturnStatus.DRAFT, 1)
    assert [e.kind for e in r.events.all()] == [ReturnEventKind.STARTED]


@pytest.mark.parametrize("persona", ["manager", "board_member", "chair"])
def test_only_the_chair_or_deputy_saves_or_submits(health, persona, request):
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        submit(health, user)
    assert not health.returns.exists()


def test_a_deputy_may_submit(board, health, lay_member):
    subgroup_with_chair(board, lay_member, name="Health", role="deputy")
    assert submit(health, lay_member).status == ReturnStatus.SUBMITTED


def test_submission_is_refused_until_complete(health, subgroup_chair):
    empty = {"questions": {}, "actions": {}, "figures": {}, "comments": {}}
    with pytest.raises(services.ReturnInvalid) as raised:
        services.quarterly_return_submit(
            subgroup=health, quarter=Q1, content=empty, by=subgroup_chair, expected_version=0
        )
    assert any("Enter an answer" in m for m in raised.value.checked.errors.values())
    assert not health.returns.exists()  # nothing half-saved


def test_each_submission_is_recorded_on_time_or_late(health, subgroup_chair, manager):
    on_time = datetime(2014, 7, 1, 12, tzinfo=UTC)
    r = submit(health, subgroup_chair, now=on_time)
    assert r.first_submitted_on_time is True
    r = services.quarterly_return_send_back(
        quarterly_return=r, by=manager, reason="Add the Q1 audit"
    )
    r = submit(health, subgroup_chair, version=r.version)  # today: long after the deadline
    assert r.status == ReturnStatus.RESUBMITTED
    kinds = [(e.kind, e.on_time) for e in r.events.all()]
    assert kinds == [
        ("started", None),
        ("submitted", True),
        ("returned", None),
        ("resubmitted", False),
    ]
    assert r.first_submitted_on_time is True  # the on-time rate counts the first submission


def test_returning_needs_a_reason(health, subgroup_chair, manager):
    r = submit(health, subgroup_chair)
    with pytest.raises(ValidationError):
        services.quarterly_return_send_back(quarterly_return=r, by=manager, reason="  ")
    r.refresh_from_db()
    assert r.status == ReturnStatus.SUBMITTED


def test_approval_locks_the_return_and_writes_final_observations(
    health, subgroup_chair, manager, django_capture_on_commit_callbacks
):
    r = submit(health, subgroup_chair)
    with django_capture_on_commit_callbacks() as callbacks:
        r = services.quarterly_return_approve(quarterly_return=r, by=manager)
    # The dashboard refresh and the chair's e-mail, queued after commit.
    assert len(callbacks) == 2
    assert r.is_locked
    values = Observation.objects.filter(board=health.board, period_start=Q1.start)
    assert sorted(v.value for v in values) == [4, 6, 10]
    assert {(v.source, v.status) for v in values} == {(Source.RETURN, Status.FINAL)}
    assert Snapshot.objects.filter(board=health.board, year=2014, stale=True).exists()
    with pytest.raises(ValidationError):
        services.quarterly_return_save(
            subgroup=health,
            quarter=Q1,
            content=r.content,
            by=subgroup_chair,
            expected_version=r.version,
        )


def test_only_the_manager_approves(health, subgroup_chair, chair):
    r = submit(health, subgroup_chair)
    with pytest.raises(PermissionDenied):
        services.quarterly_return_approve(quarterly_return=r, by=chair)
    with pytest.raises(PermissionDenied):
        services.quarterly_return_approve(quarterly_return=r, by=subgroup_chair)


def test_unlocking_needs_a_reason_and_is_logged(health, subgroup_chair, manager):
    r = services.quarterly_return_approve(
        quarterly_return=submit(health, subgroup_chair), by=manager
    )
    with pytest.raises(ValidationError):
        services.quarterly_return_unlock(quarterly_return=r, by=manager, reason="")
    r = services.quarterly_return_unlock(
        quarterly_return=r, by=manager, reason="Wrong quarter's figures"
    )
    assert r.status == ReturnStatus.RETURNED and r.is_editable
    last = r.events.last()
    assert (last.kind, last.by, last.comment) == ("unlocked", manager, "Wrong quarter's figures")


def test_a_template_change_applies_only_to_returns_not_yet_submitted(health, subgroup_chair):
    submitted = submit(health, subgroup_chair)
    question_save(subgroup=health, text="Voice of the child", order=99)
    draft = services.return_get(health, Q1.year.quarter(2))
    assert "Voice of the child" not in [q["text"] for q in spec_for(submitted)["questions"]]
    assert "Voice of the child" in [q["text"] for q in spec_for(draft)["questions"]]


def test_a_stale_version_is_a_conflict(health, subgroup_chair):
    blank = {"questions": {}, "actions": {}, "figures": {}, "comments": {}}
    services.quarterly_return_save(
        subgroup=health, quarter=Q1, content=blank, by=subgroup_chair, expected_version=0
    )
    with pytest.raises(services.ReturnConflict) as raised:
        services.quarterly_return_save(
            subgroup=health, quarter=Q1, content=blank, by=subgroup_chair, expected_version=0
        )
    assert raised.value.current.version == 1


def _roles(user, board):
    return set(RoleAssignment.objects.filter(user=user, board=board).values_list("role", flat=True))


def test_a_chairs_seat_gives_the_role_and_ending_it_takes_it_away(board, board_member):
    subgroup = subgroup_with_chair(board, board_member, name="Education")
    assert Role.SUBGROUP_CHAIR in _roles(board_member, board)
    seat = SubGroupMembership.objects.get(subgroup=subgroup)
    subgroup_member_end(membership=seat, end_date=date.today())
    assert Role.SUBGROUP_CHAIR not in _roles(board_member, board)
    assert Role.BOARD_MEMBER in _roles(board_member, board)


def test_ending_a_seat_keeps_a_role_given_by_hand(board, subgroup_chair):
    subgroup = subgroup_with_chair(board, subgroup_chair, name="Education")
    subgroup_member_end(membership=SubGroupMembership.objects.get(subgroup=subgroup))
    assert Role.SUBGROUP_CHAIR in _roles(subgroup_chair, board)


def test_cdop_and_scr_members_get_their_restricted_roles(board, viewer, lay_member):
    subgroup_with_chair(board, viewer, name="CDOP", kind=SubGroupKind.CDOP, role="member")
    subgroup_with_chair(board, lay_member, name="SCR", kind=SubGroupKind.SCR, role="member")
    assert _roles(viewer, board) == {Role.VIEWER, Role.CDOP_MEMBER}
    assert _roles(lay_member, board) == {Role.LAY_MEMBER, Role.SCR_MEMBER}

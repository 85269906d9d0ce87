import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from board.models import Agency, Membership, Role, RoleAssignment, Sector
from board.models.membership import BoardRole
from board.selectors.membership import membership_gaps
from board.services.membership import membership_end, membership_save, memberships_sync_access
from board.services.roles import role_grant, role_revoke
from tests.factories import AgencyFactory, UserFactory

from .factories import MembershipFactory, PersonFactory

TODAY = datetime.date.today()
LONG_AGO = datetime.date(2010, 4, 1)


def roles_of(user, board):
    return set(RoleAssignment.objects.filter(user=user, board=board).values_list("role", flat=True))


def chair_membership(board, user, **fields):
    return Membership(
        board=board,
        person=PersonFactory(board=board, user=user),
        board_role=BoardRole.INDEPENDENT_CHAIR,
        start_date=LONG_AGO,
        **fields,
    )


def test_recording_the_chair_gives_the_chairs_access_and_ending_it_takes_it_away(board):
    user = UserFactory()
    membership = membership_save(membership=chair_membership(board, user))
    assert roles_of(user, board) == {Role.INDEPENDENT_CHAIR}
    membership_end(membership=membership, end_date=TODAY - datetime.timedelta(days=1))
    assert roles_of(user, board) == set()


def test_a_role_held_for_two_reasons_survives_ending_one(board):
    user = UserFactory()
    agency = AgencyFactory(board=board)
    person = PersonFactory(board=board, user=user)
    first = membership_save(
        membership=Membership(
            board=board,
            person=person,
            agency=agency,
            board_role="agency_representative",
            start_date=LONG_AGO,
        )
    )
    role_grant(user=user, board=board, role=Role.BOARD_MEMBER, source="subgroups.member:1")
    membership_end(membership=first, end_date=TODAY - datetime.timedelta(days=1))
    assert roles_of(user, board) == {Role.BOARD_MEMBER}
    role_revoke(user=user, board=board, role=Role.BOARD_MEMBER, source="subgroups.member:1")
    assert roles_of(user, board) == set()


def test_a_role_given_by_hand_is_kept_when_a_membership_ends(board, chair):
    membership = membership_save(membership=chair_membership(board, chair))
    membership_end(membership=membership, end_date=TODAY - datetime.timedelta(days=1))
    assert roles_of(chair, board) == {Role.INDEPENDENT_CHAIR}


def test_a_membership_that_ends_later_loses_its_access_on_the_daily_sync(board):
    user = UserFactory()
    membership_save(membership=chair_membership(board, user, end_date=TODAY))
    assert roles_of(user, board) == {Role.INDEPENDENT_CHAIR}
    memberships_sync_access(today=TODAY + datetime.timedelta(days=1))
    assert roles_of(user, board) == set()


def test_a_member_without_a_user_account_gets_no_access(board):
    membership = MembershipFactory(board=board)
    membership_save(membership=membership)
    assert (
        not RoleAssignment.objects.filter(board=board)
        .exclude(role__in=[])
        .filter(user__board_people__memberships=membership)
        .exists()
    )


def test_the_chairs_appointment_records_independence_and_the_partners_that_agreed(board):
    police, health = AgencyFactory(board=board), AgencyFactory(board=board)
    membership = membership_save(
        membership=chair_membership(board, None, chair_is_independent=True),
        agreed_by=[police, health],
    )
    assert set(membership.appointment_agreed_by.all()) == {police, health}
    rep = MembershipFactory(board=board)
    with pytest.raises(ValidationError, match="chair"):
        membership_save(membership=rep, agreed_by=[police])


def test_an_end_date_before_the_start_date_is_refused_and_nothing_saved(board, manager, client_for):
    person = PersonFactory(board=board)
    agency = AgencyFactory(board=board)
    url = reverse("membership-create", kwargs={"board_slug": board.slug})
    response = client_for(manager).post(
        url,
        {
            "person": person.pk,
            "agency": agency.pk,
            "board_role": "agency_representative",
            "start_date_0": "1",
            "start_date_1": "4",
            "start_date_2": "2014",
            "end_date_0": "31",
            "end_date_1": "3",
            "end_date_2": "2014",
        },
    )
    assert response.status_code == 200
    assert "The end date must be on or after the start date." in response.content.decode()
    assert not Membership.objects.exists()


def test_a_duplicate_agency_name_is_refused_whatever_its_case(board, manager, client_for):
    AgencyFactory(board=board, name="Metropolitan Police Service")
    url = reverse("agency-create", kwargs={"board_slug": board.slug})
    response = client_for(manager).post(
        url, {"name": "metropolitan police service", "sector": "police"}
    )
    assert response.status_code == 200
    assert "already has an agency with this name" in response.content.decode()
    assert Agency.objects.filter(board=board).count() == 1


def test_another_board_may_use_the_same_agency_name(board, other_board):
    AgencyFactory(board=other_board, name="CAFCASS")
    agency = Agency(board=board, name="CAFCASS", sector=Sector.CAFCASS)
    agency.full_clean()


def test_the_gap_report_lists_statutory_sectors_without_a_current_member(board):
    police = AgencyFactory(board=board, sector=Sector.POLICE, is_statutory_partner=True)
    probation = AgencyFactory(board=board, sector=Sector.PROBATION, is_statutory_partner=True)
    MembershipFactory(board=board, agency=police, start_date=LONG_AGO)
    # Probation's member has left: the sector is a gap again.
    MembershipFactory(board=board, agency=probation, start_date=LONG_AGO, end_date=LONG_AGO)
    report = membership_gaps(board, TODAY)
    gaps = {cover.sector for cover in report.gaps}
    assert Sector.POLICE not in gaps
    assert {Sector.PROBATION, Sector.HEALTH, Sector.CAFCASS, Sector.LAY} <= gaps
    assert report.agencies_without_member == [probation]


def test_the_gap_report_page(board, viewer, client_for):
    url = reverse("membership-gaps", kwargs={"board_slug": board.slug})
    response = client_for(viewer).get(url)
    assert "Children&#x27;s social care" in response.content.decode()
    assert "No member" in response.content.decode()

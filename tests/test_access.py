"""Tenancy and roles: another board's pages are 404, a missing role is 403."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.views import View

from board.access import BoardRoleRequiredMixin, board_view
from board.models import ALL_ROLES, Role
from board.selectors import boards_for_user

from .factories import BoardFactory, RoleAssignmentFactory


def board_url(board) -> str:
    return reverse("board-detail", kwargs={"board_slug": board.slug})


def test_a_board_member_sees_their_board(client_for, board_member, board):
    response = client_for(board_member).get(board_url(board))
    assert response.status_code == 200
    assert board.name in response.content.decode()


def test_another_boards_page_is_not_found(client_for, other_board_manager, board):
    response = client_for(other_board_manager).get(board_url(board))
    assert response.status_code == 404


def test_a_board_that_does_not_exist_is_not_found_either(client_for, manager):
    response = client_for(manager).get(reverse("board-detail", kwargs={"board_slug": "nowhere"}))
    assert response.status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, board):
    response = client.get(board_url(board))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_deactivated_user_is_treated_as_signed_out(client_for, deactivated, board):
    response = client_for(deactivated).get(board_url(board))
    assert response.status_code == 302
    assert list(boards_for_user(deactivated)) == []


def test_home_lists_only_the_users_boards_with_their_roles(client_for, manager, board, other_board):
    third = BoardFactory(name="Third Safeguarding Children Board", slug="third")
    RoleAssignmentFactory(user=manager, board=third, role=Role.VIEWER)
    page = client_for(manager).get(reverse("home")).content.decode()
    assert board.name in page and third.name in page
    assert "Board manager" in page and "Viewer" in page
    assert other_board.name not in page


def test_home_sends_a_person_with_one_board_to_its_home(client_for, manager, board):
    response = client_for(manager).get(reverse("home"))
    assert response.status_code == 302
    assert response.url == board_url(board)


def test_home_explains_what_to_do_without_any_board(client_for, outsider):
    page = client_for(outsider).get(reverse("home")).content.decode()
    assert "Ask your board manager" in page


@board_view(Role.BOARD_MANAGER)
def manager_only(request):
    return HttpResponse(f"managing {request.board.slug}")


class ManagerOnlyView(BoardRoleRequiredMixin, View):
    allowed_roles = frozenset({Role.BOARD_MANAGER})

    def get(self, request):
        return HttpResponse(f"managing {request.board.slug}")


@pytest.fixture(params=["function", "class"])
def manager_only_view(request):
    return manager_only if request.param == "function" else ManagerOnlyView.as_view()


def call(view, user, board):
    request = RequestFactory().get("/")
    request.user = user
    return view(request, board_slug=board.slug)


def test_a_manager_only_view_admits_the_manager(manager_only_view, manager, board):
    assert call(manager_only_view, manager, board).content == b"managing testshire"


def test_a_manager_only_view_refuses_other_roles_of_the_same_board(manager_only_view, chair, board):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        call(manager_only_view, chair, board)


def test_a_manager_only_view_hides_the_board_from_another_boards_manager(
    manager_only_view, other_board_manager, board
):
    from django.http import Http404

    with pytest.raises(Http404):
        call(manager_only_view, other_board_manager, board)


def test_board_view_refuses_to_be_declared_without_roles():
    with pytest.raises(ValueError):
        board_view()


def test_every_role_is_a_board_role():
    assert len(ALL_ROLES) == 9


def test_a_user_may_hold_several_roles_on_several_boards(client_for, board, other_board):
    from .factories import RoleAssignmentFactory, UserFactory

    user = UserFactory()
    RoleAssignmentFactory(user=user, board=board, role=Role.CDOP_MEMBER)
    RoleAssignmentFactory(user=user, board=board, role=Role.SCR_MEMBER)
    RoleAssignmentFactory(user=user, board=other_board, role=Role.VIEWER)
    client = client_for(user)
    assert client.get(board_url(board)).status_code == 200
    assert client.get(board_url(other_board)).status_code == 200
    page = client.get(board_url(board)).content.decode()
    assert "CDOP member, SCR sub-group member" in page


def test_the_board_page_queries_do_not_grow_with_agencies(
    client_for, manager, board, django_assert_max_num_queries, django_assert_num_queries
):
    from .factories import AgencyFactory, SubGroupFactory

    client = client_for(manager)
    AgencyFactory.create_batch(2, board=board)
    SubGroupFactory.create_batch(2, board=board)
    # The first request's sign-in reads, the page's lists, and what waits for the manager
    # (returns to approve, clock settings and reviews, their actions, their report
    # sections, the next meeting; serious incidents' clocks: two; the yearly report's
    # send-on: its two timescales and the published reports), and the header's count of
    # unread notifications: tests/board/test_home.py checks those do not grow.
    with django_assert_max_num_queries(22) as small:
        client.get(board_url(board))
    AgencyFactory.create_batch(30, board=board)
    SubGroupFactory.create_batch(30, board=board, parent=board.subgroups.first())
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(board_url(board))

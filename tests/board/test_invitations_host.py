"""The host administrator: creates boards and invites their managers; reads no board's
records unless given a role there."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from board.models import Board, Invitation, Role
from tests.factories import UserFactory, user_with_role


@pytest.fixture
def host_admin(db):
    return UserFactory(full_name="Hana Host", email="host@example.org", is_host_admin=True)


def test_the_host_admin_creates_a_board(client_for, host_admin):
    client = client_for(host_admin)
    response = client.post(
        reverse("host-board-create"),
        {
            "name": "Newtown Safeguarding Children Partnership",
            "slug": "newtown",
            "local_authority": "Newtown",
        },
    )
    board = Board.objects.get(slug="newtown")
    assert response.url == reverse("host-board-detail", kwargs={"slug": "newtown"})
    page = client.get(reverse("host-boards"))
    assert board.name in page.text


@pytest.mark.parametrize(
    "data, message",
    [
        ({"name": "", "slug": "a", "local_authority": "A"}, "Enter the name of the board"),
        ({"name": "A", "slug": "Not A Slug", "local_authority": "A"}, "only lower-case letters"),
        ({"name": "A", "slug": "UPPER", "local_authority": "A"}, "only lower-case letters"),
        ({"name": "A", "slug": "a", "local_authority": ""}, "Enter the area"),
        (
            {"name": "Testshire Safeguarding Children Board", "slug": "b", "local_authority": "B"},
            "A board with this name already exists",
        ),
        (
            {"name": "B", "slug": "testshire", "local_authority": "B"},
            "A board with this short name already exists",
        ),
    ],
)
def test_bad_input_on_the_new_board_form_is_named(client_for, host_admin, board, data, message):
    response = client_for(host_admin).post(reverse("host-board-create"), data)
    assert response.status_code == 200
    assert message in response.text
    assert Board.objects.count() == 1


def test_the_host_admin_invites_a_boards_manager(client_for, host_admin, board):
    client = client_for(host_admin)
    response = client.post(
        reverse("host-invite-manager", kwargs={"slug": board.slug}), {"email": "boss@example.org"}
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get(board=board)
    assert invitation.role == Role.BOARD_MANAGER and invitation.invited_by == host_admin
    page = client.get(reverse("host-board-detail", kwargs={"slug": board.slug}))
    assert "boss@example.org" in page.text
    bad = client.post(
        reverse("host-invite-manager", kwargs={"slug": board.slug}), {"email": "nope"}
    )
    assert "in the right format" in bad.text


def test_the_host_admin_reads_no_boards_records(client_for, host_admin, board):
    client = client_for(host_admin)
    for name in ("board-detail", "member-list", "invitation-list", "datasets:dashboard"):
        assert client.get(reverse(name, kwargs={"board_slug": board.slug})).status_code == 404
    # Their home is the boards page.
    assert client.get(reverse("home")).url == reverse("host-boards")


def test_a_host_admin_with_a_role_reads_that_board(client_for, board):
    user = user_with_role(board, Role.VIEWER, is_host_admin=True)
    assert (
        client_for(user).get(reverse("board-detail", kwargs={"board_slug": board.slug})).status_code
        == 200
    )


def test_a_manager_is_not_a_host_admin(client_for, manager):
    assert client_for(manager).get(reverse("host-boards")).status_code == 403


def test_host_admins_sign_in_with_two_factor(host_admin):
    from lscb.two_factor import requires_two_factor

    assert requires_two_factor(host_admin)


def test_the_command_grants_and_removes_the_role(outsider):
    call_command("host_admin", outsider.email)
    outsider.refresh_from_db()
    assert outsider.is_host_admin
    call_command("host_admin", outsider.email, "--remove")
    outsider.refresh_from_db()
    assert not outsider.is_host_admin

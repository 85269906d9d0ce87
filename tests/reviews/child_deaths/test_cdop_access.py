from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from board.models import AuditEntry, Role
from reviews.child_deaths.models import CdopCase
from tests.factories import user_with_role

from .factories import case_for


def case_url(case, name="child_deaths:cdop-case-detail"):
    return reverse(name, kwargs={"board_slug": case.board.slug, "case_id": case.pk})


def statistics_url(board):
    return reverse("child_deaths:cdop-statistics", kwargs={"board_slug": board.slug})


def test_a_board_member_without_the_cdop_role_is_refused_a_case_but_sees_the_statistics(
    client_for, board, board_member
):
    case = case_for(board)
    client = client_for(board_member)
    assert client.get(case_url(case)).status_code == 403
    response = client.get(statistics_url(board) + "?year=2013-14")
    assert response.status_code == 200
    assert response.context["stats"].suppressed is True


def test_the_board_manager_sees_the_statistics_but_not_the_cases(client_for, board, manager):
    case = case_for(board)
    client = client_for(manager)
    assert client.get(case_url(case)).status_code == 403
    assert client.get(reverse("child_deaths:cdop-case-list", args=[board.slug])).status_code == 403
    assert client.get(statistics_url(board)).status_code == 200


def test_another_boards_cdop_member_gets_not_found(client_for, board, other_board):
    case = case_for(board)
    stranger = user_with_role(other_board, Role.CDOP_MEMBER, email="stranger@example.org")
    assert client_for(stranger).get(case_url(case)).status_code == 404


def test_a_cdop_member_cannot_open_another_boards_case_through_their_own_board(
    client_for, board, other_board, cdop_member
):
    theirs = case_for(other_board)
    url = reverse(
        "child_deaths:cdop-case-detail", kwargs={"board_slug": board.slug, "case_id": theirs.pk}
    )
    assert client_for(cdop_member).get(url).status_code == 404


def test_every_view_of_a_case_is_logged_with_who_and_which_board(client_for, board, cdop_member):
    case = case_for(board)
    client = client_for(cdop_member)
    client.get(case_url(case))
    client.get(case_url(case))
    entries = AuditEntry.objects.filter(
        action=AuditEntry.Action.ACCESS,
        content_type=ContentType.objects.get_for_model(CdopCase),
        object_pk=str(case.pk),
    )
    assert entries.count() == 2
    assert {entry.actor for entry in entries} == {cdop_member}
    assert all(entry.board_id == board.id for entry in entries)


def test_the_panel_sees_its_own_figures_and_can_ask_for_the_published_ones(
    client_for, board, cdop_member
):
    client = client_for(cdop_member)
    assert client.get(statistics_url(board)).context["stats"].suppressed is False
    published = client.get(statistics_url(board) + "?view=published")
    assert published.context["stats"].suppressed is True


def test_an_unknown_year_shows_this_year_under_a_banner(client_for, board, viewer):
    """The one rule of core.years: the page opens, saying which year it shows instead."""
    response = client_for(viewer).get(statistics_url(board) + "?year=soon")
    assert response.status_code == 200
    assert "“soon” is not a financial year such as 2014-15; showing" in response.content.decode()

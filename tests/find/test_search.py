"""The board's search: the records a person may open, found by what they typed, each
linking to its record; never a record their roles do not open, nor another board's."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from board import search
from board.models import AuditEntry, Role
from datasets.models import Indicator
from reviews.case_reviews.selectors.reviews import SCR_READERS
from reviews.child_deaths.selectors import CDOP_ROLES
from tests.board.factories import ActionFactory, MeetingFactory, PaperFactory, PersonFactory
from tests.factories import user_with_role
from tests.reviews.case_reviews.factories import review_for
from tests.reviews.child_deaths.factories import notify


def search_url(board) -> str:
    return reverse("board-search", kwargs={"board_slug": board.slug})


def results(response) -> list[tuple[str, str, str]]:
    """(kind, title, address) of each result shown."""
    found = re.findall(
        r'<span class="govuk-caption-s">(.*?)</span>\s*'
        r'<a class="govuk-link[^"]*" href="([^"]+)">(.*?)</a>',
        response.content.decode(),
        re.S,
    )
    return [(html.unescape(k), html.unescape(t), html.unescape(h)) for k, h, t in found]


@pytest.fixture
def records(board):
    """A record of every kind, each with the word "fostering" in what is searched."""
    meeting = MeetingFactory(board=board, title="Fostering review meeting")
    return {
        "action": ActionFactory(board=board, description="Audit the fostering panel's minutes"),
        "meeting": meeting,
        "paper": PaperFactory(board=board, meeting=meeting, title="Fostering annual report"),
        "person": PersonFactory(board=board, full_name="Fostering Lead"),
        "indicator": Indicator.objects.create(
            board=board, code="fostering_placements", name="Children in fostering", theme="Care"
        ),
        "review": review_for(board, reference="Fostering Child F"),
        "case": notify(board),
    }


def test_a_search_finds_each_kind_of_record_linking_to_it(client_for, board, manager, records):
    response = client_for(manager).get(search_url(board), {"q": "fostering"})
    assert response.status_code == 200
    kinds = {kind for kind, _, _ in results(response)}
    assert kinds == {"Action", "Meeting", "Meeting paper", "Person", "Indicator", "Case review"}
    detail = reverse("action-detail", kwargs={"board_slug": board.slug, "pk": records["action"].pk})
    assert ("Action", "Audit the fostering panel's minutes", detail) in results(response)


def test_words_in_another_form_still_match(client_for, board, manager, records):
    """Full text on PostgreSQL: "fostered" and "reports" find "fostering" and "report"."""
    if connection.vendor != "postgresql":
        pytest.skip("full-text search is PostgreSQL's")
    response = client_for(manager).get(search_url(board), {"q": "fostered reports"})
    assert [title for _, title, _ in results(response)] == ["Fostering annual report"]


@pytest.mark.parametrize("role", list(Role))
def test_a_cdop_case_number_is_found_only_by_cdop_roles(client_for, board, role):
    case = notify(board)
    user = user_with_role(board, role, email=f"{role}@example.org")
    response = client_for(user).get(search_url(board), {"q": case.number})
    found = [title for _, title, _ in results(response)]
    if role in CDOP_ROLES:
        assert found == [case.number]
        logged = AuditEntry.objects.filter(board=board, action=AuditEntry.Action.ACCESS)
        assert list(logged.values_list("object_pk", "actor")) == [(str(case.pk), user.pk)]
    else:
        assert found == []
        assert "/cdop/cases/" not in response.content.decode()
        assert "0 results" in response.content.decode()
        assert not AuditEntry.objects.filter(board=board, action=AuditEntry.Action.ACCESS).exists()


@pytest.mark.parametrize("role", list(Role))
def test_every_result_opens_for_the_role_that_found_it(client_for, board, records, role):
    user = user_with_role(board, role, email=f"{role}@example.org")
    client = client_for(user)
    found = results(client.get(search_url(board), {"q": "fostering"}))
    assert found
    for _, title, href in found:
        assert client.get(href).status_code == 200, f"{role} cannot open {title}"
    shows_reviews = any(kind == "Case review" for kind, _, _ in found)
    assert shows_reviews == (role in SCR_READERS)


def test_another_boards_records_never_appear(client_for, board, other_board, manager, records):
    ActionFactory(board=other_board, description="Their fostering action")
    PersonFactory(board=other_board, full_name="Their fostering person")
    response = client_for(manager).get(search_url(board), {"q": "fostering"})
    assert "Their fostering" not in response.content.decode()


def test_results_are_paged_and_paging_keeps_the_words(client_for, board, manager):
    for n in range(25):
        ActionFactory(board=board, description=f"Fostering action {n}")
    response = client_for(manager).get(search_url(board), {"q": "fostering"})
    assert len(results(response)) == 20
    assert "25 results for “fostering”" in response.content.decode()
    page_two = client_for(manager).get(search_url(board), {"q": "fostering", "page": "2"})
    assert len(results(page_two)) == 5


def test_a_search_costs_the_same_queries_for_more_records(
    client_for, board, cdop_member, manager, django_assert_num_queries
):
    client = client_for(manager)
    ActionFactory(board=board, description="Fostering")
    client.get(search_url(board), {"q": "fostering"})
    with CaptureQueriesContext(connection) as few:
        client.get(search_url(board), {"q": "fostering"})
    for n in range(15):
        ActionFactory(board=board, description=f"Fostering {n}")
        MeetingFactory(board=board, title=f"Fostering {n}")
    with django_assert_num_queries(len(few)):
        client.get(search_url(board), {"q": "fostering"})


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ({"q": "x" * 201}, "Search for 200 characters or fewer"),
        ({"q": "   "}, None),
        ({"q": "' OR 1=1 --"}, None),
        ({"q": "fostering & | ! :*"}, None),
        ({"q": "\x00"}, None),
        ({}, None),
    ],
)
def test_odd_words_are_an_answer_not_an_error(client_for, board, manager, records, query, shown):
    response = client_for(manager).get(search_url(board), query)
    assert response.status_code == 200
    if shown:
        assert shown in response.content.decode()


def test_the_boards_home_has_the_search_box(client_for, board, viewer):
    """On the home, not in the header, which keeps to its few sections (test_navigation)."""
    response = client_for(viewer).get(reverse("board-detail", kwargs={"board_slug": board.slug}))
    page = response.content.decode()
    assert f'action="{search_url(board)}"' in page
    assert 'name="q"' in page


def test_a_kind_registered_for_some_roles_is_not_searched_for_others(board, viewer, manager):
    from board.access import access_for

    kinds = {kind.key for kind in search.kinds_for(access_for(viewer, board))}
    assert "cdop_cases" not in kinds and "case_reviews" not in kinds
    assert {"actions", "meetings", "papers", "people", "indicators"} <= kinds
    assert "case_reviews" in {k.key for k in search.kinds_for(access_for(manager, board))}

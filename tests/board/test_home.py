"""The board's home: what waits for each role, with counts that link to the lists of
those records, at a cost in queries that does not grow with the records."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from board.models import Role
from tests.factories import PASSWORD, BoardFactory, RoleAssignmentFactory

from .home_data import everything_waiting, pin_today

PERSONAS = ["manager", "chair", "subgroup_chair", "board_member", "cdop_member",
            "scr_member", "lay_member", "viewer"]  # fmt: skip

CLOCKS = [
    ("1 statutory clock past its deadline",
     "reviews/case-reviews/dashboard/?clock=overdue#clocks-at-risk"),
    ("1 statutory clock near its deadline",
     "reviews/case-reviews/dashboard/?clock=due_soon#clocks-at-risk"),
]  # fmt: skip

# Role -> the lines of its home, with one record of each kind waiting (home_data.py).
# Links are written after the board's address, /boards/testshire/.
EXPECTED = {
    "manager": [("1 return awaiting your approval", "subgroups/completeness/?awaiting=1"), *CLOCKS],
    "chair": [("1 report awaiting your approval", "reports/?state=in_review"), *CLOCKS],
    "subgroup_chair": [
        ("1 return overdue", "subgroups/my-returns/?show=overdue"),
        ("1 return sent back to you", "subgroups/my-returns/?show=sent_back"),
        ("1 return due", "subgroups/my-returns/?show=due"),
        ("1 report section assigned to you", "reports/2000-01/?mine=1"),
    ],
    "board_member": [
        ("1 action overdue", "actions/?mine=1&overdue=1"),
        ("1 action due in the next 14 days", "actions/?mine=1&due_soon=1"),
    ],
    "cdop_member": [("1 agency form outstanding", "reviews/cdop/cases/?forms=outstanding")],
    "scr_member": CLOCKS,
    "lay_member": [],
    "viewer": [],
}
CDOP_WORDS = ("agency form", "/reviews/cdop/cases/")


def waiting_lines(page: str) -> list[tuple[str, str]]:
    """(text, address) of each line in the "waiting for you" cards."""
    cards = re.findall(r'<div class="govuk-summary-card" id="waiting-.*?</ul>', page, re.S)
    return [
        (text, unescape(href))
        for card in cards
        for href, text in re.findall(r'<a class="govuk-link[^"]*" href="([^"]+)">([^<]+)</a>', card)
    ]


@pytest.fixture
def people(request, board):
    return {name: request.getfixturevalue(name) for name in PERSONAS}


@pytest.fixture
def waiting(monkeypatch, board, people):
    pin_today(monkeypatch)
    everything_waiting(board, people, 1)
    return people


def home_of(client_for, user, board) -> str:
    return client_for(user).get(reverse("board-detail", args=[board.slug])).content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_role_sees_what_waits_for_it_with_links_to_those_records(
    persona, waiting, board, client_for
):
    client = client_for(waiting[persona])
    page = client.get(reverse("board-detail", args=[board.slug])).content.decode()
    prefix = reverse("board-detail", args=[board.slug])
    expected = [(text, prefix + href) for text, href in EXPECTED[persona]]
    assert waiting_lines(page) == expected
    assert ("Nothing is waiting for you" in page) == (not expected)
    # Below, the links the overview always had; above, the next meeting and its papers.
    assert "Everything you can open" in page and "Partner agencies" in page
    assert "Board development day" in page and "Paper 00" in page
    for _text, href in expected:  # each line opens a page this person may see
        assert client.get(href).status_code == 200, href


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "cdop_member"])
def test_no_other_role_is_told_of_child_death_forms_not_even_a_count(
    persona, waiting, board, client_for
):
    with CaptureQueriesContext(connection) as queries:
        page = home_of(client_for, waiting[persona], board)
    assert not any(word in page for word in CDOP_WORDS)
    assert not any("child_deaths_" in query["sql"] for query in queries.captured_queries)


def test_the_lines_lead_to_lists_showing_exactly_those_records(waiting, board, client_for):
    chair = client_for(waiting["subgroup_chair"])
    due = chair.get(f"/boards/{board.slug}/subgroups/my-returns/?show=due").content.decode()
    assert due.count("return for Sub-group 00") == 1 and "Q2 2026/27" in due
    member = client_for(waiting["board_member"])
    overdue = member.get(f"/boards/{board.slug}/actions/?mine=1&overdue=1")
    assert len(overdue.context["page"].object_list) == 1
    manager = client_for(waiting["manager"])
    awaiting = manager.get(f"/boards/{board.slug}/subgroups/completeness/?awaiting=1")
    assert [r.status for r in awaiting.context["awaiting"]] == ["submitted"]
    cdop = client_for(waiting["cdop_member"])
    cases = cdop.get(f"/boards/{board.slug}/reviews/cdop/cases/?forms=outstanding")
    assert len(cases.context["page"].object_list) == 1


def test_the_home_costs_the_same_queries_with_1_and_20_records_of_each_kind(
    monkeypatch, board, people, client_for
):
    pin_today(monkeypatch)
    everything_waiting(board, people, 1)
    clients = {name: client_for(user) for name, user in people.items()}
    url = reverse("board-detail", args=[board.slug])

    def queries_per_persona() -> dict[str, int]:
        counts = {}
        for name, client in clients.items():
            client.get(url)  # the session's first read is not the page's cost
            with CaptureQueriesContext(connection) as queries:
                page = client.get(url).content.decode()
            counts[name] = len(queries)
            counts[f"{name} lines"] = [text.split(" ", 1)[1] for text, _ in waiting_lines(page)]
        return counts

    few = queries_per_persona()
    everything_waiting(board, people, 19, start=1)
    many = queries_per_persona()
    for name in PERSONAS:
        assert many[name] == few[name], name
        assert len(many[f"{name} lines"]) == len(few[f"{name} lines"]), name
    # The counts did grow: "20 returns due" where there was "1 return due".
    home = clients["subgroup_chair"].get(url).content.decode()
    assert "20 returns due" in home and "20 report sections assigned to you" in home


def test_nothing_waiting_says_so_and_keeps_the_overview_links(board, lay_member, client_for):
    page = home_of(client_for, lay_member, board)
    assert "Nothing is waiting for you" in page
    assert "Everything you can open" in page
    assert 'href="/boards/testshire/sections/assurance/"' in page


def test_signing_in_with_one_board_lands_on_its_home(client, board_member, board):
    client.post(reverse("login"), {"username": board_member.email, "password": PASSWORD})
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url == reverse("board-detail", args=[board.slug])
    assert "Waiting for you" in client.get(response.url).content.decode()


def test_a_person_with_several_boards_still_chooses(client_for, board_member, board):
    elsewhere = BoardFactory(name="Second Board", slug="second")
    RoleAssignmentFactory(user=board_member, board=elsewhere, role=Role.VIEWER)
    response = client_for(board_member).get(reverse("home"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your boards" in page and board.name in page and "Second Board" in page


@pytest.mark.parametrize(
    ("query", "shown"),
    [("show=everything", 4), ("show=", 4), ("show=%3Cscript%3E", 4), ("show=due", 1)],
)
def test_my_returns_ignores_a_filter_it_does_not_know(query, shown, waiting, board, client_for):
    client = client_for(waiting["subgroup_chair"])
    page = client.get(f"/boards/{board.slug}/subgroups/my-returns/?{query}")
    assert page.status_code == 200
    assert len(page.context["due"]) == shown
    assert "<script>" not in page.content.decode()


@pytest.mark.parametrize(
    "path",
    ["actions/?mine=yes&overdue=2&due_soon=x", "reviews/cdop/cases/?forms=%3Cb%3E",
     "reviews/case-reviews/dashboard/?clock=later", "reports/?state=nonsense&mine=0",
     "subgroups/completeness/?awaiting=no"],
)  # fmt: skip
def test_the_lists_ignore_filter_values_they_do_not_know(path, waiting, board, client_for):
    """Unknown values show the unfiltered list, as if no filter were given."""
    people = {"actions": "board_member", "reviews/cdop": "cdop_member",
              "reviews/case": "scr_member", "reports": "chair", "subgroups": "manager"}  # fmt: skip
    persona = next(p for prefix, p in people.items() if path.startswith(prefix))
    client = client_for(waiting[persona])
    base = f"/boards/{board.slug}/"
    filtered = client.get(base + path)
    plain = client.get(base + path.split("?")[0])
    assert filtered.status_code == 200
    assert _listed(filtered) == _listed(plain)


def _listed(response) -> list:
    context = response.context
    for key in ("page", "at_risk", "reports", "awaiting"):
        if key in context and context[key] is not None:
            value = context[key]
            return [str(item) for item in getattr(value, "object_list", value)]
    return []

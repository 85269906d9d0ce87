"""The API answers no more than the pages do, generated from the permission matrix.

For every API endpoint with a page counterpart (PAGE_COUNTERPART in
tests/security/api_counterparts.py) and every persona: the matrix entries agree, the live
API (with the persona's token) refuses exactly where the live page (signed in) refuses,
and every row a list answers is one the persona could open on its page. Only how "sign in
first" is said differs: 401 from the API, a redirect to the sign-in page from a page.
"""

from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse

from api.services import api_token_create
from board.models import Role

from ..factories import BoardFactory, UserFactory, signed_in_client, user_with_role
from ..matrix import PERSONAS, all_entries
from .api_counterparts import API_ONLY, PAGE_COUNTERPART, PARITY_API_KWARGS

ENTRIES = all_entries()
API_ENDPOINTS = sorted(name for name in ENTRIES if name.startswith("api:"))
SIGNED_OUT = {"anonymous", "deactivated"}
OTHER_BOARD = {"outsider", "other_board_manager", "host_admin"}  # no role on the board


def test_every_api_endpoint_has_a_page_counterpart_or_a_reason():
    missing = [name for name in API_ENDPOINTS if name not in PAGE_COUNTERPART | API_ONLY]
    assert not missing, f"add these to PAGE_COUNTERPART or API_ONLY: {missing}"
    assert not set(PAGE_COUNTERPART) & set(API_ONLY)
    assert all(reason.strip() for reason in API_ONLY.values())
    pages = {counterpart.page for counterpart in PAGE_COUNTERPART.values()}
    assert pages <= set(ENTRIES), "a counterpart names a page the matrix does not know"


def expected_outcome(rule, persona: str) -> str:
    """What the matrix says a persona gets: sign in, 404, 403, or served (whatever the
    endpoint answers once past the checks: a page, JSON, 415 for a form post...)."""
    if rule.kind == "public":
        return "served"
    if persona in SIGNED_OUT:
        return "sign in"
    if persona in OTHER_BOARD and rule.kind in {"board", "api_board"}:
        return "404"
    return "served" if rule.serves(persona) else str(rule.expected(persona))


def outcome(response) -> str:
    code = response.status_code
    if code == 401 or (code == 302 and response.url.startswith(reverse("login"))):
        return "sign in"
    return str(code) if code in {403, 404} else "served"


@pytest.mark.parametrize("api_name", sorted(PAGE_COUNTERPART))
def test_the_matrix_gives_the_api_and_its_page_the_same_refusals(api_name):
    api_rule, page_rule = ENTRIES[api_name], ENTRIES[PAGE_COUNTERPART[api_name].page]
    wrong = [
        f"{persona}: API {expected_outcome(api_rule, persona)}, "
        f"page {expected_outcome(page_rule, persona)}"
        for persona in PERSONAS
        if expected_outcome(api_rule, persona) != expected_outcome(page_rule, persona)
    ]
    assert not wrong, f"{api_name} vs {PAGE_COUNTERPART[api_name].page}\n" + "\n".join(wrong)


@pytest.fixture
def context(db):
    board, other_board = BoardFactory(), BoardFactory()
    users = {role.value: user_with_role(board, role) for role in Role}
    users["outsider"] = UserFactory()
    users["other_board_manager"] = user_with_role(other_board, Role.BOARD_MANAGER)
    users["deactivated"] = user_with_role(board, Role.BOARD_MANAGER, is_active=False)
    users["host_admin"] = UserFactory(is_host_admin=True)
    return SimpleNamespace(board=board, users=users)


def clients(persona: str, context) -> tuple[Client, Client]:
    """(API client with the persona's token, page client signed in as the persona)."""
    if persona == "anonymous":
        return Client(), Client()
    user = context.users[persona]
    _, secret = api_token_create(user=user, name="parity", valid_days=None)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}"), signed_in_client(user)


def call(client: Client, rule, url: str):
    return getattr(client, rule.method)(url, rule.data)


def listed_rows(response) -> list[dict]:
    body = response.json()
    return body["results"] if isinstance(body, dict) and "results" in body else []


@pytest.mark.parametrize("api_name", sorted(PAGE_COUNTERPART))
def test_the_api_refuses_where_its_page_refuses_and_lists_only_what_pages_open(api_name, context):
    counterpart = PAGE_COUNTERPART[api_name]
    api_rule, page_rule = ENTRIES[api_name], ENTRIES[counterpart.page]
    if counterpart.rows:
        counterpart.rows(context)
    api_kwargs = PARITY_API_KWARGS.get(api_name, api_rule.kwargs)(context)
    page_kwargs = (counterpart.page_kwargs or (lambda c, _: page_rule.kwargs(c)))(
        context, api_kwargs
    )
    api_url = reverse(api_name, kwargs=api_kwargs)
    page_url = reverse(counterpart.page, kwargs=page_kwargs)
    wrong, rows_seen = [], 0
    for persona in PERSONAS:
        api_client, page_client = clients(persona, context)
        api_response = call(api_client, api_rule, api_url)
        page_response = call(page_client, page_rule, page_url)
        if outcome(api_response) != outcome(page_response):
            wrong.append(
                f"{persona}: API {api_response.status_code}, page {page_response.status_code}"
            )
        if counterpart.row_page is None or outcome(api_response) != "served":
            continue
        for row in listed_rows(api_response):
            rows_seen += 1
            name, kwargs = counterpart.row_page(row)
            row_url = reverse(name, kwargs={"board_slug": context.board.slug, **kwargs})
            if outcome(page_client.get(row_url)) != "served":
                wrong.append(f"{persona}: listed {row['id']}, which {row_url} refuses them")
    assert not wrong, f"{api_url} vs {page_url}\n" + "\n".join(wrong)
    if counterpart.row_page is not None:
        assert rows_seen, "the list answered no rows: the row check proved nothing"

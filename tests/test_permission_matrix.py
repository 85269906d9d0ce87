"""Every named URL x every persona -> the expected status. See tests/matrix/."""

from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from board.models import Role

from .factories import BoardFactory, UserFactory, signed_in_client, user_with_role
from .matrix import PERSONAS, all_entries

# The Django admin guards itself (staff only); it is tested by Django, not listed here.
EXCLUDED_NAMESPACES = {"admin"}
ENTRIES = all_entries()


def named_urls(patterns=None, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in EXCLUDED_NAMESPACES:
                continue
            prefix = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= named_urls(pattern.url_patterns, prefix)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_named_url_has_a_matrix_entry():
    missing = named_urls() - set(ENTRIES)
    assert not missing, f"add these URLs to tests/matrix/: {sorted(missing)}"


def test_the_matrix_names_no_url_that_does_not_exist():
    assert not set(ENTRIES) - named_urls()


@pytest.fixture
def context(db):
    board = BoardFactory()
    other_board = BoardFactory()
    users = {role.value: user_with_role(board, role) for role in Role}
    users["outsider"] = UserFactory()
    users["other_board_manager"] = user_with_role(other_board, Role.BOARD_MANAGER)
    users["deactivated"] = user_with_role(board, Role.BOARD_MANAGER, is_active=False)
    users["host_admin"] = UserFactory(is_host_admin=True)
    return SimpleNamespace(board=board, users=users)


def client_as(persona: str, context) -> Client:
    if persona == "anonymous":
        return Client()
    return signed_in_client(context.users[persona])


@pytest.mark.parametrize("url_name", sorted(ENTRIES))
def test_each_persona_gets_the_expected_answer(url_name, context):
    """One URL, every persona (the set-up is shared; every mismatch is reported)."""
    rule = ENTRIES[url_name]
    url = reverse(url_name, kwargs=rule.kwargs(context))
    wrong = []
    for persona in PERSONAS:
        response = getattr(client_as(persona, context), rule.method)(url, rule.data)
        expected = rule.expected(persona)
        sent_elsewhere = (
            response.status_code == 302
            and persona in {"anonymous", "deactivated"}
            and not response.url.startswith(reverse("login"))
        )
        if response.status_code != expected:
            wrong.append(f"{persona}: {response.status_code}, expected {expected}")
        elif sent_elsewhere:
            wrong.append(f"{persona}: redirected to {response.url}, not to sign in")
    assert not wrong, f"{url}\n" + "\n".join(wrong)

"""Restricted pages, downloads and API answers must not be kept by the browser or a
shared cache: after signing out on a shared computer, Back must not show a CDOP case.
Every URL of the permission matrix is opened as a persona it answers 200 to."""

from types import SimpleNamespace

from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.matrix import PERSONAS, all_entries
from tests.test_permission_matrix import client_as, context  # noqa: F401 (a fixture)

SIGNED_IN_KINDS = {"board", "api_board", "api", "login"}


def first_persona_let_in(rule) -> str | None:
    signed_in = [p for p in PERSONAS if p not in {"anonymous", "deactivated"}]
    return next((p for p in signed_in if rule.expected(p) == 200), None)


def test_every_page_answered_to_a_signed_in_person_is_not_stored(context):  # noqa: F811
    pages = []
    for name, rule in sorted(all_entries().items()):
        persona = first_persona_let_in(rule)
        if rule.kind in SIGNED_IN_KINDS and rule.method == "get" and persona is not None:
            pages.append((name, rule, persona))
    assert len(pages) > 200
    # One signed-in client per persona, made before the pages' own records.
    clients: dict[str, Client] = {p: client_as(p, context) for _, _, p in pages}
    stored = []
    for name, rule, persona in pages:
        # Each page's records (and the context's note of them) go after it, as if each
        # page had its own test.
        with transaction.atomic():
            url = reverse(name, kwargs=rule.kwargs(SimpleNamespace(**vars(context))))
            response = clients[persona].get(url, rule.data)
            transaction.set_rollback(True)
        assert response.status_code == 200, f"{url} as {persona}: {response.status_code}"
        if "no-store" not in response.get("Cache-Control", ""):
            stored.append(f"{url}: {response.get('Cache-Control')!r}")
    assert not stored, "\n".join(stored)


def test_api_answers_are_not_stored_even_without_credentials(client, board):
    response = client.get(reverse("api:agency-list", kwargs={"board_slug": board.slug}))
    assert response.status_code == 401
    assert "no-store" in response["Cache-Control"]

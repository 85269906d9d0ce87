"""One confirmation page before every deletion, removal or revocation, in every app."""

import pytest
from django.urls import reverse

from api.services import api_token_create
from board.models import Role
from tests.factories import signed_in_client

from .pages import ENTRIES, board_context, open_as_allowed

DESTRUCTIVE = ("-delete", "-remove", "-revoke")
DELETES = sorted(
    name for name in ENTRIES if name.endswith(DESTRUCTIVE) and name != "api:token-revoke"
)
ONE_PAGE = "includes/confirm_delete.html"


def _asks(response) -> None:
    assert response.status_code == 200
    assert ONE_PAGE in [t.name for t in response.templates]
    html = response.content.decode()
    assert 'method="post"' in html and "govuk-button--warning" in html
    assert "govuk-back-link" in html and ">Cancel</a>" in html


@pytest.mark.parametrize("name", DELETES)
def test_each_delete_asks_on_the_one_confirmation_page(db, name):
    _asks(open_as_allowed(name, board_context()))


def test_revoking_a_token_asks_on_the_one_confirmation_page(db):
    context = board_context()
    user = context.users[Role.BOARD_MANAGER.value]
    token, _secret = api_token_create(user=user, name="Returns feed", valid_days=30)
    url = reverse("api:token-revoke", kwargs={"token_id": token.pk})
    response = signed_in_client(user).get(url)
    _asks(response)
    assert "Revoke the token “Returns feed”?" in response.content.decode()


def test_there_are_deletes_to_check():
    assert len(DELETES) >= 15
    assert any(
        name.startswith(("child_deaths:", "case_reviews:", "assurance:")) for name in DELETES
    )

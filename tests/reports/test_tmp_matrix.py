from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse

from board.models import Role
from tests.factories import BoardFactory, UserFactory, signed_in_client, user_with_role
from tests.matrix import PERSONAS
from tests.matrix.reports import ENTRIES


@pytest.fixture
def context(db):
    board = BoardFactory()
    other_board = BoardFactory()
    users = {role.value: user_with_role(board, role) for role in Role}
    users["outsider"] = UserFactory()
    users["other_board_manager"] = user_with_role(other_board, Role.BOARD_MANAGER)
    users["deactivated"] = user_with_role(board, Role.BOARD_MANAGER, is_active=False)
    return SimpleNamespace(board=board, users=users)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url_name", sorted(ENTRIES))
def test_each(url_name, persona, context):
    rule = ENTRIES[url_name]
    url = reverse(url_name, kwargs=rule.kwargs(context))
    client = Client() if persona == "anonymous" else signed_in_client(context.users[persona])
    response = getattr(client, rule.method)(url, rule.data)
    assert response.status_code == rule.expected(persona), f"{persona} at {url}"

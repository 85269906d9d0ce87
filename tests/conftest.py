"""Named personas, built once per test: everyone but `outsider` and `other_board_manager`
works on `board`. Use them by name: `def test_it_requires_a_role(client, outsider)`."""

from copy import deepcopy
from uuid import uuid4

import pytest
from django.test import Client, override_settings
from django_scopes import scopes_disabled

from board.models import Role

from .factories import BoardFactory, UserFactory, signed_in_client, user_with_role


@pytest.fixture(autouse=True)
def _a_cache_of_its_own(settings):
    """Each test counts its rate limits (password reset, the API) from zero: with REDIS_URL
    set the cache is Redis, which outlives a test, so each test gets its own key prefix."""
    caches = deepcopy(settings.CACHES)
    caches["default"]["KEY_PREFIX"] = f"test-{uuid4().hex}"
    settings.CACHES = caches


@pytest.fixture(scope="session", autouse=True)
def media_root_per_worker(tmp_path_factory):
    """Files that tests store (uploads, rendered reports) go to this pytest process's own
    temporary directory, never to the shared var/media: under pytest-xdist each worker has
    its own, as it has its own database and Redis database (lscb/settings_test.py)."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(autouse=True)
def _test_code_runs_unscoped():
    """Factories and assertions read and write any board's records. A request through the
    test client, and a task, still start unscoped and open their board's scope themselves
    (board/scoping.py), so a page or task that forgets to fails here as in production."""
    with scopes_disabled():
        yield


@pytest.fixture
def board(db):
    return BoardFactory(name="Testshire Safeguarding Children Board", slug="testshire")


@pytest.fixture
def other_board(db):
    return BoardFactory(name="Elsewhere Safeguarding Children Board", slug="elsewhere")


def _persona(role: Role, name: str):
    @pytest.fixture
    def fixture(board):
        return user_with_role(board, role, full_name=name, email=f"{name.lower()}@example.org")

    return fixture


manager = _persona(Role.BOARD_MANAGER, "Manager")
chair = _persona(Role.INDEPENDENT_CHAIR, "Chair")
subgroup_chair = _persona(Role.SUBGROUP_CHAIR, "Subgroupchair")
board_member = _persona(Role.BOARD_MEMBER, "Member")
cdop_member = _persona(Role.CDOP_MEMBER, "Cdop")
scr_member = _persona(Role.SCR_MEMBER, "Scr")
lay_member = _persona(Role.LAY_MEMBER, "Lay")
viewer = _persona(Role.VIEWER, "Viewer")
scrutineer = _persona(Role.SCRUTINEER, "Scrutineer")


@pytest.fixture
def outsider(db):
    """Signed in, but holds no role on any board."""
    return UserFactory(full_name="Outsider", email="outsider@example.org")


@pytest.fixture
def other_board_manager(other_board):
    return user_with_role(
        other_board, Role.BOARD_MANAGER, full_name="Other Manager", email="other@example.org"
    )


@pytest.fixture
def deactivated(board):
    """A former board manager whose account has been switched off."""
    user = user_with_role(board, Role.BOARD_MANAGER, full_name="Former", email="former@example.org")
    user.is_active = False
    user.save()
    return user


@pytest.fixture
def client_for(db):
    """A signed-in client for a persona, two-factor sign-in done: `client_for(manager)`."""

    def make(user) -> Client:
        return signed_in_client(user)

    return make

"""The ORM guards tenancy (board/scoping.py, django-scopes): a board-owned record can only
be read inside its board's scope, which the access layer and every task open. What is
checked: outside a scope a read fails loudly rather than returning every board's rows;
inside one the manager itself filters to the board (django-scopes adds the filter, it
does not merely check that a scope is set); and every board-owned model is guarded."""

import pytest
from celery import shared_task
from django.apps import apps
from django_scopes import ScopeError, scope

from board.models import Action, Agency, BoardOwnedModel
from board.scoping import across_boards, for_board, is_board_scoped, unscoped
from lscb.celery import app
from subgroups.models import SubGroup
from tests.factories import AgencyFactory

# Built at import, outside any scope, as a form's choices or a viewset's queryset are.
AGENCIES_BY_NAME = Agency.objects.order_by("name")


@pytest.fixture
def two_boards_agencies(board, other_board):
    return AgencyFactory(board=board, name="Ours"), AgencyFactory(board=other_board, name="Theirs")


@pytest.mark.parametrize(
    "read",
    [
        lambda: list(Action.objects.all()),
        lambda: Action.objects.count(),
        lambda: Action.objects.exists(),
        lambda: Action.objects.filter(description="x").first(),
        lambda: Action.objects.open().first(),  # the model's own queryset methods too
        lambda: Action.objects.filter(description="x").update(description="y"),
        lambda: Action.objects.all().delete(),
        lambda: list(Agency.objects.filter(id__in=Action.objects.values("owner_agency"))),
    ],
    ids=["list", "count", "exists", "first", "custom", "update", "delete", "subquery"],
)
def test_a_board_record_read_outside_a_scope_raises(db, read):
    with unscoped(), pytest.raises(ScopeError):
        read()


def test_inside_a_scope_the_manager_itself_filters_to_the_board(board, two_boards_agencies):
    ours, _theirs = two_boards_agencies
    with unscoped(), scope(board=board):
        assert list(Agency.objects.all()) == [ours]  # no board= in the query: the scope adds it
        assert list(AGENCIES_BY_NAME) == [ours]  # built before the scope, scoped when run
        assert list(board.agencies.all()) == [ours]  # a related manager is scoped too
        assert Agency.objects.filter(name="Theirs").count() == 0


def test_a_related_manager_outside_a_scope_raises(board):
    with unscoped(), pytest.raises(ScopeError):
        list(board.agencies.all())


# Models with a board that are read across boards on purpose, with the reason.
UNSCOPED = {
    "board.RoleAssignment": "the access layer reads it to find the board, before any scope",
    "board.RoleGrant": "who granted a role: read with the assignments, across boards",
    "board.AuditEntry": "written by django-auditlog's signals; read through the board",
    "api.IdempotentRequest": "a write's replay record, not a board record: looked up by "
    "person, board and endpoint together (api/idempotency.py)",
}
BOARD_OWNED = [
    model
    for model in apps.get_models()
    if any(field.name == "board" for field in model._meta.get_fields())
    and model._meta.label not in UNSCOPED
]


def test_the_check_below_sees_every_model_with_a_board():
    board_owned = {m for m in apps.get_models() if issubclass(m, BoardOwnedModel)}
    assert board_owned | {Agency, SubGroup} == set(BOARD_OWNED)


@pytest.mark.parametrize("model", BOARD_OWNED, ids=lambda model: model._meta.label)
def test_every_board_owned_model_has_a_scoped_default_manager(db, model):
    assert is_board_scoped(model._default_manager), f"{model._meta.label}: objects is not scoped"
    with unscoped(), pytest.raises(ScopeError):
        model._default_manager.exists()


# --- requests: the test client runs the page with the scope the access layer opens ------


@pytest.mark.urls("tests.security.tenancy_urls")
def test_a_page_that_forgets_the_access_layer_fails_even_in_tests(client_for, manager, board):
    # The test itself runs with scopes disabled (tests/conftest.py); the request does not.
    with pytest.raises(ScopeError):
        client_for(manager).get(f"/boards/{board.slug}/forgets/")


@pytest.mark.urls("tests.security.tenancy_urls")
def test_a_page_behind_the_access_layer_sees_only_its_board(
    client_for, manager, board, two_boards_agencies
):
    response = client_for(manager).get(f"/boards/{board.slug}/counts/")
    assert response.content == b"1"


@pytest.mark.urls("tests.security.tenancy_urls")
def test_the_scope_stays_open_while_the_template_renders(
    client_for, manager, board, two_boards_agencies
):
    response = client_for(manager).get(f"/boards/{board.slug}/names/")
    assert response.content == b"Ours;"


# --- tasks --------------------------------------------------------------------------------


@shared_task
def _forgets_its_board():
    return Agency.objects.count()


@shared_task
@for_board()
def _counts_agencies(board_id):
    return Agency.objects.count()


@shared_task
@for_board(Agency)
def _counts_agencies_of_the_board_of(agency_id):
    return Agency.objects.count()


@shared_task
@across_boards
def _counts_every_boards_agencies():
    return Agency.objects.count()


def test_a_task_that_opens_no_scope_fails_even_in_tests(board, two_boards_agencies):
    with pytest.raises(ScopeError):
        _forgets_its_board()


def test_a_task_for_one_board_sees_only_that_board(board, two_boards_agencies):
    ours, _theirs = two_boards_agencies
    assert _counts_agencies(str(board.id)) == 1
    assert _counts_agencies_of_the_board_of(str(ours.id)) == 1
    assert _counts_every_boards_agencies() == 2


OUR_APPS = ("core.", "board.", "subgroups.", "datasets.", "reviews.", "reports.", "api.", "lscb.")


def test_every_task_of_ours_says_which_boards_it_works_on():
    app.loader.import_default_modules()
    ours = [task for name, task in app.tasks.items() if name.startswith(OUR_APPS)]
    assert ours
    undeclared = [task.name for task in ours if not hasattr(task.run, "board_scope")]
    assert undeclared == []

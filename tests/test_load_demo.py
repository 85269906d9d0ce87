from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from board.demo import DEMO_AGENCIES, DEMO_USERS, DEVELOPMENT_PASSWORD
from board.models import ALL_ROLES, Agency, Board, RoleAssignment, User
from subgroups.demo import DEMO_SUBGROUPS
from subgroups.models import SubGroup


def password_accepted(client, email: str, password: str) -> bool:
    """Sign in through the real form (the lockout backend needs the request)."""
    client.post(reverse("login"), {"username": email, "password": password})
    return "_auth_user_id" in client.session


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts() -> dict:
    return {
        model.__name__: model.objects.count()
        for model in (Board, Agency, SubGroup, User, RoleAssignment)
    }


def test_load_demo_builds_the_croydon_board_with_a_user_per_role(db):
    load_demo()
    board = Board.objects.get(slug="croydon")
    assert board.agencies.count() == len(DEMO_AGENCIES) == 18
    assert board.subgroups.count() == len(DEMO_SUBGROUPS)
    qapp = "Quality Assurance Practice and Performance"
    assert board.subgroups.get(name="Learning and Development").parent.name == qapp
    assert {a.role for a in board.role_assignments.all()} == ALL_ROLES
    assert len(DEMO_USERS) == len(ALL_ROLES)


def test_load_demo_twice_changes_nothing(db):
    load_demo()
    first = counts()
    load_demo()
    assert counts() == first


def test_demo_passwords_are_printed_and_work_only_in_development(db, settings, client):
    settings.SHOW_DEMO_PASSWORDS = True
    output = load_demo()
    assert "manager@demo.lscb.example" in output and DEVELOPMENT_PASSWORD in output
    assert password_accepted(client, "manager@demo.lscb.example", DEVELOPMENT_PASSWORD)


def test_outside_development_demo_passwords_are_secret(db, settings, client):
    settings.SHOW_DEMO_PASSWORDS = False
    output = load_demo()
    assert DEVELOPMENT_PASSWORD not in output
    assert not password_accepted(client, "manager@demo.lscb.example", DEVELOPMENT_PASSWORD)

from datetime import timedelta
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


def test_demo_two_factor_keys_are_printed_and_codes_shown_only_in_development(db, settings):
    import pytest
    from django.core.management.base import CommandError
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from board import demo_two_factor
    from lscb.two_factor import PRIVILEGED_ROLES

    assert demo_two_factor.ROLES_WITH_TWO_FACTOR == PRIVILEGED_ROLES
    settings.DEBUG = settings.SHOW_DEMO_PASSWORDS = True
    output = load_demo()
    assert "demo_code" in output and "manager@demo.lscb.example" in output
    out = StringIO()
    call_command("demo_code", "manager@demo.lscb.example", stdout=out)
    code = out.getvalue().strip()
    device = TOTPDevice.objects.get(
        user__email="manager@demo.lscb.example", name=demo_two_factor.DEVICE_NAME
    )
    assert demo_two_factor.key_of(device) in output
    assert len(code) == 6 and device.verify_token(code)
    # Never a code for an account that is not the demo's.
    with pytest.raises(CommandError):
        call_command("demo_code", "someone@example.org")

    settings.DEBUG = settings.SHOW_DEMO_PASSWORDS = False
    assert "demo_code" not in load_demo()
    with pytest.raises(CommandError, match="only in development"):
        call_command("demo_code", "manager@demo.lscb.example")


def test_the_demo_has_a_current_year_dated_from_today(db):
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from board.models import Action, Meeting
    from core.periods import FinancialYear
    from reviews.case_reviews.models import CaseReview
    from reviews.child_deaths.models import AgencyForm
    from subgroups.models import QuarterlyReturn

    load_demo()
    today = timezone.localdate()
    year = FinancialYear.containing(today)
    with scopes_disabled():
        assert Meeting.objects.filter(date__gt=today, papers__isnull=False).exists()
        assert Meeting.objects.filter(date__range=(year.start, today)).exists()
        assert Action.objects.filter(due_date__lt=today, status__in=["at_risk"]).exists()
        assert Action.objects.filter(due_date__range=(today, today + timedelta(days=30))).exists()
        waiting = AgencyForm.objects.filter(received_on=None, case__closed_on=None)
        assert waiting.filter(requested_on__gte=today - timedelta(days=7)).exists()
        assert CaseReview.objects.filter(
            decision="initiate", decision_on__gte=today - timedelta(days=60)
        ).exists()
        assert QuarterlyReturn.objects.filter(
            period_start__gte=today - timedelta(days=200)
        ).exists()
    # Again, on the same day: nothing added.
    first = {m.__name__: m.objects.count() for m in (Meeting, Action, CaseReview, QuarterlyReturn)}
    with scopes_disabled():
        load_demo()
        assert first == {
            m.__name__: m.objects.count() for m in (Meeting, Action, CaseReview, QuarterlyReturn)
        }


def test_after_load_demo_the_pages_kept_by_year_open_on_this_year_with_records(db):
    from board import demo_live
    from core.years import this_year
    from tests.factories import signed_in_client

    load_demo()
    board = Board.objects.get(slug="croydon")
    client = signed_in_client(User.objects.get(email="manager@demo.lscb.example"))
    label = this_year().label
    expected = {
        "meeting-list": demo_live.HELD_TITLE,
        "attendance-report": "1 board meeting",
        "plan": demo_live.PRIORITY,
        "budget": "Employee costs",
        "training-summary": demo_live.COURSE,
        "training-session-list": demo_live.SESSION_PLACE,
        "subgroups:completeness": "Health",
        "child_deaths:cdop-statistics": label,
    }
    for name, marker in expected.items():
        response = client.get(reverse(name, kwargs={"board_slug": board.slug}))
        text = response.content.decode()
        assert response.status_code == 200, name
        assert label in text and marker in text, name


def test_the_manager_signs_in_with_the_printed_password_and_the_demo_code(db, settings, client):
    """`make run`'s promise: the manager's pages open without a phone."""
    settings.DEBUG = settings.SHOW_DEMO_PASSWORDS = True
    load_demo()
    email = "manager@demo.lscb.example"
    assert password_accepted(client, email, DEVELOPMENT_PASSWORD)
    board_page = reverse("board-detail", kwargs={"board_slug": "croydon"})
    assert client.get(board_page).status_code == 302  # held for the code
    out = StringIO()
    call_command("demo_code", email, stdout=out)
    answer = client.post(reverse("two-factor"), {"code": out.getvalue().strip()})
    assert answer.status_code == 302
    assert client.get(board_page).status_code == 200


def test_the_partnership_demo_board_has_an_incident_in_rapid_review_a_cspr_and_a_report(db):
    """The whole demo, not each app's step alone: the partnership board made by board's
    demo is found by the case review and report steps that run after it."""
    from django_scopes import scope

    from reports.models import AnnualReport, ReportKind
    from reports.yearly.checklist import checklist
    from reviews.case_reviews.models import CaseReview, ReviewType
    from reviews.case_reviews.selectors.incidents import (
        IN_RAPID_REVIEW,
        REVIEW_RUNNING,
        incident_stage,
        incidents_for_clocks,
    )

    load_demo()
    board = Board.objects.get(slug="croydon-partnership")
    with scope(board=board):
        stages = [incident_stage(i) for i in incidents_for_clocks(board=board)]
        assert IN_RAPID_REVIEW in stages and REVIEW_RUNNING in stages
        assert CaseReview.objects.filter(board=board, review_type=ReviewType.PRACTICE_REVIEW)
        report = AnnualReport.objects.get(board=board, kind=ReportKind.PARTNERSHIP)
        missing = [row.item.key for row in checklist(report) if not row.satisfied]
    assert missing == ["voice"]

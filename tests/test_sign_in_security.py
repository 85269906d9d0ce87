"""Two-factor sign-in, lockout after repeated failures, idle sessions, deactivation."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from .factories import PASSWORD


def board_url(board) -> str:
    return reverse("board-detail", kwargs={"board_slug": board.slug})


def password_only_client(user, ip: str = "10.0.0.1") -> Client:
    client = Client(REMOTE_ADDR=ip)
    client.post(reverse("login"), {"username": user.email, "password": PASSWORD})
    assert "_auth_user_id" in client.session
    return client


def test_a_manager_is_held_at_the_code_page_until_two_factor_is_done(manager, board):
    client = password_only_client(manager)
    response = client.get(board_url(board))
    assert response.status_code == 302
    assert response.url == f"{reverse('two-factor')}?next=%2Fboards%2F{board.slug}%2F"
    # With no app yet, the code page sends them to set one up.
    assert client.get(response.url).url.startswith(reverse("two-factor-setup"))


@pytest.mark.parametrize("persona", ["chair", "subgroup_chair", "cdop_member", "scr_member"])
def test_every_sensitive_role_needs_two_factor(persona, board, request):
    user = request.getfixturevalue(persona)
    response = password_only_client(user).get(board_url(board))
    assert response.url.startswith(reverse("two-factor"))


@pytest.mark.parametrize("persona", ["board_member", "lay_member", "viewer"])
def test_other_roles_may_sign_in_with_a_password_alone(persona, board, request):
    user = request.getfixturevalue(persona)
    assert password_only_client(user).get(board_url(board)).status_code == 200


def test_setting_up_the_app_confirms_it_and_completes_sign_in(chair, board):
    client = password_only_client(chair)
    page = client.get(reverse("two-factor-setup")).content.decode()
    assert "<svg" in page and "QR code for your authenticator app" in page
    device = TOTPDevice.objects.get(user=chair, confirmed=False)

    wrong = client.post(reverse("two-factor-setup"), {"code": "12345"})
    assert "Enter the code as 6 digits" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=chair, confirmed=True).exists()

    response = client.post(
        f"{reverse('two-factor-setup')}?next=/boards/{board.slug}/",
        {"code": f"{totp(device.bin_key):06d}"},
    )
    assert response.url == board_url(board)
    assert TOTPDevice.objects.get(user=chair).confirmed
    assert client.get(board_url(board)).status_code == 200


def test_a_wrong_code_is_refused_and_nothing_is_unlocked(manager, board):
    TOTPDevice.objects.create(user=manager, name="Phone", confirmed=True)
    client = password_only_client(manager)
    response = client.post(reverse("two-factor"), {"code": "000000"})
    assert "The code is not correct" in response.content.decode()
    assert client.get(board_url(board)).status_code == 302


def test_the_code_page_never_redirects_to_another_site(manager):
    device = TOTPDevice.objects.create(user=manager, name="Phone", confirmed=True)
    client = password_only_client(manager)
    response = client.post(
        f"{reverse('two-factor')}?next=https://attacker.example/",
        {"code": f"{totp(device.bin_key):06d}"},
    )
    assert response.url == reverse("home")


def test_anyone_may_choose_two_factor_and_is_then_asked_for_codes(board_member, board):
    client = password_only_client(board_member)
    assert client.get(reverse("two-factor-setup")).status_code == 200
    device = TOTPDevice.objects.get(user=board_member)
    client.post(reverse("two-factor-setup"), {"code": f"{totp(device.bin_key):06d}"})
    later = password_only_client(board_member, ip="10.0.0.2")
    assert later.get(board_url(board)).url.startswith(reverse("two-factor"))


def fail_to_sign_in(client, user, times: int) -> None:
    for _ in range(times):
        client.post(reverse("login"), {"username": user.email, "password": "wrong-password!"})


def test_five_failures_lock_that_address_out_even_with_the_right_password(board_member):
    client = Client(REMOTE_ADDR="10.0.0.9")
    fail_to_sign_in(client, board_member, 5)
    response = client.post(reverse("login"), {"username": board_member.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_changing_the_case_of_the_address_does_not_reset_the_count(board_member):
    client = Client(REMOTE_ADDR="10.0.0.9")
    fail_to_sign_in(client, board_member, 4)
    client.post(reverse("login"), {"username": board_member.email.upper(), "password": "nope!"})
    response = client.post(reverse("login"), {"username": board_member.email, "password": PASSWORD})
    assert response.status_code == 429


def test_a_lockout_cannot_keep_the_named_person_out_from_their_own_computer(board_member):
    fail_to_sign_in(Client(REMOTE_ADDR="10.6.6.6"), board_member, 5)
    password_only_client(board_member, ip="10.0.0.1")  # asserts the sign-in worked


def test_a_lockout_ends_after_the_cool_off(board_member):
    client = Client(REMOTE_ADDR="10.0.0.9")
    fail_to_sign_in(client, board_member, 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    password_only_client(board_member, ip="10.0.0.9")


def test_sessions_end_after_thirty_idle_minutes_and_each_request_extends_them(
    client_for, board_member, board, settings
):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    client = client_for(board_member)
    session = Session.objects.get(session_key=client.session.session_key)
    session.expire_date = timezone.now() + timedelta(minutes=5)
    session.save()
    client.get(board_url(board))
    renewed = Session.objects.get(session_key=session.session_key).expire_date
    assert renewed > timezone.now() + timedelta(minutes=29)

    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get(board_url(board)).status_code == 302


def test_deactivating_a_user_ends_their_session_at_once(client_for, board_member, board):
    client = client_for(board_member)
    assert client.get(board_url(board)).status_code == 200
    board_member.is_active = False
    board_member.save()
    assert client.get(board_url(board)).status_code == 302

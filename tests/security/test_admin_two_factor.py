"""The Django admin: a superuser made with `createsuperuser` holds no board role, yet the
admin reaches every record and account. It must ask for an authenticator code as the
service does, and it must never show anyone's authenticator key."""

from base64 import b32encode

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from board.models import User
from tests.factories import PASSWORD, signed_in_client

ADMIN_PAGES = ["admin:index", "admin:board_user_changelist", "admin:login"]


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser(
        email="root@example.org", password=PASSWORD, full_name="First Administrator"
    )


@pytest.fixture
def staff(db) -> User:
    return User.objects.create_user(
        email="staff@example.org", password=PASSWORD, full_name="Staff", is_staff=True
    )


def password_only(user: User) -> Client:
    client = Client()
    response = client.post(reverse("login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302, "the password was accepted"
    return client


@pytest.mark.parametrize("persona", ["superuser", "staff"])
@pytest.mark.parametrize("page", ADMIN_PAGES)
def test_an_administrator_with_a_password_alone_gets_no_admin_page(persona, page, request):
    client = password_only(request.getfixturevalue(persona))
    response = client.get(reverse(page), follow=True)
    assert response.redirect_chain, "sent on, not shown the admin"
    assert response.redirect_chain[0][0].startswith(reverse("two-factor"))
    # With no authenticator yet, they are taken to set one up.
    assert response.request["PATH_INFO"] == reverse("two-factor-setup")
    assert "QR code for your authenticator app" in response.content.decode()


def test_the_first_administrator_enrols_on_first_sign_in_then_reaches_the_admin(superuser):
    client = password_only(superuser)
    admin_url = reverse("admin:index")
    setup_page = client.get(admin_url, follow=True)
    assert setup_page.request["PATH_INFO"] == reverse("two-factor-setup")
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    done = client.post(
        f"{reverse('two-factor-setup')}?next={admin_url}", {"code": f"{totp(device.bin_key):06d}"}
    )
    assert done.url == admin_url
    assert client.get(admin_url).status_code == 200


def test_an_administrator_with_an_app_is_asked_for_a_code_each_sign_in(superuser):
    device = TOTPDevice.objects.create(user=superuser, name="Phone", confirmed=True)
    client = password_only(superuser)
    admin_url = reverse("admin:index")
    assert client.get(admin_url, follow=True).request["PATH_INFO"] == reverse("two-factor")
    assert client.get(admin_url).status_code == 302
    code = f"{totp(device.bin_key):06d}"
    client.post(f"{reverse('two-factor')}?next={admin_url}", {"code": code})
    assert client.get(admin_url).status_code == 200


def test_a_signed_in_person_who_is_not_staff_is_refused_not_sent_round_in_circles(
    client_for, board_member
):
    response = client_for(board_member).get(reverse("admin:index"), follow=True)
    assert response.status_code == 403


def test_signing_in_to_the_admin_uses_the_service_sign_in_page(client, db):
    response = client.get(reverse("admin:index"), follow=True)
    assert response.request["PATH_INFO"] == reverse("login")
    assert response.context["next"] == reverse("admin:index")


@pytest.fixture
def someones_device(manager) -> TOTPDevice:
    return TOTPDevice.objects.create(user=manager, name="Manager's phone", confirmed=True)


def test_the_admin_never_shows_an_authenticator_key(superuser, someones_device):
    client = signed_in_client(superuser)
    keys = [someones_device.key, b32encode(someones_device.bin_key).decode()]
    pages = [
        reverse("admin:otp_totp_totpdevice_changelist"),
        reverse("admin:otp_totp_totpdevice_change", args=[someones_device.pk]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200
        page = response.content.decode()
        assert not [key for key in keys if key.lower() in page.lower()], url
        assert "qrcode" not in page.lower()
    assert client.get(f"{pages[1]}config/").status_code in {302, 404}
    assert client.get(f"{pages[1]}qrcode/").status_code in {302, 404}


def test_an_administrator_can_remove_a_lost_authenticator(superuser, someones_device):
    client = signed_in_client(superuser)
    url = reverse("admin:otp_totp_totpdevice_delete", args=[someones_device.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not TOTPDevice.objects.filter(pk=someones_device.pk).exists()
    # A key can only be made by its owner, on the set-up page, so none is added here.
    assert client.get(reverse("admin:otp_totp_totpdevice_add")).status_code == 403

"""Signing in by e-mail, signing out, and resetting a forgotten password."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from board.models import User

from .factories import PASSWORD


def sign_in(client, email, password):
    return client.post(reverse("login"), {"username": email, "password": password})


def test_a_user_signs_in_with_their_email_in_any_case(client, manager):
    response = sign_in(client, "MANAGER@Example.org", PASSWORD)
    assert response.status_code == 302
    assert response.url == reverse("home")


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        ("manager@example.org", "wrong-password", "Enter a correct e-mail address and password"),
        ("", "", "Enter your e-mail address"),
        ("not-an-email", PASSWORD, "Enter a valid email address"),
        ("<script>alert(1)</script>", "x" * 5000, "Enter a valid email address"),
    ],
)
def test_a_bad_sign_in_shows_an_error_summary(client, manager, email, password, message):
    response = sign_in(client, email, password)
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert message in page
    assert "<script>alert(1)</script>" not in page
    assert page.count("<title>") == 1 and "<title>Error: Sign in" in page


def test_a_deactivated_user_cannot_sign_in(client, deactivated):
    response = sign_in(client, deactivated.email, PASSWORD)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_signing_out_needs_a_post_and_ends_the_session(client_for, manager):
    client = client_for(manager)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302


def test_a_forgotten_password_can_be_reset_by_email(client, manager):
    manager.full_name = "Zebedee Quillfeather"
    manager.save()
    response = client.post(reverse("password_reset"), {"email": manager.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert manager.full_name not in body  # a link, not personal details
    link = re.search(r"http://testserver(/accounts/reset/\S+)", body).group(1)
    form_page = client.get(link, follow=True)
    assert "Set a new password" in form_page.content.decode()
    new_password = "a-brand-new-password-2026"
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done.status_code == 302
    manager.refresh_from_db()
    assert manager.check_password(new_password)


def test_a_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_a_new_password_must_be_long_and_uncommon(client, manager):
    client.post(reverse("password_reset"), {"email": manager.email})
    link = re.search(r"http://testserver(/accounts/reset/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    page = client.post(form_url, {"new_password1": "password", "new_password2": "password"})
    text = page.content.decode()
    assert "at least 12 characters" in text
    assert "too common" in text


def test_email_addresses_are_unique_ignoring_case(db, manager):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        User.objects.create_user("MANAGER@EXAMPLE.ORG", PASSWORD, full_name="Copy")

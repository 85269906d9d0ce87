"""Password reset requests are limited per address and per e-mail address, so the form
cannot be used to flood someone's inbox or to probe which addresses have accounts."""

from django.core import mail
from django.test import Client
from django.urls import reverse

LIMIT = 5


def ask(client: Client, email: str):
    return client.post(reverse("password_reset"), {"email": email})


def test_the_sixth_request_in_an_hour_sends_no_email(client, manager):
    for _ in range(LIMIT):
        assert ask(client, manager.email).url == reverse("password_reset_done")
    assert len(mail.outbox) == LIMIT
    refused = ask(client, manager.email)
    assert refused.status_code == 429
    assert "Try again later" in refused.content.decode()
    assert len(mail.outbox) == LIMIT


def test_one_inbox_is_limited_whichever_computer_asks(manager):
    for n in range(LIMIT):
        ask(Client(REMOTE_ADDR=f"192.0.2.{n}"), manager.email)
    # The case of the letters is not a new address.
    refused = ask(Client(REMOTE_ADDR="192.0.2.99"), manager.email.upper())
    assert refused.status_code == 429
    assert len(mail.outbox) == LIMIT


def test_one_computer_is_limited_whichever_addresses_it_tries(client, manager):
    for n in range(LIMIT):
        ask(client, f"nobody{n}@example.org")
    assert ask(client, manager.email).status_code == 429
    assert mail.outbox == []


def test_the_answer_does_not_say_whether_an_account_exists(manager):
    known = ask(Client(REMOTE_ADDR="192.0.2.1"), manager.email)
    unknown = ask(Client(REMOTE_ADDR="192.0.2.2"), "nobody@example.org")
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    for _ in range(LIMIT):
        ask(Client(REMOTE_ADDR="192.0.2.3"), "nobody@example.org")
        ask(Client(REMOTE_ADDR="192.0.2.4"), manager.email)
    over_unknown = ask(Client(REMOTE_ADDR="192.0.2.3"), "nobody@example.org")
    over_known = ask(Client(REMOTE_ADDR="192.0.2.4"), manager.email)
    assert over_unknown.status_code == over_known.status_code == 429
    assert over_unknown.content == over_known.content


def test_a_malformed_address_is_an_error_on_the_form_not_a_counted_request(client, manager):
    for _ in range(LIMIT + 1):
        response = ask(client, "not-an-email")
        assert response.status_code == 200
        assert "govuk-error-summary" in response.content.decode()
    assert ask(client, manager.email).url == reverse("password_reset_done")

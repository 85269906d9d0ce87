"""The sign-in lockout counts failures per account *and* per computer. Behind the load
balancer every request arrives from the balancer's address, so the computer must be the
one the trusted proxy reports; without a proxy that header is anyone's to write."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD

BALANCER = "10.20.0.2"
ATTACKER = "203.0.113.7"
COLLEAGUE = "198.51.100.23"


@pytest.fixture
def behind_proxy(settings):
    settings.BEHIND_TLS_PROXY = True


def through_balancer(forwarded_for: str) -> Client:
    """A browser reached through the load balancer, which appends the address it saw."""
    return Client(REMOTE_ADDR=BALANCER, HTTP_X_FORWARDED_FOR=forwarded_for)


def sign_in(client: Client, email: str, password: str):
    return client.post(reverse("login"), {"username": email, "password": password})


def fail(client: Client, email: str, times: int = 5) -> None:
    for _ in range(times):
        sign_in(client, email, "not-the-password")


def test_behind_the_proxy_an_attacker_cannot_lock_a_colleague_out(behind_proxy, board_member):
    attacker = through_balancer(ATTACKER)
    fail(attacker, board_member.email)
    assert sign_in(attacker, board_member.email, PASSWORD).status_code == 429

    colleague = through_balancer(COLLEAGUE)
    assert sign_in(colleague, board_member.email, PASSWORD).status_code == 302
    assert "_auth_user_id" in colleague.session


def test_behind_the_proxy_a_forged_header_does_not_buy_more_attempts(behind_proxy, board_member):
    # The client may send its own X-Forwarded-For; the balancer appends the real address,
    # so only the last entry is believed.
    for n in range(5):
        fail(through_balancer(f"192.0.2.{n}, {ATTACKER}"), board_member.email, times=1)
    forged = through_balancer(f"{COLLEAGUE}, {ATTACKER}")
    assert sign_in(forged, board_member.email, PASSWORD).status_code == 429


def test_behind_the_proxy_the_lockout_is_for_that_account_only(behind_proxy, board_member, viewer):
    attacker = through_balancer(ATTACKER)
    fail(attacker, board_member.email)
    assert sign_in(attacker, viewer.email, PASSWORD).status_code == 302


def test_without_the_proxy_setting_the_header_is_ignored(settings, board_member):
    settings.BEHIND_TLS_PROXY = False
    for n in range(5):
        client = Client(REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
        fail(client, board_member.email, times=1)
    spoofed = Client(REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=COLLEAGUE)
    assert sign_in(spoofed, board_member.email, PASSWORD).status_code == 429
    # Someone else, connecting from their own address, still signs in.
    assert sign_in(Client(REMOTE_ADDR=COLLEAGUE), board_member.email, PASSWORD).status_code == 302


def test_a_malformed_header_falls_back_to_the_connecting_address(behind_proxy, board_member):
    fail(through_balancer("not-an-address"), board_member.email)
    assert sign_in(Client(REMOTE_ADDR=BALANCER), board_member.email, PASSWORD).status_code == 429


def test_the_audit_trail_records_the_address_the_proxy_reports(
    behind_proxy, client_for, manager, board
):
    from board.models import Agency, AuditEntry

    url = reverse("agency-create", kwargs={"board_slug": board.slug})
    client_for(manager).post(
        url,
        {"name": "Testshire Police", "sector": "police"},
        REMOTE_ADDR=BALANCER,
        HTTP_X_FORWARDED_FOR=f"{COLLEAGUE}, {ATTACKER}",
    )
    agency = Agency.objects.get(name="Testshire Police")
    assert AuditEntry.objects.get_for_object(agency).get().remote_addr == ATTACKER

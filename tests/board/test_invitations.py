"""Invitations: the board manager invites by e-mail, the link makes an account (or is
accepted by a signed-in account), and a link works once, until it expires, is revoked or
is replaced by a resend. The token is never stored, queued or audited."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from board.models import (
    AuditEntry,
    Invitation,
    InvitationStatus,
    Person,
    Role,
    RoleAssignment,
    User,
)
from board.services.invitations import (
    invitation_create,
    invitation_email_send,
    invitation_resend,
    invitation_revoke,
    invitation_token,
)
from core.jobs.models import Job
from tests.factories import PASSWORD, UserFactory

GOOD_PASSWORD = "a-very-long-new-password-77"


def invite(board, manager, email="new.person@example.org", role=Role.BOARD_MEMBER):
    return invitation_create(board=board, email=email, role=role, invited_by=manager)


def emailed_link(invitation) -> str:
    mail.outbox.clear()
    assert invitation_email_send(invitation=invitation)
    (message,) = mail.outbox
    return re.search(r"https?://\S+/invitations/open/\?key=\S+", message.body).group(0)


def path_of(link: str) -> str:
    return "/" + link.split("/", 3)[3]


def test_the_manager_invites_someone_by_email(client_for, manager, board):
    client = client_for(manager)
    response = client.post(
        reverse("invitation-create", kwargs={"board_slug": board.slug}),
        {"email": "New.Person@Example.org", "role": Role.BOARD_MEMBER},
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get(board=board)
    assert (invitation.email, invitation.role) == ("new.person@example.org", Role.BOARD_MEMBER)
    assert invitation.invited_by == manager
    # The e-mail is a durable job that carries the invitation's id, never its link.
    job = Job.objects.get(task_name="board.tasks.send_invitation_email")
    assert job.args == [str(invitation.pk)]
    page = client.get(reverse("invitation-list", kwargs={"board_slug": board.slug}))
    assert "new.person@example.org" in page.text and "Waiting for an answer" in page.text


@pytest.mark.parametrize(
    "data, message",
    [
        ({"email": "", "role": "board_member"}, "Enter the e-mail address"),
        (
            {"email": "not-an-address", "role": "board_member"},
            "Enter the e-mail address in the right format",
        ),
        ({"email": "a@example.org", "role": ""}, "Choose the access role"),
        ({"email": "a@example.org", "role": "emperor"}, "Choose the access role from the list"),
    ],
)
def test_bad_input_on_the_invitation_form_is_named(client_for, manager, board, data, message):
    response = client_for(manager).post(
        reverse("invitation-create", kwargs={"board_slug": board.slug}), data
    )
    assert response.status_code == 200
    assert message in response.text
    assert not Invitation.objects.exists()


def test_a_second_invitation_to_a_waiting_address_is_refused(client_for, manager, board):
    invite(board, manager)
    response = client_for(manager).post(
        reverse("invitation-create", kwargs={"board_slug": board.slug}),
        {"email": "new.person@example.org", "role": Role.VIEWER},
    )
    assert "resend it" in response.text
    assert Invitation.objects.count() == 1


def test_someone_who_has_the_role_already_is_not_invited(client_for, manager, board, board_member):
    response = client_for(manager).post(
        reverse("invitation-create", kwargs={"board_slug": board.slug}),
        {"email": board_member.email, "role": Role.BOARD_MEMBER},
    )
    assert "already has this role" in response.text


def test_the_link_makes_an_account_with_the_role_and_asks_for_two_factor(client, manager, board):
    invitation = invite(board, manager, role=Role.BOARD_MANAGER)
    link = emailed_link(invitation)
    assert board.name in mail.outbox[0].body
    response = client.get(path_of(link))
    assert response.url == reverse("invitation-answer")  # the token leaves the address bar
    assert "Create your account" in client.get(response.url).text

    response = client.post(
        reverse("invitation-answer"),
        {"full_name": "Nia New", "password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD},
    )
    user = User.objects.get(email="new.person@example.org")
    assert user.full_name == "Nia New" and user.check_password(GOOD_PASSWORD)
    assert RoleAssignment.objects.filter(user=user, board=board, role=Role.BOARD_MANAGER).exists()
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED and invitation.accepted_by == user
    # Signed in, but a manager must set up two-factor sign-in before the board opens.
    assert response.url == reverse("board-detail", kwargs={"board_slug": board.slug})
    assert client.get(response.url).url.startswith(reverse("two-factor"))


@pytest.mark.parametrize(
    "data, field_message",
    [
        (
            {"full_name": "", "password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD},
            "Enter the full name",
        ),
        ({"full_name": "Nia", "password1": "", "password2": ""}, "Enter a password"),
        ({"full_name": "Nia", "password1": "short-1", "password2": "short-1"}, "too short"),
        (
            {"full_name": "Nia", "password1": "password1234", "password2": "password1234"},
            "too common",
        ),
        ({"full_name": "Nia", "password1": GOOD_PASSWORD, "password2": "other"}, "not the same"),
    ],
)
def test_a_weak_or_mistyped_password_is_refused(client, manager, board, data, field_message):
    client.get(path_of(emailed_link(invite(board, manager))))
    response = client.post(reverse("invitation-answer"), data)
    assert response.status_code == 200
    assert field_message in response.text
    assert not User.objects.filter(email="new.person@example.org").exists()


def test_a_used_link_is_refused(client, manager, board):
    link = emailed_link(invite(board, manager))
    client.get(path_of(link))
    client.post(
        reverse("invitation-answer"),
        {"full_name": "Nia", "password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD},
    )
    again = client.get(path_of(link))
    assert again.status_code == 404
    assert "accepted already" in again.text


def test_an_expired_link_is_refused(client, manager, board):
    invitation = invite(board, manager)
    link = emailed_link(invitation)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    response = client.get(path_of(link))
    assert response.status_code == 404 and "expired" in response.text


def test_a_revoked_link_is_refused_even_once_opened(client, manager, board):
    invitation = invite(board, manager)
    client.get(path_of(emailed_link(invitation)))
    invitation_revoke(invitation=invitation)
    response = client.post(
        reverse("invitation-answer"),
        {"full_name": "Nia", "password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD},
    )
    assert response.status_code == 404 and "withdrawn" in response.text
    assert not User.objects.filter(email="new.person@example.org").exists()


def test_a_resend_kills_the_old_link(client, manager, board):
    invitation = invite(board, manager)
    old = emailed_link(invitation)
    new = emailed_link(invitation_resend(invitation=invitation))
    assert old != new
    assert client.get(path_of(old)).status_code == 404
    assert client.get(path_of(new)).status_code == 302


def test_a_made_up_or_altered_link_is_refused(client, manager, board):
    link = emailed_link(invite(board, manager))
    assert client.get(path_of(link)[:-2] + "0/").status_code == 404
    assert client.get(reverse("invitation-accept"), {"key": "x" * 64}).status_code == 404


def test_the_token_is_stored_nowhere(manager, board):
    invitation = invite(board, manager)
    token = invitation_token(invitation)
    invitation_resend(invitation=invitation)
    invitation_revoke(invitation=invitation)
    stored = [
        str(value) for value in Invitation.objects.filter(pk=invitation.pk).values().get().values()
    ]
    assert token not in " ".join(stored)
    entries = AuditEntry.objects.filter(object_pk=str(invitation.pk))
    assert entries.count() >= 3  # created, resent, revoked: who and when is kept
    written = " ".join(str(entry.changes) for entry in entries)
    assert token not in written
    assert "token" not in written  # neither the salt nor the hash is copied into the trail
    assert token not in str(list(Job.objects.values_list("args", flat=True)))


def test_an_existing_account_signs_in_to_accept(client_for, manager, board, other_board_manager):
    invitation = invite(board, manager, email=other_board_manager.email, role=Role.VIEWER)
    client = client_for(other_board_manager)
    client.get(path_of(emailed_link(invitation)))
    page = client.get(reverse("invitation-answer"))
    assert "Accept the invitation" in page.text
    response = client.post(reverse("invitation-answer"))
    assert response.url == reverse("board-detail", kwargs={"board_slug": board.slug})
    assert RoleAssignment.objects.filter(
        user=other_board_manager, board=board, role=Role.VIEWER
    ).exists()


def test_an_existing_account_not_signed_in_is_asked_to_sign_in(client, manager, board, outsider):
    client.get(path_of(emailed_link(invite(board, manager, email=outsider.email))))
    page = client.get(reverse("invitation-answer"))
    assert "Sign in to accept" in page.text
    assert client.post(reverse("invitation-answer")).status_code == 200  # nothing accepted
    assert not RoleAssignment.objects.filter(user=outsider).exists()


def test_someone_else_signed_in_cannot_accept(client_for, manager, board, outsider):
    invitation = invite(board, manager, email="someone.else@example.org")
    UserFactory(email="someone.else@example.org")
    client = client_for(outsider)
    client.get(path_of(emailed_link(invitation)))
    client.post(reverse("invitation-answer"))
    assert not RoleAssignment.objects.filter(user=outsider).exists()
    assert "for another account" in client.get(reverse("invitation-answer")).text


def test_the_manager_resends_and_revokes_after_confirming(client_for, manager, board):
    invitation = invite(board, manager)
    client = client_for(manager)
    kwargs = {"board_slug": board.slug, "pk": invitation.pk}
    assert (
        "Send this invitation again?"
        in client.get(reverse("invitation-resend", kwargs=kwargs)).text
    )
    salt = invitation.token_salt
    client.post(reverse("invitation-resend", kwargs=kwargs))
    invitation.refresh_from_db()
    assert invitation.token_salt != salt
    confirm = client.get(reverse("invitation-revoke", kwargs=kwargs))
    assert "Are you sure you want to revoke this invitation?" in confirm.text
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING  # the GET changed nothing
    client.post(reverse("invitation-revoke", kwargs=kwargs))
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.REVOKED
    # A revoked invitation cannot be sent again.
    response = client.post(reverse("invitation-resend", kwargs=kwargs), follow=True)
    assert "has been revoked" in response.text


def test_another_boards_invitation_is_not_found(
    client_for, manager, board, other_board, other_board_manager
):
    invitation = invite(other_board, other_board_manager)
    response = client_for(manager).get(
        reverse("invitation-revoke", kwargs={"board_slug": board.slug, "pk": invitation.pk})
    )
    assert response.status_code == 404


def test_a_person_without_an_account_is_offered_an_invitation(client_for, manager, board):
    person = Person.objects.create(board=board, full_name="Pat Partner", email="pat@example.org")
    client = client_for(manager)
    response = client.post(
        reverse("person-edit", kwargs={"board_slug": board.slug, "pk": person.pk}),
        {
            "full_name": "Pat Partner",
            "email": "pat@example.org",
            "account_email": "pat@example.org",
        },
    )
    assert "There is no active user account" in response.text
    invite_url = re.search(
        r'href="([^"]*/invitations/new/[^"]*)">Invite them', response.text
    ).group(1)
    form = client.get(invite_url.replace("&amp;", "&"))
    assert 'value="pat@example.org"' in form.text
    client.post(
        invite_url.replace("&amp;", "&"), {"email": "pat@example.org", "role": Role.BOARD_MEMBER}
    )
    invitation = Invitation.objects.get(board=board)
    assert invitation.person == person

    anonymous = client.__class__()
    anonymous.get(path_of(emailed_link(invitation)))
    anonymous.post(
        reverse("invitation-answer"),
        {"full_name": "Pat Partner", "password1": GOOD_PASSWORD, "password2": GOOD_PASSWORD},
    )
    person.refresh_from_db()
    assert person.user.email == "pat@example.org"  # the new account is linked to the person


def test_an_email_is_not_sent_for_a_revoked_invitation(manager, board):
    invitation = invitation_revoke(invitation=invite(board, manager))
    assert not invitation_email_send(invitation=invitation)


def test_password_fixture_is_not_the_new_password():
    assert PASSWORD != GOOD_PASSWORD

"""An invitation to a board: an e-mail address, the access role it gives and who asked.

The link's token is never stored. It is worked out from the invitation's id, a random
`token_salt` and the site's SECRET_KEY (as Django's password-reset tokens are), so the
e-mail task can rebuild it from the id alone and a copy of the database cannot; what is
stored is its SHA-256 (`token_hash`), which the accept page looks the link up by. Both
field names look like secrets, so the audit trail leaves them out (board/audit_tracking.py).
Resending draws a new salt: the old link stops working."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .base import BoardOwnedModel
from .boards import Role
from .membership import Person


class InvitationStatus(models.TextChoices):
    PENDING = "pending", "Waiting for an answer"
    ACCEPTED = "accepted", "Accepted"
    REVOKED = "revoked", "Revoked"


class Invitation(BoardOwnedModel):
    email = models.EmailField("e-mail address")
    role = models.CharField("access role", max_length=30, choices=Role.choices)
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
        help_text="The person of the board whose account this makes, if any.",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    token_salt = models.CharField(max_length=64)
    token_hash = models.CharField(max_length=64, unique=True)
    sent_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.email} ({self.get_role_display()})"

    @property
    def is_expired(self) -> bool:
        return self.status == InvitationStatus.PENDING and self.expires_at <= timezone.now()

    @property
    def is_open(self) -> bool:
        """Can its link still be used?"""
        return self.status == InvitationStatus.PENDING and not self.is_expired

    @property
    def state_label(self) -> str:
        return "Expired" if self.is_expired else self.get_status_display()

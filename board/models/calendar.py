"""A person's calendar feed on one board: the secret address a calendar app reads."""

import hashlib
import secrets

from django.conf import settings
from django.db import models

from .base import BoardOwnedModel


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeed(BoardOwnedModel):
    """Only the token's hash is kept: the address is shown once, when it is made, and a
    stolen database copy cannot be used to read anyone's calendar. Revoking deletes it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["board", "user"], name="one_calendar_feed_per_person")
        ]

    def __str__(self) -> str:
        return f"Calendar feed of {self.user} on {self.board}"

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)

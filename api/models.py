import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from board.models import TimestampedModel

TOKEN_PREFIX = "lscb_"  # noqa: S105 - a label, not a secret


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(TimestampedModel):
    """A personal API token for a partner system. Acts as the person who created it, with
    exactly their roles. Only a hash is stored: the token is shown once, when made."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What the token is for.")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    key_hint = models.CharField(max_length=12, editable=False, help_text="Start of the token.")
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.key_hint}…)"

    @staticmethod
    def new_secret() -> str:
        return TOKEN_PREFIX + secrets.token_urlsafe(32)

    @property
    def is_usable(self) -> bool:
        expired = self.expires_at is not None and self.expires_at <= timezone.now()
        return self.revoked_at is None and not expired and self.user.is_active

    @property
    def status(self) -> str:
        if self.revoked_at:
            return "Revoked"
        if self.expires_at and self.expires_at <= timezone.now():
            return "Expired"
        return "Active"


class IdempotentRequest(TimestampedModel):
    """A write sent with an `Idempotency-Key`: the same key and body again get the stored
    answer instead of a second write; the same key with another body is refused. A key is
    one person's, to one board's endpoint: a partner system reusing its batch key on a
    second board, or another person's system happening on the same key, makes a new
    request, never a replay of an answer that was not theirs.

    The row is inserted, in progress, before the write starts (the unique constraint picks
    one request among those sent at once, in any process) and becomes done, with the
    answer, in the write's own transaction; a refused or failed write deletes it."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    board = models.ForeignKey("board.Board", on_delete=models.CASCADE, related_name="+")
    endpoint = models.CharField(max_length=100, help_text="The URL name, e.g. api:observation-bulk")
    key = models.CharField(max_length=200)
    request_hash = models.CharField(max_length=64)
    status = models.CharField(max_length=11, choices=Status.choices, default=Status.DONE)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response = models.JSONField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "board", "endpoint", "key"], name="idempotent_request_scope"
            )
        ]

    def __str__(self) -> str:
        return self.key

import uuid

from django.db import models


class UUIDModel(models.Model):
    """Records are addressed by UUID in URLs, never by a guessable sequential id."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)

    class Meta:
        abstract = True


class TimestampedModel(UUIDModel):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class BoardOwnedModel(TimestampedModel):
    """A record that belongs to one board. Every domain record carries its board directly
    (even when a parent record has it too), so that every query can be scoped by board
    and every audit entry names it."""

    board = models.ForeignKey(
        "board.Board", on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_set"
    )

    class Meta:
        abstract = True

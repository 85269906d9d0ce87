import uuid

from django.db import models

from board.scoping import board_scoped_manager


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
    and every audit entry names it.

    Its default manager is scoped (board/scoping.py): a query outside `scope(board=...)`
    raises ScopeError, and inside one returns that board's rows only. A subclass with its
    own queryset methods keeps the guard with `objects = board_scoped_manager(ItsQuerySet)`."""

    board = models.ForeignKey(
        "board.Board", on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_set"
    )

    objects = board_scoped_manager()

    class Meta:
        abstract = True

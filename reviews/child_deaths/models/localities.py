"""The areas a board publishes its child death figures by: its wards or localities, a list
the board manager and the panel keep (reviews.services.cdop_localities).

A case's area of residence is chosen from this list, never typed: published statistics go
to every board role and into the annual report, and a typed street or a rare village name
would identify the child. A case with no area from the list counts as "not recorded".
An area taken off the list is retired, not deleted, so the cases that have it keep it."""

from django.db import models
from django.db.models.functions import Lower

from board.models import BoardOwnedModel


class Locality(BoardOwnedModel):
    name = models.CharField(max_length=100)
    position = models.PositiveSmallIntegerField(default=0, help_text="Order on the list.")
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "localities"
        constraints = [
            models.UniqueConstraint(
                "board",
                Lower("name"),
                name="cdop_locality_unique_name",
                violation_error_message="This area is already on the board's list.",
            )
        ]

    def __str__(self) -> str:
        return self.name

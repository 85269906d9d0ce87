from django.db import models

from board.models import Board, TimestampedModel


class SubGroup(TimestampedModel):
    """A sub-group of the board, such as the Child Death Overview Panel or Health.
    Sub-groups may sit under another (Learning and Development under Quality Assurance)."""

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="subgroups")
    name = models.CharField(max_length=200)
    parent = models.ForeignKey(
        "self", on_delete=models.RESTRICT, null=True, blank=True, related_name="children"
    )
    purpose = models.TextField(blank=True, help_text="Purpose or terms of reference.")

    class Meta:
        ordering = ["name"]
        verbose_name = "sub-group"
        constraints = [
            models.UniqueConstraint(fields=["board", "name"], name="subgroup_name_unique_per_board")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.parent_id and self.parent.board_id != self.board_id:
            raise ValidationError({"parent": "The parent sub-group must belong to the same board."})
        if self.parent_id and self.parent_id == self.id:
            raise ValidationError({"parent": "A sub-group cannot sit under itself."})

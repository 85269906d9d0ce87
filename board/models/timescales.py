"""A board's own value of a timescale kept by board (board/timescales.py): a row only
where the board differs from the statutory default. Timescales an app keeps on its own
settings row (case reviews, CDOP, returns) are never copied here."""

from django.core.exceptions import ValidationError
from django.db import models

from .base import BoardOwnedModel


class BoardTimescale(BoardOwnedModel):
    key = models.CharField(max_length=80)
    value = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["board", "key"], name="board_timescale_once")
        ]

    def __str__(self) -> str:
        return f"{self.key} = {self.value}"

    def clean(self) -> None:
        from .. import timescales

        registered = {t.key: t for t in timescales.all_timescales()}
        timescale = registered.get(self.key)
        if timescale is None or timescale.stored_in is not None:
            raise ValidationError({"key": "Choose a timescale the board keeps."})
        if self.value is not None and not timescale.minimum <= self.value <= timescale.maximum:
            raise ValidationError({"value": f"Enter {timescale.range_text}."})

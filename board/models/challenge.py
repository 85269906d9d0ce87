from django.core.exceptions import ValidationError
from django.db import models

from .agencies import Agency
from .base import BoardOwnedModel


class Challenge(BoardOwnedModel):
    """An entry in the challenge log: the board holding a partner to account."""

    issue = models.TextField("issue raised")
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="challenges",
        verbose_name="agency challenged",
    )
    raised_on = models.DateField("date raised")
    response = models.TextField(blank=True)
    outcome = models.TextField(blank=True)
    closed_on = models.DateField("date closed", null=True, blank=True)

    class Meta:
        ordering = ["-raised_on", "-created_at"]

    def __str__(self) -> str:
        return f"{self.agency}: {self.issue[:60]}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    def clean(self) -> None:
        errors = {}
        if self.agency_id and self.agency.board_id != self.board_id:
            errors["agency"] = "Choose an agency of this board."
        if self.closed_on and self.raised_on and self.closed_on < self.raised_on:
            errors["closed_on"] = "The date closed must be on or after the date raised."
        if self.closed_on and not self.outcome.strip():
            errors["outcome"] = "Record the outcome before closing the challenge."
        if errors:
            raise ValidationError(errors)

"""Independent scrutiny of a safeguarding children partnership (Working Together 2023):
the scrutineer's plan for the year (what they will look at, and when), their findings,
each pointing at the evidence it rests on, and the challenges raised from them in the
board's challenge log."""

from django.core.exceptions import ValidationError
from django.db import models

from .base import BoardOwnedModel
from .challenge import Challenge
from .years import InFinancialYear


class ScrutinyArea(BoardOwnedModel, InFinancialYear):
    """One area of the year's scrutiny plan: what the scrutineer will look at, when."""

    title = models.CharField("area to look at", max_length=200)
    description = models.TextField("what will be looked at", blank=True)
    planned_start = models.DateField("planned start", null=True, blank=True)
    planned_end = models.DateField("planned end", null=True, blank=True)

    class Meta:
        ordering = ["year", "planned_start", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "year", "title"],
                name="scrutiny_area_title_unique_per_year",
                violation_error_message="This year's plan already has an area with this title.",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.planned_start and self.planned_end and self.planned_end < self.planned_start:
            raise ValidationError(
                {"planned_end": "The planned end must be on or after the planned start."}
            )


class ScrutinyFinding(BoardOwnedModel):
    """What the independent scrutineer found, and the evidence it rests on."""

    found_on = models.DateField("date of the finding")
    area = models.ForeignKey(
        ScrutinyArea,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="findings",
        verbose_name="area of the plan",
    )
    text = models.TextField("finding")
    evidence = models.CharField(
        "evidence",
        max_length=500,
        blank=True,
        help_text="A page of this service (its address), or where the evidence is kept.",
    )
    challenge = models.ForeignKey(
        Challenge,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="scrutiny_findings",
        verbose_name="challenge raised",
    )

    class Meta:
        ordering = ["-found_on", "-created_at"]

    def __str__(self) -> str:
        return f"Finding of {self.found_on:%-d %B %Y}: {self.text[:60]}"

    @property
    def evidence_is_link(self) -> bool:
        """A page of this service (a path) or a web address, shown as a link."""
        text = self.evidence.strip()
        own_page = text.startswith("/") and not text.startswith("//")
        return own_page or text.startswith("https://")

    def clean(self) -> None:
        errors = {}
        if self.area_id and self.area.board_id != self.board_id:
            errors["area"] = "Choose an area of this board's plan."
        if self.challenge_id and self.challenge.board_id != self.board_id:
            errors["challenge"] = "Choose a challenge of this board."
        if self.evidence.strip().lower().startswith("javascript:"):
            errors["evidence"] = "Enter the evidence as an address or as words."
        if errors:
            raise ValidationError(errors)

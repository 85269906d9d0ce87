"""Multi-agency (and other) case-file audits: what was audited, over which period, how
many cases were sampled and how many were rated at each level of the board's rating
scale. Percentages are worked out from the counts when shown, never stored."""

from django.core.exceptions import ValidationError
from django.db import models

from board.models import BoardOwnedModel

from .. import action_sources

DEFAULT_RATING_LEVELS = ["Outstanding", "Good", "Requires improvement", "Inadequate"]


class AuditType(models.TextChoices):
    MULTI_AGENCY = "multi_agency", "Multi-agency"
    SINGLE_AGENCY = "single_agency", "Single-agency"
    THEMATIC = "thematic", "Thematic"
    INDEPENDENT = "independent", "Board-commissioned independent"


class RatingLevel(BoardOwnedModel):
    """One level of the board's audit rating scale (board editable; seeded with
    outstanding / good / requires improvement / inadequate)."""

    name = models.CharField(max_length=100)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["board", "name"], name="audit_rating_level_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Audit(BoardOwnedModel):
    title = models.CharField(max_length=200)
    audit_type = models.CharField("type of audit", max_length=20, choices=AuditType.choices)
    commissioned_by = models.CharField(
        "commissioning sub-group",
        max_length=200,
        blank=True,
        help_text="E.g. the quality assurance sub-group",
    )
    period_start = models.DateField("start of the period covered")
    period_end = models.DateField("end of the period covered")
    sample_size = models.PositiveIntegerField("number of cases audited")
    # A re-audit checks whether an earlier audit's recommendations made a difference: it is
    # planned on the earlier audit and, once done, linked back to it.
    reaudit_planned_for = models.DateField("re-audit planned for", null=True, blank=True)
    follows_up = models.ForeignKey(
        "self",
        verbose_name="re-audit of",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reaudits",
    )

    class Meta:
        ordering = ["-period_end", "title"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end <= self.period_start:
            raise ValidationError({"period_end": "The end of the period must be after its start."})
        if self.follows_up_id:
            self._check_follows_up()

    def _check_follows_up(self) -> None:
        earlier = self.follows_up
        if earlier.board_id != self.board_id:
            raise ValidationError({"follows_up": "Choose an audit of this board."})
        if earlier.pk == self.pk:
            raise ValidationError({"follows_up": "An audit cannot be a re-audit of itself."})
        if self.period_end and earlier.period_end and self.period_end <= earlier.period_end:
            raise ValidationError(
                {"follows_up": "A re-audit must cover a period ending after the audit it follows."}
            )


class AuditRating(BoardOwnedModel):
    """How many of the audit's cases were rated at one level."""

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="ratings")
    level = models.ForeignKey(RatingLevel, on_delete=models.PROTECT, related_name="+")
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["level__position", "level__name"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "level"], name="audit_rating_per_level")
        ]

    def __str__(self) -> str:
        return f"{self.audit}: {self.count} {self.level}"

    def clean(self) -> None:
        if self.level_id and self.level.board_id != self.board_id:
            raise ValidationError({"level": "Choose a rating of this board's scale."})


class AuditFinding(BoardOwnedModel):
    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="findings")
    text = models.TextField("finding")

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.audit}: finding"


class AuditRecommendation(BoardOwnedModel):
    """An audit's recommendation. Each becomes an action in the board's action tracker
    (board.models.Action, with this recommendation as its source)."""

    action_source_type = action_sources.AUDIT

    audit = models.ForeignKey(Audit, on_delete=models.CASCADE, related_name="recommendations")
    # The finding this recommendation answers, when it was raised from one.
    finding = models.ForeignKey(
        AuditFinding,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recommendations",
    )
    number = models.PositiveSmallIntegerField(editable=False)
    text = models.TextField("recommendation")

    class Meta:
        ordering = ["audit", "number"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "number"], name="audit_recommendation_number")
        ]

    def __str__(self) -> str:
        return f"{self.audit} recommendation {self.number}"

    def clean(self) -> None:
        if self.finding_id and self.finding.audit_id != self.audit_id:
            raise ValidationError({"finding": "Choose a finding of this audit."})

"""Inspections of the area's services and of the board itself (Ofsted, CQC, HMIC, HMI
Probation, joint targeted area inspections): the judgement given for each area inspected,
and the recommendations, each of which becomes an action in the board's tracker. Counts
and percentages are worked out from these records when shown, never stored."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone

from board.models import Agency, BoardOwnedModel

from .. import action_sources


class Inspectorate(models.TextChoices):
    OFSTED = "ofsted", "Ofsted"
    CQC = "cqc", "Care Quality Commission (CQC)"
    HMIC = "hmic", "HM Inspectorate of Constabulary (HMIC)"
    HMI_PROBATION = "hmi_probation", "HM Inspectorate of Probation"
    JOINT = "joint", "Joint or multi-agency (e.g. joint targeted area inspection)"


class InspectionGrade(models.TextChoices):
    """The four-point scale of the inspectorates' judgements, best first."""

    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"


class Inspection(BoardOwnedModel):
    inspectorate = models.CharField(max_length=20, choices=Inspectorate.choices)
    title = models.CharField(max_length=200)
    inspected_agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="service or agency inspected",
        help_text="Leave empty for an inspection of the whole area or of several agencies",
    )
    start_date = models.DateField("first day of the inspection")
    end_date = models.DateField("last day of the inspection", null=True, blank=True)
    published_on = models.DateField("report published", null=True, blank=True)
    scope = models.TextField(blank=True)
    overall_judgement = models.CharField(max_length=30, choices=InspectionGrade.choices, blank=True)
    # http(s) only: the address is shown as a link.
    report_url = models.URLField(
        "web address of the report",
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
    )

    class Meta:
        ordering = ["-start_date", "title"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The last day of the inspection must not be before its first day."
        first_possible = self.end_date or self.start_date
        if self.published_on and first_possible and self.published_on < first_possible:
            errors["published_on"] = "The report cannot be published before the inspection."
        if self.published_on and self.published_on > timezone.localdate():
            errors["published_on"] = "The publication date cannot be in the future."
        if self.inspected_agency_id and self.inspected_agency.board_id != self.board_id:
            errors["inspected_agency"] = "Choose an agency of this board."
        if errors:
            raise ValidationError(errors)


class InspectionJudgement(BoardOwnedModel):
    """The grade given for one area of the inspection, e.g. "The effectiveness of the
    LSCB: requires improvement to be good"."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    area = models.CharField(max_length=200)
    grade = models.CharField(max_length=30, choices=InspectionGrade.choices)
    qualifier = models.CharField(
        max_length=200, blank=True, help_text="E.g. “to be good” or “with outstanding features”"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["inspection", "position", "area"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "area"], name="inspection_judgement_per_area"
            )
        ]

    def __str__(self) -> str:
        return f"{self.area}: {self.judgement}"

    @property
    def judgement(self) -> str:
        """As printed in reports: "Requires improvement to be good"."""
        return f"{self.get_grade_display()} {self.qualifier}".strip()


class InspectionRecommendation(BoardOwnedModel):
    """An inspection's recommendation. Each becomes an action in the board's action tracker
    (board.models.Action, with this recommendation as its source)."""

    action_source_type = action_sources.INSPECTION

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="recommendations"
    )
    number = models.PositiveSmallIntegerField(editable=False)
    text = models.TextField("recommendation")

    class Meta:
        ordering = ["inspection", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "number"], name="inspection_recommendation_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.inspection} recommendation {self.number}"

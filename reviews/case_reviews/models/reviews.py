"""Serious case reviews and learning reviews: the register, the people who carry them out
and the board's settings for the statutory clocks.

A review is known by its case reference ("Child M"): no child's name is stored anywhere."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from board.models import Agency, BoardOwnedModel
from core.markdown import image_error
from reviews.child_deaths.models import CdopCase


class ReviewType(models.TextChoices):
    SERIOUS_CASE_REVIEW = "scr", "Serious case review"
    LEARNING_REVIEW = "learning", "Learning review"
    JOINT_REVIEW = "joint", "Multi-agency / joint review with another board"
    RAPID_REVIEW = "rapid", "Rapid review"
    PRACTICE_REVIEW = "lcspr", "Local child safeguarding practice review"

    @classmethod
    def under_2018_arrangements(cls) -> frozenset[str]:
        return frozenset({cls.RAPID_REVIEW, cls.PRACTICE_REVIEW})


class Decision(models.TextChoices):
    INITIATE = "initiate", "Initiate a review"
    NOT_INITIATE = "not_initiate", "Do not initiate a review"


class Methodology(models.TextChoices):
    SCIE = "scie", "SCIE systems learning"
    SILP = "silp", "Significant Incident Learning Process (SILP)"
    TRADITIONAL = "traditional", "Traditional (IMRs and an overview report)"
    HYBRID = "hybrid", "Hybrid"
    OTHER = "other", "Other"


class ScrSettings(BoardOwnedModel):
    """The statutory clocks, as this board sets them (defaults from Working Together)."""

    decision_months = models.PositiveSmallIntegerField(
        "decide within (months of the notification)", default=1
    )
    completion_months = models.PositiveSmallIntegerField(
        "complete within (months of the decision to initiate)", default=6
    )
    notification_working_days = models.PositiveSmallIntegerField(
        "notify within (working days of the incident)", default=5
    )
    rapid_review_working_days = models.PositiveSmallIntegerField(
        "rapid review within (working days of the notification)", default=15
    )
    alert_days_before = models.PositiveSmallIntegerField(
        "alert this many days before a clock runs out", default=7
    )
    # Child safeguarding practice reviews (Working Together 2018 and 2023).
    publication_months = models.PositiveSmallIntegerField(
        "publish a practice review within (months of the decision to hold it)", default=6
    )
    prepublication_notice_working_days = models.PositiveSmallIntegerField(
        "tell the Panel and the Secretary of State (working days before publication)",
        default=7,
        help_text="Check against current guidance: the statutory notice period is a setting.",
    )
    # The Panel answers a rapid review "in about 10 days": calendar days, not working days.
    panel_response_days = models.PositiveSmallIntegerField(
        "the Panel's response expected within (days of the rapid review being sent)",
        default=10,
        help_text="Check against current guidance.",
    )

    class Meta:
        verbose_name = "case review settings"
        verbose_name_plural = "case review settings"
        constraints = [models.UniqueConstraint(fields=["board"], name="scr_settings_per_board")]

    def __str__(self) -> str:
        return f"Case review settings for {self.board}"

    def clean(self) -> None:
        errors = {}
        if not 1 <= self.decision_months <= 12:
            errors["decision_months"] = "Enter between 1 and 12 months."
        if not 1 <= self.completion_months <= 36:
            errors["completion_months"] = "Enter between 1 and 36 months."
        if not 1 <= self.publication_months <= 36:
            errors["publication_months"] = "Enter between 1 and 36 months."
        if not 1 <= self.panel_response_days <= 90:
            errors["panel_response_days"] = "Enter between 1 and 90 days."
        for name in (
            "notification_working_days",
            "rapid_review_working_days",
            "prepublication_notice_working_days",
        ):
            if not 1 <= getattr(self, name) <= 60:
                errors[name] = "Enter between 1 and 60 working days."
        if errors:
            raise ValidationError(errors)


class CaseReview(BoardOwnedModel):
    reference = models.CharField(
        "case reference",
        max_length=40,
        help_text='For example "Child M". Never the child\'s name.',
    )
    review_type = models.CharField("type of review", max_length=20, choices=ReviewType.choices)
    partner_board = models.CharField(
        "other board (joint reviews)", max_length=200, blank=True, help_text="E.g. LB Merton"
    )
    incident_on = models.DateField("date of the incident")
    notified_on = models.DateField("date the board was notified")
    criteria_considered = models.TextField("criteria considered", blank=True)
    decision = models.CharField(max_length=20, choices=Decision.choices, blank=True)
    decision_on = models.DateField("date of the decision", null=True, blank=True)
    decision_reasons = models.TextField("reasons for the decision", blank=True)
    decided_by = models.CharField(
        "decided by", max_length=200, blank=True, help_text="E.g. the independent chair"
    )
    methodology = models.CharField(max_length=20, choices=Methodology.choices, blank=True)
    agencies_involved = models.ManyToManyField(
        Agency, blank=True, related_name="case_reviews_involved_in"
    )
    cdop_case = models.ForeignKey(
        CdopCase,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="case_reviews",
        verbose_name="child death (CDOP) case",
    )
    executive_summary = models.TextField("executive summary", blank=True)

    class Meta:
        ordering = ["-notified_on", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "reference"],
                name="scr_reference_unique_per_board",
                violation_error_message="The board already has a review with this reference.",
            )
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_initiated(self) -> bool:
        return self.decision == Decision.INITIATE

    def clean(self) -> None:
        errors: dict[str, str] = {}
        today = timezone.localdate()
        if self.incident_on and self.incident_on > today:
            errors["incident_on"] = "The date of the incident must be today or in the past."
        if self.notified_on and self.incident_on and self.notified_on < self.incident_on:
            errors["notified_on"] = "The notification must be on or after the incident."
        elif self.notified_on and self.notified_on > today:
            errors["notified_on"] = "The notification date must be today or in the past."
        if self.decision:
            if not self.decision_on:
                errors["decision_on"] = "Enter the date of the decision."
            elif self.notified_on and self.decision_on < self.notified_on:
                errors["decision_on"] = "The decision must be on or after the notification."
            elif self.decision_on > today:
                errors["decision_on"] = "The date of the decision must be today or in the past."
            if not self.decision_reasons.strip():
                errors["decision_reasons"] = "Enter the reasons for the decision."
            if not self.decided_by.strip():
                errors["decided_by"] = "Enter who made the decision."
        elif self.decision_on:
            errors["decision"] = "Choose the decision, or leave its date empty."
        if self.review_type == ReviewType.JOINT_REVIEW and not self.partner_board.strip():
            errors["partner_board"] = "Enter the other board of this joint review."
        if self.cdop_case_id and self.cdop_case.board_id != self.board_id:
            errors["cdop_case"] = "Choose a child death case of this board."
        # Printed in the executive summary PDF, which shows no images.
        rule = "The executive summary cannot show images"
        if error := image_error(self.executive_summary, (), rule):
            errors["executive_summary"] = error
        if errors:
            raise ValidationError(errors)


class AppointmentRole(models.TextChoices):
    REVIEWER = "reviewer", "Independent reviewer / author"
    PANEL_CHAIR = "panel_chair", "Panel chair"


class Appointment(BoardOwnedModel):
    """The independent reviewer or panel chair. Laming: they must be independent of the
    board and of every agency involved, and trained."""

    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="appointments")
    role = models.CharField(max_length=20, choices=AppointmentRole.choices)
    name = models.CharField(max_length=200)
    affiliation = models.CharField("organisation", max_length=200)
    employing_agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Only if they work for one of the board's agencies.",
    )
    declared_independent = models.BooleanField(
        "declared independent of the board and of every agency involved", default=False
    )
    declaration_on = models.DateField("date of the declaration", null=True, blank=True)
    references_taken_up = models.BooleanField(default=False)
    trained_on = models.DateField("date of review training", null=True, blank=True)

    class Meta:
        ordering = ["role", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"

    def clean(self) -> None:
        errors = {}
        if self.review_id and self.review.board_id != self.board_id:
            errors["review"] = "The review belongs to another board."
        agency = self.employing_agency
        if agency and agency.board_id != self.board_id:
            errors["employing_agency"] = "Choose an agency of this board."
        elif agency and self.review_id and self.review.agencies_involved.filter(pk=agency.pk):
            errors["employing_agency"] = (
                f"Appointment refused: {agency.name} is involved in this case, so someone "
                "who works for it is not independent."
            )
        if not self.declared_independent:
            errors["declared_independent"] = (
                "Appointment refused: record the declaration of independence from the board "
                "and from every agency involved."
            )
        elif not self.declaration_on:
            errors["declaration_on"] = "Enter the date of the declaration."
        if errors:
            raise ValidationError(errors)


class PanelMember(BoardOwnedModel):
    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="panel_members")
    name = models.CharField(max_length=200)
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    post_title = models.CharField("post", max_length=200, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.agency}"

    def clean(self) -> None:
        if self.agency_id and self.agency.board_id != self.board_id:
            raise ValidationError({"agency": "Choose an agency of this board."})

"""Serious incidents under the 2018 arrangements (Working Together 2018 and 2023): the
local authority's notification to the Child Safeguarding Practice Review Panel, the
partners' rapid review (agency summaries, meeting, decision against the criteria of the
Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018, the
Panel's response) and, when the partners decide to hold one, the local child
safeguarding practice review (a CaseReview of type PRACTICE_REVIEW).

An incident is known by its case reference ("Child M"), as a review is: no child's name,
address or identifying detail is stored anywhere."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from board.models import Agency, BoardOwnedModel

from .reviews import CaseReview


class IncidentCategory(models.TextChoices):
    DEATH = "death", "Death of a child"
    SERIOUS_HARM = "serious_harm", "Serious harm to a child"


class RapidReviewDecision(models.TextChoices):
    HOLD = "hold", "Hold a local child safeguarding practice review"
    NOT_HOLD = "not_hold", "Do not hold a local child safeguarding practice review"
    NATIONAL = "national", "Refer to the Panel for a national review"


class Criterion(models.TextChoices):
    """The matters the partners consider (regulations 2018, Working Together chapter 5)."""

    SERIOUS_HARM = "serious_harm", "Serious harm or death, and abuse or neglect known or suspected"
    IMPROVEMENTS = "improvements", "The case highlights improvements needed to safeguard children"
    RECURRENT = "recurrent", "The case may highlight recurrent themes"
    WORKING_TOGETHER = (
        "working_together",
        "Concerns about how organisations worked together to safeguard the child",
    )
    PANEL = "panel", "The Panel has considered it and concluded a local review may be more suitable"


def _past(value, label: str) -> str | None:
    if value and value > timezone.localdate():
        return f"The {label} must be today or in the past."
    return None


class SeriousIncident(BoardOwnedModel):
    reference = models.CharField(
        "case reference",
        max_length=40,
        help_text='For example "Child M". Never the child\'s name.',
    )
    category = models.CharField("category of incident", max_length=20, choices=IncidentCategory)
    category_summary = models.CharField(
        "summary of the incident category",
        max_length=300,
        blank=True,
        help_text="No names, places, dates of birth or anything that identifies the child.",
    )
    aware_on = models.DateField("date the local authority became aware")
    notified_on = models.DateField("date notified to the Panel", null=True, blank=True)
    partners_told_on = models.DateField("date the partners were told", null=True, blank=True)
    agencies_involved = models.ManyToManyField(
        Agency, blank=True, related_name="serious_incidents_involved_in"
    )
    # The local practice review held on the rapid review's decision (services/incidents).
    practice_review = models.OneToOneField(
        CaseReview,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="serious_incident",
        verbose_name="local child safeguarding practice review",
    )

    class Meta:
        ordering = ["-aware_on", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "reference"],
                name="incident_reference_unique_per_board",
                violation_error_message="The board already has an incident with this reference.",
            )
        ]

    def __str__(self) -> str:
        return self.reference

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if error := _past(self.aware_on, "date the local authority became aware"):
            errors["aware_on"] = error
        for name, label in (
            ("notified_on", "date notified to the Panel"),
            ("partners_told_on", "date the partners were told"),
        ):
            value = getattr(self, name)
            if value and self.aware_on and value < self.aware_on:
                errors[name] = f"The {label} must be on or after the date of becoming aware."
            elif error := _past(value, label):
                errors[name] = error
        if self.practice_review_id and self.practice_review.board_id != self.board_id:
            errors["practice_review"] = "The practice review belongs to another board."
        if errors:
            raise ValidationError(errors)


class RapidReview(BoardOwnedModel):
    """The partners' rapid review of one incident (made with the incident)."""

    incident = models.OneToOneField(
        SeriousIncident, on_delete=models.CASCADE, related_name="rapid_review"
    )
    meeting_on = models.DateField("date of the rapid review meeting", null=True, blank=True)
    decision = models.CharField(max_length=20, choices=RapidReviewDecision, blank=True)
    decided_on = models.DateField("date of the decision", null=True, blank=True)
    criteria = models.JSONField("criteria met", default=list, blank=True)
    decision_reasons = models.TextField("reasons for the decision", blank=True)
    sent_to_panel_on = models.DateField("date sent to the Panel", null=True, blank=True)
    panel_response_on = models.DateField("date of the Panel's response", null=True, blank=True)
    panel_response = models.TextField("the Panel's response", blank=True)

    class Meta:
        ordering = ["incident"]

    def __str__(self) -> str:
        return f"Rapid review of {self.incident}"

    @property
    def is_decided(self) -> bool:
        return bool(self.decision)

    def criteria_labels(self) -> list[str]:
        return [Criterion(value).label for value in self.criteria if value in Criterion.values]

    def clean(self) -> None:
        errors: dict[str, str] = {}
        unknown = [value for value in self.criteria or [] if value not in Criterion.values]
        if unknown:
            errors["criteria"] = "Choose the criteria from the list."
        notified = self.incident.notified_on if self.incident_id else None
        if self.meeting_on and notified and self.meeting_on < notified:
            errors["meeting_on"] = "The meeting must be on or after the notification."
        elif error := _past(self.meeting_on, "date of the meeting"):
            errors["meeting_on"] = error
        if self.decision:
            if not self.meeting_on:
                errors["decision"] = "Record the rapid review meeting before the decision."
            if not self.decided_on:
                errors["decided_on"] = "Enter the date of the decision."
            elif self.meeting_on and self.decided_on < self.meeting_on:
                errors["decided_on"] = "The decision must be on or after the meeting."
            elif error := _past(self.decided_on, "date of the decision"):
                errors["decided_on"] = error
            if not self.decision_reasons.strip():
                errors["decision_reasons"] = "Enter the reasons for the decision."
        elif self.decided_on:
            errors["decision"] = "Choose the decision, or leave its date empty."
        if self.sent_to_panel_on:
            if notified and self.sent_to_panel_on < notified:
                errors["sent_to_panel_on"] = "It cannot be sent before the notification."
            elif error := _past(self.sent_to_panel_on, "date sent to the Panel"):
                errors["sent_to_panel_on"] = error
        if self.panel_response_on:
            if not self.sent_to_panel_on:
                errors["panel_response_on"] = "Record when it was sent to the Panel first."
            elif self.panel_response_on < self.sent_to_panel_on:
                errors["panel_response_on"] = "The response must be on or after it was sent."
            elif error := _past(self.panel_response_on, "date of the Panel's response"):
                errors["panel_response_on"] = error
        elif self.panel_response.strip():
            errors["panel_response_on"] = "Enter the date of the Panel's response."
        if errors:
            raise ValidationError(errors)


class AgencySummary(BoardOwnedModel):
    """One agency's summary of its involvement, requested for the rapid review."""

    rapid_review = models.ForeignKey(
        RapidReview, on_delete=models.CASCADE, related_name="agency_summaries"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    requested_on = models.DateField("date requested")
    received_on = models.DateField("date received", null=True, blank=True)
    contact_email = models.EmailField(
        "agency contact's e-mail address",
        blank=True,
        help_text="They are e-mailed a link, never the case's details.",
    )

    class Meta:
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["rapid_review", "agency"],
                name="incident_summary_once_per_agency",
                violation_error_message="A summary has already been requested from this agency.",
            )
        ]

    def __str__(self) -> str:
        return f"Summary from {self.agency}"

    @property
    def is_outstanding(self) -> bool:
        return self.received_on is None

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.agency_id and self.agency.board_id != self.board_id:
            errors["agency"] = "Choose an agency of this board."
        notified = self.rapid_review.incident.aware_on if self.rapid_review_id else None
        if self.requested_on and notified and self.requested_on < notified:
            errors["requested_on"] = "It cannot be requested before the local authority knew."
        elif error := _past(self.requested_on, "date requested"):
            errors["requested_on"] = error
        if self.received_on and self.requested_on and self.received_on < self.requested_on:
            errors["received_on"] = "It cannot be received before it was requested."
        elif error := _past(self.received_on, "date received"):
            errors["received_on"] = error
        if errors:
            raise ValidationError(errors)

"""A review's milestones (planned and actual dates), its recommendations (each tracked as
actions in the board's action tracker) and the clock alerts already sent."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from board.models import Agency, BoardOwnedModel

from .. import action_sources
from .reviews import CaseReview


class MilestoneKind(models.TextChoices):
    RAPID_REVIEW = "rapid_review", "Rapid review completed"
    AGENCY_REPORT_REQUESTED = "agency_requested", "Agency report requested"
    AGENCY_REPORT_RECEIVED = "agency_received", "Agency report received"
    CHRONOLOGY = "chronology", "Integrated chronology"
    PRACTITIONER_EVENT = "practitioner_event", "Practitioner event"
    FAMILY_ENGAGEMENT = "family_engagement", "Family engagement"
    DRAFT_REPORT = "draft_report", "Draft report"
    FINAL_PANEL = "final_panel", "Final panel"
    BOARD_SIGN_OFF = "board_sign_off", "Board sign-off"
    SUBMISSION = "submission", "Submission to Ofsted / the national panel"
    # A practice review: the Panel and the Secretary of State are told before it is
    # published (ScrSettings.prepublication_notice_working_days).
    PREPUBLICATION_NOTICE = (
        "prepublication_notice",
        "Panel and Secretary of State told of the publication",
    )
    PUBLICATION = "publication", "Publication"


PER_AGENCY = frozenset(
    {MilestoneKind.AGENCY_REPORT_REQUESTED, MilestoneKind.AGENCY_REPORT_RECEIVED}
)
REPEATABLE = frozenset({MilestoneKind.PRACTITIONER_EVENT, MilestoneKind.FAMILY_ENGAGEMENT})
# kind -> the kinds whose actual date it may not come before
MUST_FOLLOW = {
    MilestoneKind.AGENCY_REPORT_RECEIVED: (MilestoneKind.AGENCY_REPORT_REQUESTED,),
    MilestoneKind.FINAL_PANEL: (MilestoneKind.DRAFT_REPORT,),
    MilestoneKind.BOARD_SIGN_OFF: (MilestoneKind.DRAFT_REPORT, MilestoneKind.FINAL_PANEL),
    MilestoneKind.SUBMISSION: (MilestoneKind.BOARD_SIGN_OFF,),
    MilestoneKind.PUBLICATION: (MilestoneKind.BOARD_SIGN_OFF,),
}
NEEDS_BEFORE = {  # kind -> a kind that must have happened first
    MilestoneKind.PUBLICATION: MilestoneKind.BOARD_SIGN_OFF,
    MilestoneKind.SUBMISSION: MilestoneKind.BOARD_SIGN_OFF,
}


class Milestone(BoardOwnedModel):
    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(max_length=30, choices=MilestoneKind.choices)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    planned_on = models.DateField("planned date", null=True, blank=True)
    actual_on = models.DateField("actual date", null=True, blank=True)
    web_address = models.URLField("web address of the published report", blank=True)
    notes = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["planned_on", "actual_on", "created_at"]

    def __str__(self) -> str:
        where = f" ({self.agency})" if self.agency_id else ""
        return f"{self.get_kind_display()}{where}"

    @property
    def date(self):
        return self.actual_on or self.planned_on

    def _siblings(self):
        return Milestone.objects.filter(review_id=self.review_id).exclude(pk=self.pk)

    def _order_errors(self) -> dict[str, str]:
        errors = {}
        siblings = self._siblings().filter(actual_on__isnull=False)
        for earlier in MUST_FOLLOW.get(self.kind, ()):
            found = siblings.filter(kind=earlier)
            if earlier in PER_AGENCY:
                found = found.filter(agency_id=self.agency_id)
            latest = max((m.actual_on for m in found), default=None)
            if latest and self.actual_on < latest:
                errors["actual_on"] = (
                    f"The {self.get_kind_display().lower()} cannot be before the "
                    f"{MilestoneKind(earlier).label.lower()} ({latest:%d/%m/%Y})."
                )
        needed = NEEDS_BEFORE.get(self.kind)
        if needed and not siblings.filter(kind=needed).exists():
            errors["actual_on"] = (
                f"Record the {MilestoneKind(needed).label.lower()} before the "
                f"{self.get_kind_display().lower()}."
            )
        later = [k for k, before in MUST_FOLLOW.items() if self.kind in before]
        earliest = siblings.filter(kind__in=later)
        if self.kind in PER_AGENCY:
            earliest = earliest.filter(agency_id=self.agency_id)
        first = min((m for m in earliest), key=lambda m: m.actual_on, default=None)
        if first and self.actual_on > first.actual_on:
            errors["actual_on"] = (
                f"The {self.get_kind_display().lower()} cannot be after the "
                f"{first.get_kind_display().lower()} ({first.actual_on:%d/%m/%Y})."
            )
        return errors

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.review_id and self.review.board_id != self.board_id:
            errors["review"] = "The review belongs to another board."
        if self.kind in PER_AGENCY and not self.agency_id:
            errors["agency"] = "Choose the agency whose report this is."
        elif self.kind not in PER_AGENCY and self.agency_id:
            errors["agency"] = "Only agency reports name an agency."
        elif self.agency_id and self.agency.board_id != self.board_id:
            errors["agency"] = "Choose an agency of this board."
        if not self.planned_on and not self.actual_on:
            errors["planned_on"] = "Enter the planned date, the actual date or both."
        if self.actual_on and self.actual_on > timezone.localdate():
            errors["actual_on"] = "The actual date must be today or in the past."
        if self.web_address and self.kind != MilestoneKind.PUBLICATION:
            errors["web_address"] = "Only the publication has a web address."
        if self.kind == MilestoneKind.PUBLICATION and self.actual_on and not self.web_address:
            errors["web_address"] = "Enter the web address of the published report."
        if self.review_id and self.kind not in REPEATABLE and not errors:
            same = self._siblings().filter(kind=self.kind, agency_id=self.agency_id)
            if same.exists():
                errors["kind"] = f"This review already has a {self.get_kind_display().lower()}."
        if self.review_id and self.actual_on and not errors:
            if self.actual_on < self.review.notified_on:
                errors["actual_on"] = "The actual date cannot be before the notification."
            else:
                errors.update(self._order_errors())
        if errors:
            raise ValidationError(errors)


class ClockAlert(BoardOwnedModel):
    """One alert e-mail about one clock of one review: sent once, however often the task
    runs (the unique constraint), `stage` "before" or "after" the clock runs out."""

    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="clock_alerts")
    clock = models.CharField(max_length=30)
    stage = models.CharField(max_length=10)
    sent_on = models.DateField()
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sent_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "clock", "stage"], name="scr_clock_alert_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.review}: {self.clock} {self.stage}"


class RecommendationScope(models.TextChoices):
    SINGLE_AGENCY = "single", "Single-agency"
    MULTI_AGENCY = "multi", "Multi-agency"


class Recommendation(BoardOwnedModel):
    """A review's recommendation. Each becomes one or more actions in the board's action
    tracker (board.models.Action, with this recommendation as its source)."""

    action_source_type = action_sources.SERIOUS_CASE_REVIEW

    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveSmallIntegerField(editable=False)
    text = models.TextField("recommendation")
    scope = models.CharField(max_length=10, choices=RecommendationScope.choices)

    class Meta:
        ordering = ["review", "number"]
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="scr_recommendation_number")
        ]

    def __str__(self) -> str:
        return f"{self.review} recommendation {self.number}"

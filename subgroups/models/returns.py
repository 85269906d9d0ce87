"""Quarterly returns, their history and their reminders."""

from django.conf import settings
from django.db import models

from board.models import BoardOwnedModel
from core.periods import FinancialYear, Quarter

from .groups import SubGroup


class ReturnStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    RETURNED = "returned", "Returned for amendment"
    RESUBMITTED = "resubmitted", "Resubmitted"
    APPROVED = "approved", "Approved"


EDITABLE = {ReturnStatus.NOT_STARTED, ReturnStatus.DRAFT, ReturnStatus.RETURNED}
AWAITING_APPROVAL = {ReturnStatus.SUBMITTED, ReturnStatus.RESUBMITTED}
STATUS_TAG = {
    ReturnStatus.NOT_STARTED: "govuk-tag--grey",
    ReturnStatus.DRAFT: "govuk-tag--light-blue",
    ReturnStatus.SUBMITTED: "govuk-tag--blue",
    ReturnStatus.RETURNED: "govuk-tag--orange",
    ReturnStatus.RESUBMITTED: "govuk-tag--blue",
    ReturnStatus.APPROVED: "govuk-tag--green",
}


class QuarterlyReturn(BoardOwnedModel):
    """One sub-group's return for one quarter. `content` holds the answers:

        {"questions": {question_id: text},
         "actions": {action_id: {"status": ..., "comment": ...}},
         "figures": {"<indicator_id>" or "<indicator_id>:<category_id>": "12"},
         "comments": {indicator_id: text}}

    `template` is a copy of the template taken when the return is submitted; until then
    the sub-group's current template applies. `version` rises with every save, for
    optimistic locking (see services/returns.py)."""

    subgroup = models.ForeignKey(SubGroup, on_delete=models.CASCADE, related_name="returns")
    period_start = models.DateField(help_text="The first day of the quarter.")
    status = models.CharField(
        max_length=15, choices=ReturnStatus.choices, default=ReturnStatus.NOT_STARTED
    )
    version = models.PositiveIntegerField(default=0)
    content = models.JSONField(default=dict, blank=True)
    template = models.JSONField(null=True, blank=True)
    first_submitted_at = models.DateTimeField(null=True, blank=True)
    first_submitted_on_time = models.BooleanField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["period_start", "subgroup__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["subgroup", "period_start"], name="one_return_per_subgroup_quarter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subgroup} {self.quarter.label}"

    @property
    def quarter(self) -> Quarter:
        return Quarter.containing(self.period_start)

    @property
    def is_stored(self) -> bool:
        """False for the unsaved "not started" stand-in that `return_get` gives."""
        return not self._state.adding

    @property
    def quarter_slug(self) -> str:
        """As in URLs: 2014-15-q1."""
        return f"{self.quarter.year.slug}-q{self.quarter.number}"

    @property
    def year(self) -> FinancialYear:
        return self.quarter.year

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE

    @property
    def is_locked(self) -> bool:
        return self.status == ReturnStatus.APPROVED

    @property
    def is_submitted(self) -> bool:
        return self.status in AWAITING_APPROVAL or self.status == ReturnStatus.APPROVED

    @property
    def status_tag(self) -> str:
        return STATUS_TAG[ReturnStatus(self.status)]


class ReturnEventKind(models.TextChoices):
    STARTED = "started", "Started"
    SUBMITTED = "submitted", "Submitted"
    RESUBMITTED = "resubmitted", "Resubmitted"
    RETURNED = "returned", "Returned for amendment"
    APPROVED = "approved", "Approved"
    UNLOCKED = "unlocked", "Unlocked"
    UPLOADED = "uploaded", "Spreadsheet uploaded"


class ReturnEvent(BoardOwnedModel):
    """The return's history: who did what, when, and why."""

    quarterly_return = models.ForeignKey(
        QuarterlyReturn, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=15, choices=ReturnEventKind.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    comment = models.TextField(blank=True)
    from_status = models.CharField(max_length=15, choices=ReturnStatus.choices)
    to_status = models.CharField(max_length=15, choices=ReturnStatus.choices)
    on_time = models.BooleanField(
        null=True, blank=True, help_text="For a submission: made by the deadline?"
    )

    class Meta:
        ordering = ["at", "created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.at:%d %b %Y}"


class ReminderStage(models.TextChoices):
    DUE_SOON = "due_soon", "Due soon"
    OVERDUE = "overdue", "Overdue"


class ReturnReminder(BoardOwnedModel):
    """One reminder e-mail round for a return. The unique constraint means a return is
    never reminded twice at the same stage, however often the task runs."""

    quarterly_return = models.ForeignKey(
        QuarterlyReturn, on_delete=models.CASCADE, related_name="reminders"
    )
    stage = models.CharField(max_length=10, choices=ReminderStage.choices)
    sent_on = models.DateField()
    sent_to = models.TextField(help_text="The addresses, one a line.")

    class Meta:
        ordering = ["sent_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["quarterly_return", "stage"], name="return_reminder_once_per_stage"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} reminder, {self.sent_on}"

"""An agency's reporting form for a child death case (formerly Form B): requested, chased
and received, and the reminders sent while it is overdue."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from board.models import Agency, BoardOwnedModel

from .cases import CdopCase


class AgencyForm(BoardOwnedModel):
    """An agency's reporting form (formerly Form B) for one case: requested, chased,
    received. Reminders go to the contact named here."""

    case = models.ForeignKey(CdopCase, on_delete=models.CASCADE, related_name="agency_forms")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    contact_email = models.EmailField(
        "agency contact's e-mail address",
        help_text="Reminders go here. They carry a link, never details of the case.",
    )
    requested_on = models.DateField("date requested")
    last_chased_on = models.DateField("last chased", null=True, blank=True)
    received_on = models.DateField("date received", null=True, blank=True)

    class Meta:
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "agency"],
                name="cdop_one_form_per_agency",
                violation_error_message="A form has already been requested from this agency.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} form for {self.case}"

    def days_outstanding_on(self, today: date) -> int | None:
        """Days since the request while the form is awaited; the count stops when the case
        closes (a closed case waits for nothing), so an old case never reads "4484 days"."""
        if self.received_on:
            return None
        end = min(today, self.case.closed_on or today)
        return max((end - self.requested_on).days, 0)

    @property
    def days_outstanding(self) -> int | None:
        return self.days_outstanding_on(timezone.localdate())

    def clean(self) -> None:
        errors = {}
        if self.case_id and self.case.board_id != self.board_id:
            errors["case"] = "The case belongs to another board."
        if self.agency_id and self.agency.board_id != self.board_id:
            errors["agency"] = "Choose an agency of this board."
        if self.case_id and self.requested_on and self.requested_on < self.case.notified_on:
            errors["requested_on"] = "The form cannot be requested before the death was notified."
        if self.requested_on and self.requested_on > timezone.localdate():
            errors["requested_on"] = "Date requested must be today or in the past."
        if self.received_on and self.requested_on and self.received_on < self.requested_on:
            errors["received_on"] = "Date received must be on or after the date requested."
        if self.received_on and self.received_on > timezone.localdate():
            errors["received_on"] = "Date received must be today or in the past."
        if errors:
            raise ValidationError(errors)


class AgencyFormReminder(BoardOwnedModel):
    """One reminder e-mail. `stage` is the reminder's number for its form (1 when the form
    falls due, 2 after one more chase interval, ...): the unique constraint means a form is
    never reminded twice at the same stage, however often the task runs."""

    agency_form = models.ForeignKey(AgencyForm, on_delete=models.CASCADE, related_name="reminders")
    stage = models.PositiveSmallIntegerField()
    sent_on = models.DateField()
    sent_to = models.EmailField()

    class Meta:
        ordering = ["sent_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency_form", "stage"], name="cdop_reminder_once_per_stage"
            )
        ]

    def __str__(self) -> str:
        return f"Reminder {self.stage} for {self.agency_form}"

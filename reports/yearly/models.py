"""The partnership yearly report's own records (Working Together 2023): each lead
partner's sign-off, the independent scrutineer's assessment, the dates the published
report was sent on to the Child Safeguarding Practice Review Panel and to Foundations, and
the board's send-on deadline. Imported by reports/models.py, so they are reports' models."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from board.models import BoardOwnedModel

SEND_ON_DAYS = 7


class YearlyReportSettings(BoardOwnedModel):
    """The board's send-on deadline, made with the board (board.setup)."""

    send_on_days = models.PositiveSmallIntegerField(
        "send the published yearly report on within (days of publication)",
        default=SEND_ON_DAYS,
        help_text="Check against current guidance: Working Together 2023 says 7 days.",
    )

    class Meta:
        verbose_name = "yearly report settings"
        verbose_name_plural = "yearly report settings"
        constraints = [
            models.UniqueConstraint(fields=["board"], name="yearly_report_settings_per_board")
        ]

    def __str__(self) -> str:
        return f"Yearly report settings for {self.board}"

    def clean(self) -> None:
        if not 1 <= self.send_on_days <= 60:
            raise ValidationError({"send_on_days": "Enter between 1 and 60 days."})


def _not_future(day, field: str, what: str) -> dict:
    if day and day > timezone.localdate():
        return {field: f"The date of {what} must be today or in the past."}
    return {}


def _same_board(record, report_field: str = "report") -> dict:
    report = getattr(record, report_field, None) if record.report_id else None
    if report is not None and report.board_id != record.board_id:
        return {"report": "The report belongs to another board."}
    return {}


class LeadPartnerSignOff(BoardOwnedModel):
    """One lead safeguarding partner's sign-off of the yearly report."""

    report = models.ForeignKey(
        "reports.AnnualReport", on_delete=models.CASCADE, related_name="sign_offs"
    )
    agency = models.ForeignKey("board.Agency", on_delete=models.PROTECT, related_name="+")
    signatory = models.CharField("name of the signatory", max_length=200)
    signed_on = models.DateField("date of the sign-off")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["report", "agency"], name="sign_off_per_partner")
        ]

    def __str__(self) -> str:
        return f"Sign-off by {self.agency}"

    def clean(self) -> None:
        errors = _same_board(self) | _not_future(self.signed_on, "signed_on", "the sign-off")
        if self.agency_id and self.agency.board_id != self.board_id:
            errors["agency"] = "Choose a lead partner of this board."
        if not self.signatory.strip():
            errors["signatory"] = "Enter the name of the signatory"
        if errors:
            raise ValidationError(errors)


class ScrutinyConclusion(models.TextChoices):
    EFFECTIVE = "effective", "The arrangements are effective"
    IMPROVEMENTS = "improvements", "Effective, with improvements needed"
    NOT_EFFECTIVE = "not_effective", "The arrangements are not effective"


class ScrutinyAssessment(BoardOwnedModel):
    """The independent scrutineer's assessment of the yearly report."""

    report = models.OneToOneField(
        "reports.AnnualReport", on_delete=models.CASCADE, related_name="scrutiny"
    )
    text = models.TextField("the assessment")
    conclusion = models.CharField(max_length=20, choices=ScrutinyConclusion.choices)
    assessed_on = models.DateField("date of the assessment")
    assessed_by = models.CharField("name of the scrutineer", max_length=200)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"Scrutiny of {self.report}"

    def clean(self) -> None:
        errors = _same_board(self) | _not_future(self.assessed_on, "assessed_on", "the assessment")
        if not self.text.strip():
            errors["text"] = "Enter the assessment"
        if not self.assessed_by.strip():
            errors["assessed_by"] = "Enter the name of the scrutineer"
        if errors:
            raise ValidationError(errors)


class SendOnRecipient(models.TextChoices):
    PANEL = "panel", "Child Safeguarding Practice Review Panel"
    FOUNDATIONS = "foundations", "Foundations (the What Works centre)"


class ReportSendOn(BoardOwnedModel):
    """The day the published yearly report was sent to one of its two recipients."""

    report = models.ForeignKey(
        "reports.AnnualReport", on_delete=models.CASCADE, related_name="send_ons"
    )
    recipient = models.CharField(max_length=20, choices=SendOnRecipient.choices)
    sent_on = models.DateField("date sent")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["recipient"]
        constraints = [
            models.UniqueConstraint(fields=["report", "recipient"], name="send_on_per_recipient")
        ]

    def __str__(self) -> str:
        return f"Sent to {self.get_recipient_display()}"

    def clean(self) -> None:
        errors = _same_board(self) | _not_future(self.sent_on, "sent_on", "sending")
        published = self.report.published_at if self.report_id else None
        if published and self.sent_on and self.sent_on < timezone.localdate(published):
            errors["sent_on"] = "The date sent must be on or after the day of publication."
        if errors:
            raise ValidationError(errors)

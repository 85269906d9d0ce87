"""Board, executive and development-day meetings: agenda, papers, minutes, attendance."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from .base import BoardOwnedModel
from .membership import Membership


class MeetingKind(models.TextChoices):
    BOARD = "board", "Board meeting"
    EXECUTIVE = "executive", "Executive meeting"
    DEVELOPMENT_DAY = "development_day", "Development day"


class Meeting(BoardOwnedModel):
    kind = models.CharField("type of meeting", max_length=20, choices=MeetingKind.choices)
    date = models.DateField()
    title = models.CharField(max_length=200, blank=True)
    location = models.CharField(max_length=200, blank=True)
    minutes = models.TextField(blank=True)
    minutes_approved_at = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_minutes_of",
        verbose_name="minutes approved at",
        help_text="The later meeting at which these minutes were agreed as a true record.",
    )
    action_source_type = "meeting"  # actions arising from a meeting's decisions

    class Meta:
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.date:%-d %B %Y}"

    @property
    def name(self) -> str:
        return self.title or self.get_kind_display()

    def clean(self) -> None:
        later = self.minutes_approved_at
        if later is None:
            return
        if later.board_id != self.board_id or later.pk == self.pk:
            raise ValidationError({"minutes_approved_at": "Choose a later meeting of this board."})
        if self.date and later.date <= self.date:
            raise ValidationError(
                {"minutes_approved_at": "Minutes are approved at a later meeting."}
            )
        if not self.minutes.strip():
            raise ValidationError({"minutes": "Record the minutes before their approval."})


class AgendaItem(BoardOwnedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField("item number")
    title = models.CharField(max_length=300)
    presenter = models.CharField(max_length=200, blank=True)
    decision = models.TextField("decision or outcome", blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "position"],
                name="agenda_item_number_unique_per_meeting",
                violation_error_message="The agenda already has an item with this number.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


def paper_upload_to(paper: "Paper", filename: str) -> str:
    # The stored name is random: the person's file name is kept only as data.
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"boards/{paper.board_id}/papers/{uuid.uuid4().hex}{suffix}"


class Paper(BoardOwnedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=300)
    file = models.FileField(upload_to=paper_upload_to, max_length=300)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"
    DEPUTY = "deputy", "Deputy sent"


class Attendance(BoardOwnedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="attendances")
    status = models.CharField(max_length=20, choices=AttendanceStatus.choices)
    deputy_name = models.CharField("deputy's name", max_length=200, blank=True)

    class Meta:
        ordering = ["membership__person__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "membership"], name="attendance_once_per_member_per_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.membership.person} at {self.meeting}: {self.get_status_display()}"

    def clean(self) -> None:
        errors = {}
        meeting, membership = self.meeting, self.membership
        if membership.board_id != self.board_id or meeting.board_id != self.board_id:
            errors["membership"] = "Choose a member of this board."
        elif not membership.is_current_on(meeting.date):
            errors["membership"] = (
                f"{membership.person} was not a member on {meeting.date:%-d %B %Y}."
            )
        if self.status == AttendanceStatus.DEPUTY and not self.deputy_name.strip():
            errors["deputy_name"] = "Enter the name of the deputy who was sent."
        if self.status != AttendanceStatus.DEPUTY and self.deputy_name.strip():
            errors["deputy_name"] = "Only give a deputy's name when a deputy was sent."
        if errors:
            raise ValidationError(errors)

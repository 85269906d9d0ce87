"""What the board learns from its reviews (lessons, themes, dissemination) and the
review's documents, most of them confidential."""

from pathlib import PurePosixPath
from uuid import uuid4

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from board.models import Agency, BoardOwnedModel

from .reviews import CaseReview

DEFAULT_THEMES = [
    "Domestic abuse",
    "Parental mental health",
    "Substance misuse",
    "Neglect",
    "Pre-birth assessment",
    "Supervision",
    "Information sharing",
    "Missing",
    "Child sexual exploitation",
]


class Theme(BoardOwnedModel):
    """A learning theme: a vocabulary each board edits. Retired, never deleted."""

    name = models.CharField(max_length=100)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["board", "name"], name="scr_theme_unique")]

    def __str__(self) -> str:
        return self.name


class Lesson(BoardOwnedModel):
    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="lessons")
    text = models.TextField("lesson")
    themes = models.ManyToManyField(Theme, related_name="lessons")

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:80]


class DisseminationKind(models.TextChoices):
    BRIEFING = "briefing", "Briefing"
    TRAINING = "training", "Training event"
    NEWSLETTER = "newsletter", "Newsletter"
    WORKSHOP = "workshop", "Workshop"
    OTHER = "other", "Other"


class Dissemination(BoardOwnedModel):
    kind = models.CharField(max_length=20, choices=DisseminationKind.choices)
    title = models.CharField(max_length=200)
    held_on = models.DateField("date")
    reached = models.PositiveIntegerField("people reached", null=True, blank=True)
    reviews = models.ManyToManyField(CaseReview, related_name="disseminations")

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return self.title


class DocumentKind(models.TextChoices):
    FULL_REPORT = "full_report", "Full (overview) report"
    AGENCY_REPORT = "agency_report", "Agency report"
    EXECUTIVE_SUMMARY = "executive_summary", "Executive summary"


CONFIDENTIAL_KINDS = frozenset({DocumentKind.FULL_REPORT, DocumentKind.AGENCY_REPORT})


def document_upload_to(document: "ReviewDocument", filename: str) -> str:
    # The stored name is random: the person's file name is kept only as data.
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"reviews/{document.board_id}/{uuid4().hex}{suffix}"


class ReviewDocument(BoardOwnedModel):
    review = models.ForeignKey(CaseReview, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    title = models.CharField(max_length=200)
    is_published = models.BooleanField(
        "published", default=False, help_text="Only an executive summary can be published."
    )
    file = models.FileField(upload_to=document_upload_to, max_length=300)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["kind", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_confidential(self) -> bool:
        return not (self.kind == DocumentKind.EXECUTIVE_SUMMARY and self.is_published)

    def clean(self) -> None:
        errors = {}
        if self.kind == DocumentKind.AGENCY_REPORT and not self.agency_id:
            errors["agency"] = "Choose the agency whose report this is."
        if self.agency_id and self.agency.board_id != self.board_id:
            errors["agency"] = "Choose an agency of this board."
        if self.is_published and self.kind != DocumentKind.EXECUTIVE_SUMMARY:
            errors["is_published"] = "Only an executive summary can be published."
        if errors:
            raise ValidationError(errors)

"""A historic child death register uploaded for import: checked, held for the panel to
preview, then applied all-or-nothing (reviews/child_deaths/services/register_import.py)."""

from django.conf import settings
from django.db import models

from board.models import BoardOwnedModel


class RegisterImportStatus(models.TextChoices):
    PREVIEWED = "previewed", "Waiting to be applied"
    APPLIED = "applied", "Applied"
    REFUSED = "refused", "Refused: the file has problems"


class RegisterImport(BoardOwnedModel):
    filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    # The file's rows as read, kept only until they are applied (then emptied): the
    # cases hold them from then on, and the dates of birth and death are not kept twice.
    rows = models.JSONField(default=list, blank=True)
    status = models.CharField(
        max_length=10, choices=RegisterImportStatus.choices, default=RegisterImportStatus.PREVIEWED
    )
    problems = models.JSONField(default=list, blank=True, help_text="[row, column, message]")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    applied_at = models.DateTimeField(null=True, blank=True)
    cases_created = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename

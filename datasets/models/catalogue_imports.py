"""A catalogue file (indicators), held between its preview and its apply, as an
ImportBatch holds a file of figures."""

from django.conf import settings
from django.db import models

from board.models import BoardOwnedModel


class CatalogueImportStatus(models.TextChoices):
    PREVIEWED = "previewed", "Checked, not applied"
    APPLIED = "applied", "Applied"


class CatalogueImport(BoardOwnedModel):
    filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    rows = models.JSONField(default=list, blank=True, help_text="The file's rows, as read.")
    status = models.CharField(
        max_length=10,
        choices=CatalogueImportStatus.choices,
        default=CatalogueImportStatus.PREVIEWED,
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    applied_at = models.DateTimeField(null=True, blank=True)
    summary = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename

"""Precomputed dashboards and pending imports."""

from django.conf import settings
from django.db import models

from board.models import BoardOwnedModel


class Snapshot(BoardOwnedModel):
    """Everything the dashboard shows for one board and financial year, computed by
    `snapshot_refresh`. `stale` is set whenever an observation of that year changes."""

    year = models.PositiveSmallIntegerField(help_text="First calendar year of the financial year.")
    data = models.JSONField(default=dict)
    refreshed_at = models.DateTimeField(null=True, blank=True)
    stale = models.BooleanField(default=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["board", "year"], name="snapshot_one_per_board_year")
        ]

    def __str__(self) -> str:
        return f"{self.board_id} {self.year}"


class ImportStatus(models.TextChoices):
    PREVIEWED = "previewed", "Waiting to be applied"
    APPLIED = "applied", "Applied"
    REFUSED = "refused", "Refused: the file has problems"


class ImportBatch(BoardOwnedModel):
    """An uploaded file, validated and held for preview until the manager applies it. A
    file with problems is kept as a refused batch with its problems (not its rows), so the
    full list can be downloaded when the page shows only the first of them."""

    filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    rows = models.JSONField(default=list, blank=True, help_text="The file's rows, as read.")
    status = models.CharField(
        max_length=10, choices=ImportStatus.choices, default=ImportStatus.PREVIEWED
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    applied_at = models.DateTimeField(null=True, blank=True)
    summary = models.JSONField(default=dict)
    problems = models.JSONField(
        default=list, blank=True, help_text="A refused file's problems: [row, column, message]."
    )
    # The background job applying a big file (core/jobs): the batch page shows its
    # progress and result. Null for a file applied in the request.
    job = models.ForeignKey(
        "jobs.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "import batches"

    def __str__(self) -> str:
        return self.filename

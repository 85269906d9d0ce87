"""A readiness pack: the six months it covers, the job building it and the two files it
made. The files are kept in the default storage under jtai/<board>/ and are downloaded
through a permission-checked view, never a public media URL."""

from django.conf import settings
from django.db import models

from board.models import BoardOwnedModel


class PackStatus(models.TextChoices):
    WAITING = "waiting", "Being made"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed"


class JtaiPack(BoardOwnedModel):
    period_start = models.DateField("first day covered")
    period_end = models.DateField("last day covered")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=PackStatus.choices, default=PackStatus.WAITING)
    job = models.ForeignKey(
        "jobs.Job", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    pdf_file = models.CharField(max_length=300, blank=True)
    xlsx_file = models.CharField(max_length=300, blank=True)
    pages = models.PositiveIntegerField(default=0)
    # How many records of each part went in ({"audits": 2, ...}): shown on the pack's page.
    counts = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"JTAI readiness pack {self.period_start:%-d %B %Y} to {self.period_end:%-d %B %Y}"

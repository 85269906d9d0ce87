"""The audit trail. Writes are logged automatically by django-auditlog (every model, see
AUDITLOG_* in settings); reads of restricted records are logged by calling `log_access`."""

from auditlog.models import LogEntry
from auditlog.signals import accessed
from django.db import models
from django.db.models import QuerySet

from .models import Board


def log_access(instance: models.Model) -> None:
    """Record that the signed-in user (taken from the request by the audit middleware)
    viewed or downloaded a restricted record: a CDOP case, a confidential document."""
    accessed.send(sender=instance.__class__, instance=instance)


def entries_for_board(board: Board) -> QuerySet[LogEntry]:
    return LogEntry.objects.filter(additional_data__board=str(board.id)).select_related(
        "actor", "content_type"
    )

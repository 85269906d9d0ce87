"""The audit trail. Writes are logged automatically by django-auditlog (every model, see
AUDITLOG_* in settings); reads of restricted records are logged by calling `log_access`."""

from auditlog.models import LogEntry
from auditlog.signals import accessed
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone

from .models import Board


def log_access(instance: models.Model) -> None:
    """Record that the signed-in user (taken from the request by the audit middleware)
    viewed or downloaded a restricted record: a CDOP case, a confidential document."""
    accessed.send(sender=instance.__class__, instance=instance)


def log_access_many(instances: list[models.Model], *, actor) -> None:
    """`log_access` for a whole page of records in one INSERT (API lists of cases), so that
    logging every read does not cost a query per row."""
    if not instances:
        return
    content_type = ContentType.objects.get_for_model(instances[0].__class__)
    LogEntry.objects.bulk_create(
        LogEntry(
            content_type=content_type,
            object_pk=str(instance.pk),
            object_repr=str(instance)[:200],
            action=LogEntry.Action.ACCESS,
            actor=actor,
            actor_email=getattr(actor, "email", None),
            timestamp=timezone.now(),
            additional_data=instance.get_additional_data(),
        )
        for instance in instances
    )


def entries_for_board(board: Board) -> QuerySet[LogEntry]:
    return LogEntry.objects.filter(additional_data__board=str(board.id)).select_related(
        "actor", "content_type"
    )

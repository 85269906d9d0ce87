"""The audit trail. Writes of the records in the allow-list (board/audit_tracking.py) are
logged automatically by django-auditlog into board.AuditEntry; reads of restricted records
are logged by calling `log_access`. Who may read an entry: board/record_visibility.py."""

from auditlog.signals import accessed
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone

from .models import AuditEntry, Board
from .models.audit import board_id_of
from .record_visibility import visible_entries


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
    AuditEntry.objects.bulk_create(
        AuditEntry(
            content_type=content_type,
            object_pk=str(instance.pk),
            object_repr=str(instance)[:200],
            action=AuditEntry.Action.ACCESS,
            actor=actor,
            actor_email=getattr(actor, "email", None),
            timestamp=timezone.now(),
            board_id=board_id_of(instance),
        )
        for instance in instances
    )


def entries_for_board(board: Board) -> QuerySet[AuditEntry]:
    """Every entry of the board, whoever may read it (exports, removal, tests)."""
    return AuditEntry.objects.filter(board=board).select_related("actor", "content_type")


def entries_for_reader(board: Board, user) -> QuerySet[AuditEntry]:
    """The board's entries that `user` may read: those about records they may open."""
    return visible_entries(entries_for_board(board), user=user)

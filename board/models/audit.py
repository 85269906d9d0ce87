"""The audit trail's own table: django-auditlog's log entry with the board it is about as
an indexed column (settings AUDITLOG_LOGENTRY_MODEL), so a board's log is an index read
rather than a scan of a JSON tag."""

from auditlog.models import AbstractLogEntry, LogEntryManager
from django.db import models

from .boards import Board


def board_id_of(instance: models.Model):
    """The board a record belongs to: the board itself, or its `board` foreign key."""
    if isinstance(instance, Board):
        return instance.pk
    return getattr(instance, "board_id", None)


class AuditEntryManager(LogEntryManager):
    """Every entry written by django-auditlog's signals names its record's board."""

    def log_create(self, instance, force_log: bool = False, **kwargs):
        kwargs.setdefault("board_id", board_id_of(instance))
        return super().log_create(instance, force_log=force_log, **kwargs)

    def log_m2m_changes(self, changed_queryset, instance, operation, field_name, **kwargs):
        kwargs.setdefault("board_id", board_id_of(instance))
        return super().log_m2m_changes(changed_queryset, instance, operation, field_name, **kwargs)


class AuditEntry(AbstractLogEntry):
    # No database constraint and nothing done on delete: the trail outlives the records it
    # is about, and a board's own deletion is logged against it. Removing a board's log is
    # a deliberate step (board.board_data.remove_board).
    board = models.ForeignKey(
        Board,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,  # the (board, timestamp) index below serves board look-ups too
        null=True,
        blank=True,
        related_name="+",
    )

    objects = AuditEntryManager()

    class Meta(AbstractLogEntry.Meta):
        verbose_name = "audit entry"
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["board", "timestamp"], name="auditentry_board_time")]

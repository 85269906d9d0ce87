"""Audit entries for bulk writes. django-auditlog logs each save() through signals;
bulk_create/bulk_update send none, so imports write the same entries themselves."""

from django.contrib.contenttypes.models import ContentType

from board.models import AuditEntry


def audit_value(instance) -> str:
    """A figure as its audit entry writes it: a benchmark with no published figure by its
    reason, so "Suppressed" is not read as a value of None."""
    if getattr(instance, "missing", ""):
        return instance.get_missing_display()
    return str(instance.value)


def log_bulk(before: dict, *, user=None, now=None) -> None:
    """`before` maps each written instance to its old value (None when it was created)."""
    entries = []
    types: dict = {}
    for instance, old in before.items():
        model = type(instance)
        types.setdefault(model, ContentType.objects.get_for_model(model))
        created = old is None
        entries.append(
            AuditEntry(
                content_type=types[model],
                object_pk=str(instance.pk),
                object_repr=str(instance)[:1000],
                action=AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE,
                changes={"value": ["None" if created else old, audit_value(instance)]},
                actor=user if getattr(user, "is_authenticated", False) else None,
                timestamp=now,
                board_id=instance.board_id,
            )
        )
    AuditEntry.objects.bulk_create(entries, batch_size=2000)

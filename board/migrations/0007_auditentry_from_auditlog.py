"""Move the audit trail into board.AuditEntry, giving each entry its board (until now a
JSON tag in additional_data), and leave behind everything that held a secret: entries
about authenticator devices, lockout records, sessions and API tokens or idempotency
records, and any recorded value of a field named like a secret (a password, key, token,
secret or hash). The old table is emptied, so no secret stays readable there.

The rules are written out here, not imported, so that the migration does the same thing
whatever the code later becomes."""

import re
import uuid

from django.db import migrations

BATCH = 2000
# Apps whose records are credentials, or guard them: their entries go.
SECRET_APPS = {
    "otp_totp", "otp_static", "otp_email", "otp_hotp", "django_otp",
    "axes", "sessions", "api", "authtoken",
}  # fmt: skip
SECRET_NAME = re.compile(r"key|token|secret|password|hash", re.IGNORECASE)
FIELDS = (
    "content_type_id", "object_pk", "object_id", "object_repr", "serialized_data", "action",
    "changes_text", "changes", "actor_id", "cid", "remote_addr", "remote_port", "timestamp",
    "additional_data", "actor_email",
)  # fmt: skip


def without_secrets(values: dict | None) -> dict | None:
    if not isinstance(values, dict):
        return values
    return {name: value for name, value in values.items() if not SECRET_NAME.search(name)}


def board_of(additional_data) -> tuple[uuid.UUID | None, dict | None]:
    """The board named by the old JSON tag, and what else the tag held (if anything)."""
    if not isinstance(additional_data, dict):
        return None, additional_data
    rest = {key: value for key, value in additional_data.items() if key != "board"}
    try:
        board_id = uuid.UUID(str(additional_data.get("board")))
    except ValueError:
        board_id = None
    return board_id, rest or None


def carried_over(row: dict, secret_types: set[int]) -> dict | None:
    if row["content_type_id"] in secret_types:
        return None
    changes = without_secrets(row["changes"])
    if row["changes"] and not changes and row["action"] == 1:
        return None  # an update that changed nothing but a secret
    row = {**row, "changes": changes}
    if SECRET_NAME.search(row["changes_text"] or ""):
        row["changes_text"] = ""
    if isinstance(row["serialized_data"], dict) and "fields" in row["serialized_data"]:
        fields = without_secrets(row["serialized_data"]["fields"])
        row["serialized_data"] = {**row["serialized_data"], "fields": fields}
    row["board_id"], row["additional_data"] = board_of(row["additional_data"])
    return row


def forwards(apps, schema_editor):
    OldEntry = apps.get_model("auditlog", "LogEntry")
    AuditEntry = apps.get_model("board", "AuditEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    secret_types = set(
        ContentType.objects.filter(app_label__in=SECRET_APPS).values_list("pk", flat=True)
    )
    batch = []
    for row in OldEntry.objects.order_by("pk").values(*FIELDS).iterator(chunk_size=BATCH):
        kept = carried_over(row, secret_types)
        if kept is not None:
            batch.append(AuditEntry(**kept))
        if len(batch) >= BATCH:
            AuditEntry.objects.bulk_create(batch)
            batch = []
    AuditEntry.objects.bulk_create(batch)
    OldEntry.objects.all().delete()


def backwards(apps, schema_editor):
    """Put the (already cleaned) entries back where django-auditlog keeps them."""
    OldEntry = apps.get_model("auditlog", "LogEntry")
    AuditEntry = apps.get_model("board", "AuditEntry")
    batch = []
    for row in AuditEntry.objects.order_by("pk").values(*FIELDS, "board_id").iterator(BATCH):
        board_id = row.pop("board_id")
        if board_id:
            row["additional_data"] = {**(row["additional_data"] or {}), "board": str(board_id)}
        batch.append(OldEntry(**row))
        if len(batch) >= BATCH:
            OldEntry.objects.bulk_create(batch)
            batch = []
    OldEntry.objects.bulk_create(batch)
    AuditEntry.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("board", "0006_auditentry"),
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

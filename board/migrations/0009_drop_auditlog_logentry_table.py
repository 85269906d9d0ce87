"""Drop django-auditlog's own table, emptied by 0007 when its entries moved to
board.AuditEntry (AUDITLOG_LOGENTRY_MODEL). Left in place, its foreign keys to content types
and users stop those tables being truncated (the test suite's flush fails), and it is one
more place a secret could be written to by mistake. Reversing recreates it empty, so 0007
can be reversed into it. If a later django-auditlog adds migrations of its own model, they
would need this table back: recreate it first (reverse this migration)."""

from django.db import migrations


def drop(apps, schema_editor):
    schema_editor.delete_model(apps.get_model("auditlog", "LogEntry"))


def recreate(apps, schema_editor):
    schema_editor.create_model(apps.get_model("auditlog", "LogEntry"))


class Migration(migrations.Migration):
    dependencies = [
        ("board", "0008_action_source_registered"),
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [migrations.RunPython(drop, recreate)]

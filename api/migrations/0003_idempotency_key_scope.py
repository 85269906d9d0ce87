"""Idempotency keys are scoped by person, board and endpoint.

The stored answers are only kept for retries, and the one keyed write (the bulk upsert of
figures) changes nothing when sent again, so the old answers, which name no board, are
dropped rather than guessed at: a retry in flight across the deploy simply runs again."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def forget_unscoped_answers(apps, schema_editor):
    apps.get_model("api", "IdempotentRequest").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0002_idempotent_requests"),
        ("board", "0005_action_source_section_11"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(forget_unscoped_answers, migrations.RunPython.noop),
        migrations.RemoveConstraint(model_name="idempotentrequest", name="idempotent_request_key"),
        migrations.AddField(
            model_name="idempotentrequest",
            name="board",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="+", to="board.board"
            ),
        ),
        migrations.AddField(
            model_name="idempotentrequest",
            name="endpoint",
            field=models.CharField(
                help_text="The URL name, e.g. api:observation-bulk", max_length=100
            ),
        ),
        migrations.AddConstraint(
            model_name="idempotentrequest",
            constraint=models.UniqueConstraint(
                fields=("user", "board", "endpoint", "key"), name="idempotent_request_scope"
            ),
        ),
    ]

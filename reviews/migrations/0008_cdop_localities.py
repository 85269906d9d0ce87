"""Areas of residence from the board's list (reviews.Locality) instead of free text.

The typed text moves to `locality_as_typed`, kept for the panel only and never published;
every case starts "not recorded". The list is new and empty here, so nothing can match yet:
when the board saves its list (reviews.services.cdop_localities.localities_update), each
case whose typed text equals an entry, ignoring case, is given that entry. Boards still on
the old default of hiding counts below 5 move to 6 (counts of 1 to 5 hidden)."""


import django.db.models.deletion
import django.db.models.functions.text
import uuid
from django.db import migrations, models


OLD_DEFAULT, NEW_DEFAULT = 5, 6


def raise_old_default(apps, schema_editor):
    settings = apps.get_model("reviews", "CdopSettings")
    settings.objects.filter(suppress_below=OLD_DEFAULT).update(suppress_below=NEW_DEFAULT)


class Migration(migrations.Migration):
    dependencies = [
        ("board", "0005_action_source_section_11"),
        ("reviews", "0007_inspections"),
    ]

    operations = [
        migrations.RenameField(
            model_name="cdopcase", old_name="locality", new_name="locality_as_typed"
        ),
        migrations.AlterField(
            model_name="cdopcase",
            name="locality_as_typed",
            field=models.CharField(blank=True, editable=False, max_length=100),
        ),
        migrations.CreateModel(
            name="Locality",
            fields=[
                ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("name", models.CharField(max_length=100)),
                ("position", models.PositiveSmallIntegerField(default=0, help_text="Order on the list.")),
                ("is_active", models.BooleanField(default=True)),
                ("board", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="%(app_label)s_%(class)s_set", to="board.board")),
            ],
            options={"verbose_name_plural": "localities", "ordering": ["position", "name"]},
        ),
        migrations.AddConstraint(
            model_name="locality",
            constraint=models.UniqueConstraint(models.F("board"), django.db.models.functions.text.Lower("name"), name="cdop_locality_unique_name", violation_error_message="This area is already on the board's list."),
        ),
        migrations.AddField(
            model_name="cdopcase",
            name="locality",
            field=models.ForeignKey(blank=True, help_text="From the board's list of localities; empty when not recorded.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name="cases", to="reviews.locality", verbose_name="area of residence"),
        ),
        migrations.AlterField(
            model_name="cdopsettings",
            name="suppress_below",
            field=models.PositiveSmallIntegerField(default=6, help_text="In published figures, counts from 1 up to one less than this are shown as 'fewer than' this number. Check it against the board's disclosure policy.", verbose_name="suppress counts below"),
        ),
        migrations.RunPython(raise_old_default, migrations.RunPython.noop),
    ]

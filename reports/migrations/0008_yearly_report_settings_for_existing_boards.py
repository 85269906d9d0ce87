"""Boards made before the yearly report's settings get them here; new boards get them
from the set-up step (reports.yearly.services.yearly_settings_set_up)."""

from django.db import migrations


def create_settings(apps, schema_editor):
    Board = apps.get_model("board", "Board")
    Settings = apps.get_model("reports", "YearlyReportSettings")
    for board in Board.objects.all():
        Settings.objects.get_or_create(board=board)


class Migration(migrations.Migration):
    dependencies = [("reports", "0007_partnership_yearly_report")]

    operations = [migrations.RunPython(create_settings, migrations.RunPython.noop)]

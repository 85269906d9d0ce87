"""Boards made before the case review clock settings and learning themes was created with the board (board.setup) get it now, as a
read would have made it on first sight; from now on reads only read."""

from django.db import migrations

from reviews.case_reviews.models.learning import DEFAULT_THEMES


def set_up_existing_boards(apps, schema_editor):
    Board = apps.get_model("board", "Board")
    Settings = apps.get_model("case_reviews", "ScrSettings")
    Theme = apps.get_model("case_reviews", "Theme")
    for board in Board.objects.exclude(pk__in=Settings.objects.values("board")):
        Settings.objects.create(board=board)
        if not Theme.objects.filter(board=board).exists():
            Theme.objects.bulk_create([Theme(board=board, name=name) for name in DEFAULT_THEMES])


class Migration(migrations.Migration):

    dependencies = [
        ("case_reviews", "0002_rename_tables"),
        ("board", "0009_drop_auditlog_logentry_table"),
    ]

    operations = [migrations.RunPython(set_up_existing_boards, migrations.RunPython.noop)]

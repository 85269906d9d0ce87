"""Boards made before the panel's settings and risk factor list was created with the board (board.setup) get it now, as a
read would have made it on first sight; from now on reads only read."""

from django.db import migrations

from reviews.child_deaths.services.cases import DEFAULT_RISK_FACTORS


def set_up_existing_boards(apps, schema_editor):
    Board = apps.get_model("board", "Board")
    Settings = apps.get_model("child_deaths", "CdopSettings")
    RiskFactor = apps.get_model("child_deaths", "RiskFactor")
    for board in Board.objects.exclude(pk__in=Settings.objects.values("board")):
        Settings.objects.create(board=board)
        if not RiskFactor.objects.filter(board=board).exists():
            RiskFactor.objects.bulk_create(
                [RiskFactor(board=board, name=name) for name in DEFAULT_RISK_FACTORS]
            )


class Migration(migrations.Migration):

    dependencies = [
        ("child_deaths", "0002_rename_tables"),
        ("board", "0009_drop_auditlog_logentry_table"),
    ]

    operations = [migrations.RunPython(set_up_existing_boards, migrations.RunPython.noop)]

"""Boards made before the audit rating scale and the Section 11 standards was created with the board (board.setup) get it now, as a
read would have made it on first sight; from now on reads only read."""

from django.db import migrations

from reviews.assurance.models import DEFAULT_RATING_LEVELS, DEFAULT_STANDARDS


def set_up_existing_boards(apps, schema_editor):
    Board = apps.get_model("board", "Board")
    RatingLevel = apps.get_model("assurance", "RatingLevel")
    Standard = apps.get_model("assurance", "Section11Standard")
    for board in Board.objects.exclude(pk__in=RatingLevel.objects.values("board")):
        RatingLevel.objects.bulk_create(
            [
                RatingLevel(board=board, name=name, position=position)
                for position, name in enumerate(DEFAULT_RATING_LEVELS, start=1)
            ]
        )
    for board in Board.objects.exclude(pk__in=Standard.objects.values("board")):
        Standard.objects.bulk_create(
            [
                Standard(board=board, number=number, text=text)
                for number, text in enumerate(DEFAULT_STANDARDS, start=1)
            ]
        )


class Migration(migrations.Migration):

    dependencies = [
        ("assurance", "0002_rename_tables"),
        ("board", "0009_drop_auditlog_logentry_table"),
    ]

    operations = [migrations.RunPython(set_up_existing_boards, migrations.RunPython.noop)]

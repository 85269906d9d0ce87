"""The tables adopted from the reviews app take this app's name (case_reviews_<model>);
their many-to-many tables are renamed with them. Runs after reviews has forgotten them."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('case_reviews', '0001_adopt_reviews_tables'),
        ('reviews', '0009_hand_models_to_the_three_apps'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='appointment',
            table=None,
        ),
        migrations.AlterModelTable(
            name='casereview',
            table=None,
        ),
        migrations.AlterModelTable(
            name='clockalert',
            table=None,
        ),
        migrations.AlterModelTable(
            name='dissemination',
            table=None,
        ),
        migrations.AlterModelTable(
            name='lesson',
            table=None,
        ),
        migrations.AlterModelTable(
            name='milestone',
            table=None,
        ),
        migrations.AlterModelTable(
            name='panelmember',
            table=None,
        ),
        migrations.AlterModelTable(
            name='recommendation',
            table=None,
        ),
        migrations.AlterModelTable(
            name='retentionsettings',
            table=None,
        ),
        migrations.AlterModelTable(
            name='reviewdocument',
            table=None,
        ),
        migrations.AlterModelTable(
            name='scrsettings',
            table=None,
        ),
        migrations.AlterModelTable(
            name='theme',
            table=None,
        ),
    ]

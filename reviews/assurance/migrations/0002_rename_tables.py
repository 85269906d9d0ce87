"""The tables adopted from the reviews app take this app's name (assurance_<model>);
their many-to-many tables are renamed with them. Runs after reviews has forgotten them."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('assurance', '0001_adopt_reviews_tables'),
        ('reviews', '0009_hand_models_to_the_three_apps'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='audit',
            table=None,
        ),
        migrations.AlterModelTable(
            name='auditfinding',
            table=None,
        ),
        migrations.AlterModelTable(
            name='auditrating',
            table=None,
        ),
        migrations.AlterModelTable(
            name='auditrecommendation',
            table=None,
        ),
        migrations.AlterModelTable(
            name='inspection',
            table=None,
        ),
        migrations.AlterModelTable(
            name='inspectionjudgement',
            table=None,
        ),
        migrations.AlterModelTable(
            name='inspectionrecommendation',
            table=None,
        ),
        migrations.AlterModelTable(
            name='ratinglevel',
            table=None,
        ),
        migrations.AlterModelTable(
            name='section11cycle',
            table=None,
        ),
        migrations.AlterModelTable(
            name='section11rating',
            table=None,
        ),
        migrations.AlterModelTable(
            name='section11return',
            table=None,
        ),
        migrations.AlterModelTable(
            name='section11standard',
            table=None,
        ),
    ]

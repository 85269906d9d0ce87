"""The tables adopted from the reviews app take this app's name (child_deaths_<model>);
their many-to-many tables are renamed with them. Runs after reviews has forgotten them."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('child_deaths', '0001_adopt_reviews_tables'),
        ('reviews', '0009_hand_models_to_the_three_apps'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='agencyform',
            table=None,
        ),
        migrations.AlterModelTable(
            name='agencyformreminder',
            table=None,
        ),
        migrations.AlterModelTable(
            name='cdopcase',
            table=None,
        ),
        migrations.AlterModelTable(
            name='cdoprecommendation',
            table=None,
        ),
        migrations.AlterModelTable(
            name='cdopsettings',
            table=None,
        ),
        migrations.AlterModelTable(
            name='locality',
            table=None,
        ),
        migrations.AlterModelTable(
            name='riskfactor',
            table=None,
        ),
    ]

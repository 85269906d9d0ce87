"""A file with problems is kept as a refused batch holding its problems (not its rows), so
that the page can show the first of them and the full list be downloaded as CSV."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('datasets', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='importbatch',
            name='problems',
            field=models.JSONField(blank=True, default=list, help_text="A refused file's problems: [row, column, message]."),
        ),
        migrations.AlterField(
            model_name='importbatch',
            name='rows',
            field=models.JSONField(blank=True, default=list, help_text="The file's rows, as read."),
        ),
        migrations.AlterField(
            model_name='importbatch',
            name='status',
            field=models.CharField(choices=[('previewed', 'Waiting to be applied'), ('applied', 'Applied'), ('refused', 'Refused: the file has problems')], default='previewed', max_length=10),
        ),
    ]

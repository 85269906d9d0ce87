"""An Idempotency-Key is reserved (in progress) before its write runs, so that the same key
sent twice at once waits for the first instead of both writing. Every row stored before
this holds a finished answer: they are done, hence the default."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('api', '0003_idempotency_key_scope'),
    ]

    operations = [
        migrations.AddField(
            model_name='idempotentrequest',
            name='status',
            field=models.CharField(choices=[('in_progress', 'In progress'), ('done', 'Done')], default='done', max_length=11),
        ),
        migrations.AlterField(
            model_name='idempotentrequest',
            name='response',
            field=models.JSONField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name='idempotentrequest',
            name='status_code',
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
    ]

"""child_deaths's models were made by the reviews app's migrations 0001-0008, before reviews/
was split into three apps. This migration adopts them in this app's state only: no table
is made or copied (core.model_moves). Their content types, and so their audit entries and
permissions, move with them; 0002 renames the tables to this app's name."""

import django.db.models.deletion
import django.db.models.functions.text
import uuid
from django.db import migrations, models

from core.model_moves import adopt_in_state, move_content_types, rename_periodic_tasks

MOVED = ['CdopCase', 'AgencyForm', 'CdopRecommendation', 'CdopSettings', 'Locality', 'RiskFactor', 'AgencyFormReminder']


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('reviews', '0008_cdop_localities'),
        ('board', '0009_drop_auditlog_logentry_table'),
        ('django_celery_beat', '0019_alter_periodictasks_options'),
    ]

    operations = [
        adopt_in_state(
            [
        migrations.CreateModel(
            name='CdopCase',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('number', models.CharField(editable=False, max_length=30, verbose_name='case number')),
                ('nhs_number_hash', models.CharField(blank=True, editable=False, max_length=64)),
                ('date_of_birth', models.DateField()),
                ('date_of_death', models.DateField()),
                ('sex', models.CharField(choices=[('female', 'Female'), ('male', 'Male'), ('indeterminate', 'Indeterminate'), ('not_known', 'Not known')], max_length=20)),
                ('ethnicity', models.CharField(choices=[('white', 'White'), ('mixed', 'Mixed or multiple ethnic groups'), ('asian', 'Asian or Asian British'), ('black', 'Black, African, Caribbean or Black British'), ('other', 'Other ethnic group'), ('not_known', 'Not known')], max_length=20)),
                ('place_of_death', models.CharField(choices=[('hospital', 'Hospital'), ('home', "Child's home"), ('other_residence', 'Another residence'), ('public_place', 'Public place'), ('hospice', 'Hospice'), ('other', 'Other')], max_length=20)),
                ('locality_as_typed', models.CharField(blank=True, editable=False, max_length=100)),
                ('notified_by', models.CharField(help_text='The organisation or role that notified the death.', max_length=200)),
                ('notified_on', models.DateField(verbose_name='date notified')),
                ('expectation', models.CharField(choices=[('expected', 'Expected'), ('unexpected', 'Unexpected')], max_length=20, verbose_name='expected or unexpected')),
                ('rapid_response_on', models.DateField(blank=True, null=True, verbose_name='rapid response / joint agency response meeting')),
                ('review_meeting_on', models.DateField(blank=True, null=True, verbose_name='child death review meeting')),
                ('panel_review_on', models.DateField(blank=True, null=True, verbose_name='CDOP panel review')),
                ('closed_on', models.DateField(blank=True, null=True)),
                ('category', models.CharField(blank=True, choices=[('1', 'Deliberately inflicted injury, abuse or neglect'), ('2', 'Suicide or deliberate self-inflicted harm'), ('3', 'Trauma and other external factors'), ('4', 'Malignancy'), ('5', 'Acute medical or surgical condition'), ('6', 'Chronic medical condition'), ('7', 'Chromosomal, genetic and congenital anomalies'), ('8', 'Perinatal/neonatal event'), ('9', 'Infection'), ('10', 'Sudden unexpected, unexplained death')], max_length=2, verbose_name='category of death')),
                ('modifiable', models.CharField(blank=True, choices=[('yes', 'Modifiable factors identified'), ('no', 'No modifiable factors identified'), ('insufficient', 'Insufficient information')], max_length=20, verbose_name='modifiable factors')),
                ('factors_child', models.TextField(blank=True, verbose_name='factors in the child')),
                ('factors_family', models.TextField(blank=True, verbose_name='factors in the family and environment')),
                ('factors_physical', models.TextField(blank=True, verbose_name='factors in the physical environment')),
                ('factors_service', models.TextField(blank=True, verbose_name='factors in service provision')),
                ('learning_points', models.TextField(blank=True)),
                ('scr_referred_on', models.DateField(blank=True, null=True, verbose_name='referred to the SCR sub-group')),
                ('scr_referral_reason', models.TextField(blank=True, verbose_name='reason for the referral')),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
            ],
            options={
                'verbose_name': 'CDOP case',
                'ordering': ['-notified_on', '-number'],
            },
        ),
        migrations.CreateModel(
            name='AgencyForm',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('contact_email', models.EmailField(help_text='Reminders go here. They carry a link, never details of the case.', max_length=254, verbose_name="agency contact's e-mail address")),
                ('requested_on', models.DateField(verbose_name='date requested')),
                ('last_chased_on', models.DateField(blank=True, null=True, verbose_name='last chased')),
                ('received_on', models.DateField(blank=True, null=True, verbose_name='date received')),
                ('agency', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='board.agency')),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='agency_forms', to='child_deaths.cdopcase')),
            ],
            options={
                'ordering': ['agency__name'],
            },
        ),
        migrations.CreateModel(
            name='CdopRecommendation',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('text', models.TextField(verbose_name='recommendation')),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
                ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='recommendations', to='child_deaths.cdopcase')),
            ],
            options={
                'ordering': ['created_at'],
            },
        ),
        migrations.CreateModel(
            name='CdopSettings',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('review_target_months', models.PositiveSmallIntegerField(default=6, help_text='The local performance indicator: reviews completed within this many months.', verbose_name='review target (months after the death)')),
                ('suppress_below', models.PositiveSmallIntegerField(default=6, help_text="In published figures, counts from 1 up to one less than this are shown as 'fewer than' this number. Check it against the board's disclosure policy.", verbose_name='suppress counts below')),
                ('form_due_days', models.PositiveSmallIntegerField(default=28, verbose_name='agency forms due (days after the request)')),
                ('chase_every_days', models.PositiveSmallIntegerField(default=7, verbose_name='remind agencies every (days) while a form is overdue')),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
            ],
            options={
                'verbose_name': 'CDOP settings',
                'verbose_name_plural': 'CDOP settings',
            },
        ),
        migrations.CreateModel(
            name='Locality',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('name', models.CharField(max_length=100)),
                ('position', models.PositiveSmallIntegerField(default=0, help_text='Order on the list.')),
                ('is_active', models.BooleanField(default=True)),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
            ],
            options={
                'verbose_name_plural': 'localities',
                'ordering': ['position', 'name'],
            },
        ),
        migrations.AddField(
            model_name='cdopcase',
            name='locality',
            field=models.ForeignKey(blank=True, help_text="From the board's list of localities; empty when not recorded.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='cases', to='child_deaths.locality', verbose_name='area of residence'),
        ),
        migrations.CreateModel(
            name='RiskFactor',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('name', models.CharField(max_length=100)),
                ('is_active', models.BooleanField(default=True)),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
            ],
            options={
                'ordering': ['name'],
            },
        ),
        migrations.AddField(
            model_name='cdopcase',
            name='risk_factors',
            field=models.ManyToManyField(blank=True, related_name='cases', to='child_deaths.riskfactor'),
        ),
        migrations.CreateModel(
            name='AgencyFormReminder',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('stage', models.PositiveSmallIntegerField()),
                ('sent_on', models.DateField()),
                ('sent_to', models.EmailField(max_length=254)),
                ('agency_form', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to='child_deaths.agencyform')),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
            ],
            options={
                'ordering': ['sent_on'],
                'constraints': [models.UniqueConstraint(fields=('agency_form', 'stage'), name='cdop_reminder_once_per_stage')],
            },
        ),
        migrations.AddConstraint(
            model_name='agencyform',
            constraint=models.UniqueConstraint(fields=('case', 'agency'), name='cdop_one_form_per_agency', violation_error_message='A form has already been requested from this agency.'),
        ),
        migrations.AddConstraint(
            model_name='cdopsettings',
            constraint=models.UniqueConstraint(fields=('board',), name='cdop_settings_per_board'),
        ),
        migrations.AddConstraint(
            model_name='locality',
            constraint=models.UniqueConstraint(models.F('board'), django.db.models.functions.text.Lower('name'), name='cdop_locality_unique_name', violation_error_message="This area is already on the board's list."),
        ),
        migrations.AddConstraint(
            model_name='riskfactor',
            constraint=models.UniqueConstraint(fields=('board', 'name'), name='cdop_risk_factor_unique'),
        ),
        migrations.AddConstraint(
            model_name='cdopcase',
            constraint=models.UniqueConstraint(fields=('board', 'number'), name='cdop_case_number_unique'),
        ),
        migrations.AddConstraint(
            model_name='cdopcase',
            constraint=models.UniqueConstraint(condition=models.Q(('nhs_number_hash', ''), _negated=True), fields=('board', 'nhs_number_hash', 'date_of_death'), name='cdop_case_no_duplicate_notification', violation_error_message='This death has already been notified.'),
        ),
            ],
            old_label="reviews",
        ),
        move_content_types(old_label="reviews", new_label="child_deaths", models=MOVED),
        rename_periodic_tasks({'reviews.tasks.send_cdop_form_reminders': 'reviews.child_deaths.tasks.send_cdop_form_reminders'}),
    ]

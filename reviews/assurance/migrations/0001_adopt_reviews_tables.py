"""assurance's models were made by the reviews app's migrations 0001-0008, before reviews/
was split into three apps. This migration adopts them in this app's state only: no table
is made or copied (core.model_moves). Their content types, and so their audit entries and
permissions, move with them; 0002 renames the tables to this app's name."""

import django.core.validators
import django.db.models.deletion
import uuid
from django.db import migrations, models

from core.model_moves import adopt_in_state, move_content_types

MOVED = ['Audit', 'AuditFinding', 'Inspection', 'RatingLevel', 'AuditRating', 'Section11Cycle', 'Section11Return', 'Section11Standard', 'Section11Rating', 'AuditRecommendation', 'InspectionJudgement', 'InspectionRecommendation']


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('reviews', '0008_cdop_localities'),
        ('board', '0009_drop_auditlog_logentry_table'),
    ]

    operations = [
        adopt_in_state(
            [
        migrations.CreateModel(
            name='Audit',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('title', models.CharField(max_length=200)),
                ('audit_type', models.CharField(choices=[('multi_agency', 'Multi-agency'), ('single_agency', 'Single-agency'), ('thematic', 'Thematic'), ('independent', 'Board-commissioned independent')], max_length=20, verbose_name='type of audit')),
                ('commissioned_by', models.CharField(blank=True, help_text='E.g. the quality assurance sub-group', max_length=200, verbose_name='commissioning sub-group')),
                ('period_start', models.DateField(verbose_name='start of the period covered')),
                ('period_end', models.DateField(verbose_name='end of the period covered')),
                ('sample_size', models.PositiveIntegerField(verbose_name='number of cases audited')),
                ('reaudit_planned_for', models.DateField(blank=True, null=True, verbose_name='re-audit planned for')),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
                ('follows_up', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='reaudits', to='assurance.audit', verbose_name='re-audit of')),
            ],
            options={
                'ordering': ['-period_end', 'title'],
            },
        ),
        migrations.CreateModel(
            name='AuditFinding',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('text', models.TextField(verbose_name='finding')),
                ('audit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='findings', to='assurance.audit')),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
            ],
            options={
                'ordering': ['created_at'],
            },
        ),
        migrations.CreateModel(
            name='Inspection',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('inspectorate', models.CharField(choices=[('ofsted', 'Ofsted'), ('cqc', 'Care Quality Commission (CQC)'), ('hmic', 'HM Inspectorate of Constabulary (HMIC)'), ('hmi_probation', 'HM Inspectorate of Probation'), ('joint', 'Joint or multi-agency (e.g. joint targeted area inspection)')], max_length=20)),
                ('title', models.CharField(max_length=200)),
                ('start_date', models.DateField(verbose_name='first day of the inspection')),
                ('end_date', models.DateField(blank=True, null=True, verbose_name='last day of the inspection')),
                ('published_on', models.DateField(blank=True, null=True, verbose_name='report published')),
                ('scope', models.TextField(blank=True)),
                ('overall_judgement', models.CharField(blank=True, choices=[('outstanding', 'Outstanding'), ('good', 'Good'), ('requires_improvement', 'Requires improvement'), ('inadequate', 'Inadequate')], max_length=30)),
                ('report_url', models.URLField(blank=True, max_length=500, validators=[django.core.validators.URLValidator(schemes=['http', 'https'])], verbose_name='web address of the report')),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
                ('inspected_agency', models.ForeignKey(blank=True, help_text='Leave empty for an inspection of the whole area or of several agencies', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='board.agency', verbose_name='service or agency inspected')),
            ],
            options={
                'ordering': ['-start_date', 'title'],
            },
        ),
        migrations.CreateModel(
            name='RatingLevel',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('name', models.CharField(max_length=100)),
                ('position', models.PositiveSmallIntegerField(default=0)),
                ('is_active', models.BooleanField(default=True)),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
            ],
            options={
                'ordering': ['position', 'name'],
            },
        ),
        migrations.CreateModel(
            name='AuditRating',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('count', models.PositiveIntegerField(default=0)),
                ('audit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='ratings', to='assurance.audit')),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
                ('level', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='assurance.ratinglevel')),
            ],
            options={
                'ordering': ['level__position', 'level__name'],
            },
        ),
        migrations.CreateModel(
            name='Section11Cycle',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('title', models.CharField(max_length=200)),
                ('kind', models.CharField(choices=[('biennial', 'Biennial (agencies)'), ('annual', 'Annual (schools and colleges)')], max_length=20, verbose_name='frequency')),
                ('opens_on', models.DateField(verbose_name='opens on')),
                ('due_on', models.DateField(verbose_name='returns due by')),
                ('agencies', models.ManyToManyField(blank=True, related_name='+', to='board.agency')),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
            ],
            options={
                'ordering': ['-due_on', 'title'],
            },
        ),
        migrations.CreateModel(
            name='Section11Return',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('status', models.CharField(choices=[('not_started', 'Not started'), ('in_progress', 'In progress'), ('submitted', 'Submitted'), ('moderated', 'Moderated')], default='not_started', max_length=20)),
                ('submitted_on', models.DateField(blank=True, null=True)),
                ('moderation_outcome', models.CharField(blank=True, choices=[('confirmed', 'Confirmed'), ('challenged', 'Challenged – rating changed'), ('further_evidence', 'Further evidence requested')], max_length=20)),
                ('moderation_notes', models.TextField(blank=True)),
                ('moderated_on', models.DateField(blank=True, null=True)),
                ('agency', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='board.agency')),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
                ('cycle', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='returns', to='assurance.section11cycle')),
            ],
            options={
                'ordering': ['agency__name'],
            },
        ),
        migrations.CreateModel(
            name='Section11Standard',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('number', models.PositiveSmallIntegerField()),
                ('text', models.CharField(max_length=300, verbose_name='standard')),
                ('is_active', models.BooleanField(default=True)),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
            ],
            options={
                'ordering': ['number', 'text'],
            },
        ),
        migrations.CreateModel(
            name='Section11Rating',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('rag', models.CharField(choices=[('red', 'Red'), ('amber', 'Amber'), ('green', 'Green')], max_length=10, verbose_name='rating')),
                ('evidence', models.TextField(blank=True)),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
                ('section11_return', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='ratings', to='assurance.section11return')),
                ('standard', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='assurance.section11standard')),
            ],
            options={
                'ordering': ['standard__number'],
            },
        ),
        migrations.CreateModel(
            name='AuditRecommendation',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('number', models.PositiveSmallIntegerField(editable=False)),
                ('text', models.TextField(verbose_name='recommendation')),
                ('audit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='recommendations', to='assurance.audit')),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
                ('finding', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='recommendations', to='assurance.auditfinding')),
            ],
            options={
                'ordering': ['audit', 'number'],
                'constraints': [models.UniqueConstraint(fields=('audit', 'number'), name='audit_recommendation_number')],
            },
        ),
        migrations.CreateModel(
            name='InspectionJudgement',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('area', models.CharField(max_length=200)),
                ('grade', models.CharField(choices=[('outstanding', 'Outstanding'), ('good', 'Good'), ('requires_improvement', 'Requires improvement'), ('inadequate', 'Inadequate')], max_length=30)),
                ('qualifier', models.CharField(blank=True, help_text='E.g. “to be good” or “with outstanding features”', max_length=200)),
                ('position', models.PositiveSmallIntegerField(default=0)),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
                ('inspection', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='judgements', to='assurance.inspection')),
            ],
            options={
                'ordering': ['inspection', 'position', 'area'],
                'constraints': [models.UniqueConstraint(fields=('inspection', 'area'), name='inspection_judgement_per_area')],
            },
        ),
        migrations.CreateModel(
            name='InspectionRecommendation',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('number', models.PositiveSmallIntegerField(editable=False)),
                ('text', models.TextField(verbose_name='recommendation')),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
                ('inspection', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='recommendations', to='assurance.inspection')),
            ],
            options={
                'ordering': ['inspection', 'number'],
                'constraints': [models.UniqueConstraint(fields=('inspection', 'number'), name='inspection_recommendation_number')],
            },
        ),
        migrations.AddConstraint(
            model_name='ratinglevel',
            constraint=models.UniqueConstraint(fields=('board', 'name'), name='audit_rating_level_unique'),
        ),
        migrations.AddConstraint(
            model_name='auditrating',
            constraint=models.UniqueConstraint(fields=('audit', 'level'), name='audit_rating_per_level'),
        ),
        migrations.AddConstraint(
            model_name='section11cycle',
            constraint=models.UniqueConstraint(fields=('board', 'title'), name='section11_cycle_title', violation_error_message='The board already has a cycle with this title.'),
        ),
        migrations.AddConstraint(
            model_name='section11return',
            constraint=models.UniqueConstraint(fields=('cycle', 'agency'), name='section11_return_per_agency', violation_error_message='This agency already has a return in this cycle.'),
        ),
        migrations.AddConstraint(
            model_name='section11standard',
            constraint=models.UniqueConstraint(fields=('board', 'number'), name='section11_standard_number', violation_error_message='The board already has a standard with this number.'),
        ),
        migrations.AddConstraint(
            model_name='section11rating',
            constraint=models.UniqueConstraint(fields=('section11_return', 'standard'), name='section11_rating_per_standard'),
        ),
        migrations.AddConstraint(
            model_name='section11rating',
            constraint=models.CheckConstraint(condition=models.Q(('rag__in', ['red', 'amber', 'green'])), name='section11_rating_is_rag'),
        ),
            ],
            old_label="reviews",
        ),
        move_content_types(old_label="reviews", new_label="assurance", models=MOVED),
    ]

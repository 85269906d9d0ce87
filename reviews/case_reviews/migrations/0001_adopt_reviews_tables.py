"""case_reviews's models were made by the reviews app's migrations 0001-0008, before reviews/
was split into three apps. This migration adopts them in this app's state only: no table
is made or copied (core.model_moves). Their content types, and so their audit entries and
permissions, move with them; 0002 renames the tables to this app's name."""

from django.conf import settings
import django.db.models.deletion
import reviews.case_reviews.models.learning
import uuid
from django.db import migrations, models

from core.model_moves import adopt_in_state, move_content_types, rename_periodic_tasks

MOVED = ['ClockAlert', 'Dissemination', 'Lesson', 'Milestone', 'PanelMember', 'Recommendation', 'RetentionSettings', 'ReviewDocument', 'ScrSettings', 'Theme', 'Appointment', 'CaseReview']


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('reviews', '0008_cdop_localities'),
        ('board', '0009_drop_auditlog_logentry_table'),
        ('child_deaths', '0001_adopt_reviews_tables'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('django_celery_beat', '0019_alter_periodictasks_options'),
    ]

    operations = [
        adopt_in_state(
            [
        migrations.CreateModel(
            name='ClockAlert',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('clock', models.CharField(max_length=30)),
                ('stage', models.CharField(max_length=10)),
                ('sent_on', models.DateField()),
                ('recipients', models.PositiveSmallIntegerField(default=0)),
            ],
            options={
                'ordering': ['sent_on'],
            },
        ),
        migrations.CreateModel(
            name='Dissemination',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('kind', models.CharField(choices=[('briefing', 'Briefing'), ('training', 'Training event'), ('newsletter', 'Newsletter'), ('workshop', 'Workshop'), ('other', 'Other')], max_length=20)),
                ('title', models.CharField(max_length=200)),
                ('held_on', models.DateField(verbose_name='date')),
                ('reached', models.PositiveIntegerField(blank=True, null=True, verbose_name='people reached')),
            ],
            options={
                'ordering': ['-held_on'],
            },
        ),
        migrations.CreateModel(
            name='Lesson',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('text', models.TextField(verbose_name='lesson')),
            ],
            options={
                'ordering': ['created_at'],
            },
        ),
        migrations.CreateModel(
            name='Milestone',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('kind', models.CharField(choices=[('rapid_review', 'Rapid review completed'), ('agency_requested', 'Agency report requested'), ('agency_received', 'Agency report received'), ('chronology', 'Integrated chronology'), ('practitioner_event', 'Practitioner event'), ('family_engagement', 'Family engagement'), ('draft_report', 'Draft report'), ('final_panel', 'Final panel'), ('board_sign_off', 'Board sign-off'), ('submission', 'Submission to Ofsted / the national panel'), ('publication', 'Publication')], max_length=30)),
                ('planned_on', models.DateField(blank=True, null=True, verbose_name='planned date')),
                ('actual_on', models.DateField(blank=True, null=True, verbose_name='actual date')),
                ('web_address', models.URLField(blank=True, verbose_name='web address of the published report')),
                ('notes', models.CharField(blank=True, max_length=300)),
            ],
            options={
                'ordering': ['planned_on', 'actual_on', 'created_at'],
            },
        ),
        migrations.CreateModel(
            name='PanelMember',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('name', models.CharField(max_length=200)),
                ('post_title', models.CharField(blank=True, max_length=200, verbose_name='post')),
            ],
            options={
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='Recommendation',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('number', models.PositiveSmallIntegerField(editable=False)),
                ('text', models.TextField(verbose_name='recommendation')),
                ('scope', models.CharField(choices=[('single', 'Single-agency'), ('multi', 'Multi-agency')], max_length=10)),
            ],
            options={
                'ordering': ['review', 'number'],
            },
        ),
        migrations.CreateModel(
            name='RetentionSettings',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('cdop_years', models.PositiveSmallIntegerField(default=10, help_text='Counted from the date the case was closed. The default is a starting point: the board must confirm the period with its information governance officer.', verbose_name='keep child death (CDOP) records for (years after the case is closed)')),
                ('case_review_years', models.PositiveSmallIntegerField(default=15, help_text="Counted from the publication of the review; for a review not published, from the board's sign-off; for a decision not to initiate a review, from the decision. The default is a starting point: the board must confirm the period with its information governance officer.", verbose_name='keep case review records for (years after publication or closure)')),
            ],
            options={
                'verbose_name': 'retention settings',
                'verbose_name_plural': 'retention settings',
            },
        ),
        migrations.CreateModel(
            name='ReviewDocument',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('kind', models.CharField(choices=[('full_report', 'Full (overview) report'), ('agency_report', 'Agency report'), ('executive_summary', 'Executive summary')], max_length=20)),
                ('title', models.CharField(max_length=200)),
                ('is_published', models.BooleanField(default=False, help_text='Only an executive summary can be published.', verbose_name='published')),
                ('file', models.FileField(max_length=300, upload_to=reviews.case_reviews.models.learning.document_upload_to)),
                ('original_name', models.CharField(max_length=200)),
                ('content_type', models.CharField(max_length=100)),
                ('size', models.PositiveIntegerField()),
            ],
            options={
                'ordering': ['kind', 'title'],
            },
        ),
        migrations.CreateModel(
            name='ScrSettings',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('decision_months', models.PositiveSmallIntegerField(default=1, verbose_name='decide within (months of the notification)')),
                ('completion_months', models.PositiveSmallIntegerField(default=6, verbose_name='complete within (months of the decision to initiate)')),
                ('notification_working_days', models.PositiveSmallIntegerField(default=5, verbose_name='notify within (working days of the incident)')),
                ('rapid_review_working_days', models.PositiveSmallIntegerField(default=15, verbose_name='rapid review within (working days of the notification)')),
                ('alert_days_before', models.PositiveSmallIntegerField(default=7, verbose_name='alert this many days before a clock runs out')),
            ],
            options={
                'verbose_name': 'case review settings',
                'verbose_name_plural': 'case review settings',
            },
        ),
        migrations.CreateModel(
            name='Theme',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('name', models.CharField(max_length=100)),
                ('is_active', models.BooleanField(default=True)),
            ],
            options={
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='Appointment',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('role', models.CharField(choices=[('reviewer', 'Independent reviewer / author'), ('panel_chair', 'Panel chair')], max_length=20)),
                ('name', models.CharField(max_length=200)),
                ('affiliation', models.CharField(max_length=200, verbose_name='organisation')),
                ('declared_independent', models.BooleanField(default=False, verbose_name='declared independent of the board and of every agency involved')),
                ('declaration_on', models.DateField(blank=True, null=True, verbose_name='date of the declaration')),
                ('references_taken_up', models.BooleanField(default=False)),
                ('trained_on', models.DateField(blank=True, null=True, verbose_name='date of review training')),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
                ('employing_agency', models.ForeignKey(blank=True, help_text="Only if they work for one of the board's agencies.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='board.agency')),
            ],
            options={
                'ordering': ['role', 'name'],
            },
        ),
        migrations.CreateModel(
            name='CaseReview',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('reference', models.CharField(help_text='For example "Child M". Never the child\'s name.', max_length=40, verbose_name='case reference')),
                ('review_type', models.CharField(choices=[('scr', 'Serious case review'), ('learning', 'Learning review'), ('joint', 'Multi-agency / joint review with another board'), ('rapid', 'Rapid review'), ('lcspr', 'Local child safeguarding practice review')], max_length=20, verbose_name='type of review')),
                ('partner_board', models.CharField(blank=True, help_text='E.g. LB Merton', max_length=200, verbose_name='other board (joint reviews)')),
                ('incident_on', models.DateField(verbose_name='date of the incident')),
                ('notified_on', models.DateField(verbose_name='date the board was notified')),
                ('criteria_considered', models.TextField(blank=True, verbose_name='criteria considered')),
                ('decision', models.CharField(blank=True, choices=[('initiate', 'Initiate a review'), ('not_initiate', 'Do not initiate a review')], max_length=20)),
                ('decision_on', models.DateField(blank=True, null=True, verbose_name='date of the decision')),
                ('decision_reasons', models.TextField(blank=True, verbose_name='reasons for the decision')),
                ('decided_by', models.CharField(blank=True, help_text='E.g. the independent chair', max_length=200, verbose_name='decided by')),
                ('methodology', models.CharField(blank=True, choices=[('scie', 'SCIE systems learning'), ('silp', 'Significant Incident Learning Process (SILP)'), ('traditional', 'Traditional (IMRs and an overview report)'), ('hybrid', 'Hybrid'), ('other', 'Other')], max_length=20)),
                ('executive_summary', models.TextField(blank=True, verbose_name='executive summary')),
                ('agencies_involved', models.ManyToManyField(blank=True, related_name='case_reviews_involved_in', to='board.agency')),
                ('board', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board')),
            ],
            options={
                'ordering': ['-notified_on', 'reference'],
            },
        ),
        migrations.AddField(
            model_name='casereview',
            name='cdop_case',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='case_reviews', to='child_deaths.cdopcase', verbose_name='child death (CDOP) case'),
        ),
        migrations.AddField(
            model_name='appointment',
            name='review',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='appointments', to='case_reviews.casereview'),
        ),
        migrations.AddField(
            model_name='clockalert',
            name='board',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board'),
        ),
        migrations.AddField(
            model_name='clockalert',
            name='review',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='clock_alerts', to='case_reviews.casereview'),
        ),
        migrations.AddField(
            model_name='dissemination',
            name='board',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board'),
        ),
        migrations.AddField(
            model_name='dissemination',
            name='reviews',
            field=models.ManyToManyField(related_name='disseminations', to='case_reviews.casereview'),
        ),
        migrations.AddField(
            model_name='lesson',
            name='board',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board'),
        ),
        migrations.AddField(
            model_name='lesson',
            name='review',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='lessons', to='case_reviews.casereview'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='agency',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='board.agency'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='board',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board'),
        ),
        migrations.AddField(
            model_name='milestone',
            name='review',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='milestones', to='case_reviews.casereview'),
        ),
        migrations.AddField(
            model_name='panelmember',
            name='agency',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='board.agency'),
        ),
        migrations.AddField(
            model_name='panelmember',
            name='board',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board'),
        ),
        migrations.AddField(
            model_name='panelmember',
            name='review',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='panel_members', to='case_reviews.casereview'),
        ),
        migrations.AddField(
            model_name='recommendation',
            name='board',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board'),
        ),
        migrations.AddField(
            model_name='recommendation',
            name='review',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='recommendations', to='case_reviews.casereview'),
        ),
        migrations.AddField(
            model_name='retentionsettings',
            name='board',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board'),
        ),
        migrations.AddField(
            model_name='reviewdocument',
            name='agency',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='board.agency'),
        ),
        migrations.AddField(
            model_name='reviewdocument',
            name='board',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board'),
        ),
        migrations.AddField(
            model_name='reviewdocument',
            name='review',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='case_reviews.casereview'),
        ),
        migrations.AddField(
            model_name='reviewdocument',
            name='uploaded_by',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='scrsettings',
            name='board',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board'),
        ),
        migrations.AddField(
            model_name='theme',
            name='board',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_set', to='board.board'),
        ),
        migrations.AddField(
            model_name='lesson',
            name='themes',
            field=models.ManyToManyField(related_name='lessons', to='case_reviews.theme'),
        ),
        migrations.AddConstraint(
            model_name='casereview',
            constraint=models.UniqueConstraint(fields=('board', 'reference'), name='scr_reference_unique_per_board', violation_error_message='The board already has a review with this reference.'),
        ),
        migrations.AddConstraint(
            model_name='clockalert',
            constraint=models.UniqueConstraint(fields=('review', 'clock', 'stage'), name='scr_clock_alert_once'),
        ),
        migrations.AddConstraint(
            model_name='recommendation',
            constraint=models.UniqueConstraint(fields=('review', 'number'), name='scr_recommendation_number'),
        ),
        migrations.AddConstraint(
            model_name='retentionsettings',
            constraint=models.UniqueConstraint(fields=('board',), name='retention_settings_per_board'),
        ),
        migrations.AddConstraint(
            model_name='scrsettings',
            constraint=models.UniqueConstraint(fields=('board',), name='scr_settings_per_board'),
        ),
        migrations.AddConstraint(
            model_name='theme',
            constraint=models.UniqueConstraint(fields=('board', 'name'), name='scr_theme_unique'),
        ),
            ],
            old_label="reviews",
        ),
        move_content_types(old_label="reviews", new_label="case_reviews", models=MOVED),
        rename_periodic_tasks({'reviews.tasks.send_scr_clock_alerts': 'reviews.case_reviews.tasks.send_scr_clock_alerts'}),
    ]

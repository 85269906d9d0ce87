"""A database made before reviews/ was split into child_deaths, case_reviews and assurance
migrates with every row intact: the same ids and values in the renamed tables, the
many-to-many links kept, audit entries following their records' content types, and the
saved schedules pointing at the tasks' new names. Then it migrates back."""

import uuid
from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from board.models import AuditEntry
from reviews.assurance.models import Audit, Section11Cycle
from reviews.case_reviews.models import CaseReview
from reviews.child_deaths.models import CdopCase
from tests.factories import AgencyFactory, BoardFactory

# Unapplying the three apps takes the database back to before the split (reviews 0008).
BEFORE_SPLIT = [("child_deaths", None), ("case_reviews", None), ("assurance", None)]
REVIEWS_BEFORE_SPLIT = ("reviews", "0008_cdop_localities")
AUDIT = {
    "title": "Neglect audit",
    "audit_type": "multi_agency",
    "period_start": date(2014, 4, 1),
    "period_end": date(2014, 6, 30),
    "sample_size": 12,
}
OLD_TASK = "reviews.tasks.send_cdop_form_reminders"


def migrate(targets=None):
    """Migrate to `targets` (the latest by default); the models as they then stand."""
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate(targets or leaves)
    return executor.loader.project_state([REVIEWS_BEFORE_SPLIT] if targets else leaves).apps


def _old_records(old, board, agency) -> dict:
    factor = old.get_model("reviews", "RiskFactor").objects.create(
        board_id=board.pk, name="Test factor"
    )
    case = old.get_model("reviews", "CdopCase").objects.create(
        board_id=board.pk,
        number="CDOP-2013-14-001",
        date_of_birth=date(2013, 5, 1),
        date_of_death=date(2013, 5, 10),
        notified_on=date(2013, 5, 11),
    )
    case.risk_factors.add(factor)
    review = old.get_model("reviews", "CaseReview").objects.create(
        board_id=board.pk,
        reference="SCR-2014-01",
        cdop_case=case,
        incident_on=date(2013, 12, 20),
        notified_on=date(2014, 1, 6),
    )
    review.agencies_involved.add(agency.pk)
    cycle = old.get_model("reviews", "Section11Cycle").objects.create(
        board_id=board.pk,
        title="Section 11 2014",
        kind="annual",
        opens_on=date(2014, 6, 1),
        due_on=date(2014, 9, 30),
    )
    cycle.agencies.add(agency.pk)
    audit = old.get_model("reviews", "Audit").objects.create(board_id=board.pk, **AUDIT)
    return {"case": case.pk, "review": review.pk, "cycle": cycle.pk, "audit": audit.pk}


@pytest.mark.django_db(transaction=True)
def test_an_existing_database_keeps_every_row_through_the_split():
    board = BoardFactory()
    agency = AgencyFactory(board=board)
    old = migrate(BEFORE_SPLIT)
    try:
        ids = _old_records(old, board, agency)
        # The audit trail's tables are not the split's: today's models write the old entry.
        case_type, _ = ContentType.objects.get_or_create(app_label="reviews", model="cdopcase")
        entry = AuditEntry.objects.create(
            board_id=board.pk,
            content_type_id=case_type.pk,
            object_pk=str(ids["case"]),
            object_repr="CDOP-2013-14-001",
            action=0,
            changes={},
        )
        PeriodicTask.objects.filter(name="CDOP agency form reminders").delete()
        every_day = IntervalSchedule.objects.create(every=1, period=IntervalSchedule.DAYS)
        schedule = PeriodicTask.objects.create(
            name="Old reminders", task=OLD_TASK, interval=every_day
        )
        migrate()
        ContentType.objects.clear_cache()  # the cache holds the types of before the split
        case = CdopCase.objects.get(pk=ids["case"])
        assert case.number == "CDOP-2013-14-001"
        assert [factor.name for factor in case.risk_factors.all()] == ["Test factor"]
        review = CaseReview.objects.get(pk=ids["review"])
        assert (review.reference, review.cdop_case_id) == ("SCR-2014-01", case.pk)
        assert list(review.agencies_involved.values_list("pk", flat=True)) == [agency.pk]
        assert list(Section11Cycle.objects.get(pk=ids["cycle"]).agencies.all()) == [agency]
        assert Audit.objects.get(pk=ids["audit"]).title == "Neglect audit"

        moved = AuditEntry.objects.get(pk=entry.pk)
        assert moved.content_type == ContentType.objects.get_for_model(CdopCase)
        assert moved.content_type.app_label == "child_deaths"
        assert not ContentType.objects.filter(app_label="reviews").exists()
        schedule.refresh_from_db()
        assert schedule.task == "reviews.child_deaths.tasks.send_cdop_form_reminders"
    finally:
        migrate()


@pytest.mark.django_db(transaction=True)
def test_the_split_migrates_back_with_the_rows():
    board = BoardFactory()
    audit_id = uuid.uuid4()
    Audit.objects.create(pk=audit_id, board=board, **{**AUDIT, "title": "Kept"})
    try:
        old = migrate(BEFORE_SPLIT)
        assert old.get_model("reviews", "Audit").objects.get(pk=audit_id).title == "Kept"
    finally:
        migrate()
    assert Audit.objects.get(pk=audit_id).title == "Kept"

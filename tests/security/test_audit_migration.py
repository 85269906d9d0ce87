"""Moving the audit trail to its board-indexed table leaves behind every entry that held a
secret (authenticator keys, lockout and session records, API credentials, passwords) and
gives every other entry its board."""

import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("board", "0005_action_source_section_11"), ("auditlog", "0017_add_actor_email")]
AFTER = [("board", "0007_auditentry_from_auditlog")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


# Migrating back and forth inside the test's transaction needs transactional DDL, which
# SQLite's schema editor refuses; CI runs this on PostgreSQL.
pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL's transactional DDL"
)


@pytest.fixture
def old_apps(db):
    # The test's transaction is rolled back afterwards, schema changes included
    # (PostgreSQL), so the database is left fully migrated for the next test.
    return migrate(BEFORE)


def test_secret_holding_entries_are_not_carried_over(old_apps):
    ContentType = old_apps.get_model("contenttypes", "ContentType")
    OldEntry = old_apps.get_model("auditlog", "LogEntry")
    Board = old_apps.get_model("board", "Board")
    board = Board.objects.create(name="Migrated board", slug="migrated", local_authority="X")

    def entry(app_label, model, changes, **extra):
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        return OldEntry.objects.create(
            content_type=content_type,
            object_pk=str(uuid.uuid4()),
            object_repr=f"{app_label}.{model}",
            action=1,
            changes=changes,
            **extra,
        )

    entry("otp_totp", "totpdevice", {"key": ["", "3132333435363738393031323334353637383930"]})
    entry("axes", "accessattempt", {"username": ["", "manager@example.org"]})
    entry("sessions", "session", {"session_key": ["", "abc"]})
    entry("api", "apitoken", {"key_hash": ["", "f" * 64]})
    entry("api", "idempotentrequest", {"key": ["", "retry-1"]})
    entry("board", "user", {"password": ["md5$old", "md5$new"]})
    kept = entry(
        "board",
        "agency",
        {"name": ["Police", "Metropolitan Police"], "api_token": ["", "leaked"]},
        additional_data={"board": str(board.pk)},
    )
    untagged = entry("board", "user", {"full_name": ["Pat", "Pat Smith"]})

    new_apps = migrate(AFTER)
    NewEntry = new_apps.get_model("board", "AuditEntry")
    carried = {row.object_pk: row for row in NewEntry.objects.all()}
    assert set(carried) == {kept.object_pk, untagged.object_pk}
    assert carried[kept.object_pk].changes == {"name": ["Police", "Metropolitan Police"]}
    assert carried[kept.object_pk].board_id == board.pk
    assert carried[kept.object_pk].additional_data is None
    assert carried[untagged.object_pk].board_id is None
    # Nothing is left in the old table for anyone to read.
    assert not new_apps.get_model("auditlog", "LogEntry").objects.exists()

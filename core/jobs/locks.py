"""Who is running a job, as PostgreSQL sees it: the worker running an attempt holds a
session advisory lock on the job for as long as the attempt runs. When the worker dies
(SIGKILL, the OOM killer, a lost machine) or its database connection drops, PostgreSQL
ends the session and the lock goes with it, so "Running with nobody holding the lock"
means the attempt was lost, at once, without waiting for a time limit.

SQLite (the embedded default, tasks in-process) has no such locks: there the worker is
the request itself, and only the time limits apply."""

from collections.abc import Iterable
from uuid import UUID

from django.db import DatabaseError, connection

# The first half of every key: keeps these locks apart from any other advisory lock.
NAMESPACE = 0x4A4F42  # "JOB" in ASCII


def _key(job_id) -> int:
    # pg_locks shows the two halves as unsigned oids: keep the second one positive.
    return UUID(str(job_id)).int & 0x7FFFFFFF


def _has_locks() -> bool:
    return connection.vendor == "postgresql"


def try_lock(job_id) -> bool:
    """Take the job's lock for this connection's session; False if another holds it."""
    if not _has_locks():
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [NAMESPACE, _key(job_id)])
        return cursor.fetchone()[0]


def unlock(job_id) -> None:
    """Give the lock back; a connection that is gone has given it back already."""
    if not _has_locks() or connection.connection is None:
        return
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [NAMESPACE, _key(job_id)])
    except DatabaseError:
        connection.close()  # a dead session holds no lock


def held(job_ids: Iterable) -> set | None:
    """The ids among `job_ids` whose lock some session holds now, or None where the
    database cannot tell (SQLite)."""
    if not _has_locks():
        return None
    keys = {_key(job_id): job_id for job_id in job_ids}
    if not keys:
        return set()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND granted"
            " AND objsubid = 2 AND classid = %s"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            [NAMESPACE],
        )
        return {keys[row[0]] for row in cursor.fetchall() if row[0] in keys}

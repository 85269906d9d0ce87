"""Writing a job's progress where its page can see it at once. A task doing its work in
one transaction (an import applied all-or-nothing) would otherwise hide its progress
until the end: the update is made on a connection of its own, in autocommit, which the
worker thread keeps for later jobs."""

import logging
import threading

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from .models import Job

logger = logging.getLogger(__name__)
_local = threading.local()


def _own_connection():
    side = getattr(_local, "connection", None)
    if side is None:
        side = connections.create_connection(DEFAULT_DB_ALIAS)
        if side.vendor == "postgresql":
            # The job's row locked by this thread's own open transaction would otherwise
            # wait for ever: give up the update instead.
            with side.cursor() as cursor:
                cursor.execute("SET lock_timeout = '2s'")
        _local.connection = side
    return side


def write_progress(job_id, done: int, total: int | None) -> None:
    """Never raises: progress is for the page, and losing one update loses nothing. A job
    row the own connection cannot see (made in this connection's open transaction: a job
    run in-process) is updated in that transaction instead."""
    # The table is the jobs app's own (label jobs): named here, never built from input.
    if total is None:
        sql, params = "UPDATE jobs_job SET progress_done = %s WHERE id = %s", [done, job_id]
    else:
        sql = "UPDATE jobs_job SET progress_done = %s, progress_total = %s WHERE id = %s"
        params = [done, total, job_id]
    side, updated = None, 0
    try:
        side = _own_connection()
        with side.cursor() as cursor:
            cursor.execute(sql, params)
            updated = cursor.rowcount
    except DatabaseError as exc:  # the database dropped: a fresh connection next time
        logger.warning("progress of job %s not recorded on its own connection: %s", job_id, exc)
        if side is not None:
            side.close()
        _local.connection = None
    if not updated:
        fields = {"progress_done": done}
        if total is not None:
            fields["progress_total"] = total
        try:
            Job.objects.filter(pk=job_id).update(**fields)
        except DatabaseError as exc:
            logger.warning("progress of job %s not recorded: %s", job_id, exc)


def close_own_connection() -> None:
    side = getattr(_local, "connection", None)
    if side is not None:
        side.close()
    _local.connection = None

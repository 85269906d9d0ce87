"""Named locks held until the transaction ends, for work that reads what is stored, decides
and then writes: two such writers of the same thing run one after the other, so the second
sees what the first wrote instead of both inserting it (a unique-constraint error, a 500).

    with transaction.atomic():
        hold("datasets.figures:<board id>", wait_seconds=10)  # raises LockBusy after 10 s
        ...read, compare, write...

On PostgreSQL a lock is a transaction-level advisory lock on a hash of its name, so it
needs no row of its own, blocks nothing but other holders of the same name, and is let go
when the transaction ends however it ends (a killed process included). SQLite lets one
writer at a time write anyway, so there the call does nothing."""

from django.db import OperationalError, connection, transaction
from django.db.transaction import TransactionManagementError

LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL's SQLSTATE for a lock wait that timed out


class LockBusy(Exception):
    """Another transaction held the lock for longer than the caller would wait."""

    def __init__(self, name: str) -> None:
        super().__init__(f"{name} is held by another transaction")
        self.name = name


def hold(name: str, *, wait_seconds: float) -> None:
    """Take the lock `name` for the rest of the current transaction. With `wait_seconds`
    0 it is taken only if free at once; otherwise the wait is bounded, so that a request
    answers "busy" rather than running into the web server's timeout."""
    if not connection.in_atomic_block:
        raise TransactionManagementError("A lock is held until the transaction ends: open one.")
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        if wait_seconds <= 0:
            cursor.execute("SELECT pg_try_advisory_xact_lock(hashtextextended(%s, 0))", [name])
            if not cursor.fetchone()[0]:
                raise LockBusy(name)
            return
        _wait_for(cursor, name, wait_seconds)


def _wait_for(cursor, name: str, wait_seconds: float) -> None:
    cursor.execute("SELECT current_setting('lock_timeout')")
    previous = cursor.fetchone()[0]
    cursor.execute(
        "SELECT set_config('lock_timeout', %s, true)", [f"{max(1, int(wait_seconds * 1000))}ms"]
    )
    try:
        with transaction.atomic():  # a savepoint: a timed-out wait leaves the transaction usable
            cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", [name])
    except OperationalError as exc:
        if _sqlstate(exc) == LOCK_NOT_AVAILABLE:
            raise LockBusy(name) from exc
        raise
    finally:
        # Only this wait is bounded: later row locks in the transaction wait as before.
        cursor.execute("SELECT set_config('lock_timeout', %s, true)", [previous])


def _sqlstate(exc: Exception) -> str | None:
    cause = exc.__cause__
    return getattr(cause, "pgcode", None) or getattr(cause, "sqlstate", None)

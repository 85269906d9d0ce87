"""Running requests at the same moment, as two browser tabs or two retries of a partner
system do: each call in its own thread with its own database connection, so that they
collide in PostgreSQL as two web processes would.

Use these in a test marked `@pytest.mark.django_db(transaction=True)`, so that what one
thread commits is seen by the others. Test code in a thread runs unscoped, as the test's
own code does (tests/conftest.py); a request through the test client opens its scope."""

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager

from django.db import connection, transaction
from django.test import Client
from django_scopes import scopes_disabled

TIMEOUT = 60


def answering_errors(client: Client) -> Client:
    """The test client re-raises a view's exception, through a signal that every client in
    the process receives: a thread could be handed another thread's error. Answer it as
    the server does instead (a 500 response), for the test to see."""
    client.raise_request_exception = False
    return client


def _own_connection(call: Callable[[], object]) -> Callable[[], object]:
    def run():
        try:
            with scopes_disabled():
                return call()
        finally:
            connection.close()  # this thread's connection, so the test can flush the tables

    return run


def at_once(*calls: Callable[[], object]) -> list:
    """Run each call in its own thread, all released together by a barrier; return their
    results in order. An exception in a call is returned in its place, to assert on."""
    barrier = threading.Barrier(len(calls))

    def released(call):
        def run():
            barrier.wait(TIMEOUT)
            return call()

        return _own_connection(run)

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        futures = [pool.submit(released(call)) for call in calls]
    return [f.exception(TIMEOUT) or f.result() for f in futures]


def in_background(call: Callable[[], object]) -> Future:
    """Start `call` in its own thread; `.result()` waits for its answer."""
    pool = ThreadPoolExecutor(max_workers=1)
    future = pool.submit(_own_connection(call))
    pool.shutdown(wait=False)
    return future


@contextmanager
def in_another_transaction(work: Callable[[], object]) -> Iterator[None]:
    """Run `work` in a transaction of another connection and keep it open, with its locks
    held and its rows not yet committed, until the with-block ends; then commit it."""
    ready, finish = threading.Event(), threading.Event()

    def run():
        with transaction.atomic():
            work()
            ready.set()
            finish.wait(TIMEOUT)

    future = in_background(run)
    while not ready.wait(0.05):
        if future.done():
            future.result()  # work() failed: raise its error here
    try:
        yield
    finally:
        finish.set()
        future.result(TIMEOUT)


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        assert time.monotonic() < deadline, f"waited {TIMEOUT} s for {what}"
        time.sleep(0.02)


def someone_waits_for_a_lock() -> bool:
    """True once another connection to this database is waiting for a lock (a row, an
    advisory lock, or a row of a unique index that another transaction has written)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0] > 0

"""core.locks against the real PostgreSQL: a named lock makes a second holder wait at most
as long as it asked, and then says so, leaving its transaction usable."""

import time

import pytest
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError

from core.locks import LockBusy, hold

from ..concurrency import in_another_transaction

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="advisory locks are PostgreSQL's"),
    pytest.mark.django_db(transaction=True),
]


def held_elsewhere(name: str):
    return in_another_transaction(lambda: hold(name, wait_seconds=1))


def test_a_lock_held_elsewhere_is_refused_at_once_without_a_wait():
    with held_elsewhere("import:1"), transaction.atomic():
        began = time.monotonic()
        with pytest.raises(LockBusy, match="import:1"):
            hold("import:1", wait_seconds=0)
        assert time.monotonic() - began < 0.5


def lock_timeout() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('lock_timeout')")
        return cursor.fetchone()[0]


def test_a_bounded_wait_gives_up_then_the_transaction_goes_on_as_before():
    with held_elsewhere("figures:1"), transaction.atomic():
        before = lock_timeout()
        began = time.monotonic()
        with pytest.raises(LockBusy):
            hold("figures:1", wait_seconds=0.3)
        assert 0.25 < time.monotonic() - began < 5
        assert lock_timeout() == before  # still usable, and later waits are as they were


def test_another_name_is_not_held_and_the_lock_ends_with_the_transaction():
    with held_elsewhere("figures:1"), transaction.atomic():
        hold("figures:2", wait_seconds=0)
    with transaction.atomic():
        hold("figures:2", wait_seconds=0)  # let go when the first transaction ended


def test_a_lock_needs_a_transaction_to_end_with():
    with pytest.raises(TransactionManagementError):
        hold("figures:1", wait_seconds=0)

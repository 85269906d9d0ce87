"""Applying imports at the same moment, against the real PostgreSQL: two clicks on "Apply"
(or two tabs), and two uploads of the same file applied together. The figures are written
once and each manager is told what happened; no page fails."""

import pytest
from django.db import connection
from django.urls import reverse

from board.models import AuditEntry
from datasets.models import ImportBatch, ImportStatus, Observation
from datasets.services import observations
from datasets.services.imports import import_preview
from datasets.services.observations import lock_board_figures

from ..concurrency import (
    answering_errors,
    at_once,
    in_another_transaction,
    in_background,
    someone_waits_for_a_lock,
    wait_until,
)
from ..factories import signed_in_client
from .factories import HEADER, catalogue, csv_bytes
from .test_imports import GOOD, rows_for

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]
IMPORTED = "Imported q1.csv: 5 new, 0 changed, 0 unchanged"
NOTHING_TO_CHANGE = "Nothing to change: every figure in q1.csv is already stored."


@pytest.fixture
def upload(board, manager):
    """Upload the quarter's file (five figures) and get its batch, ready to apply."""
    catalogue(board)
    rows = [[*row, "450" if row[-1] == "range" else ""] for row in GOOD]
    content = csv_bytes(rows_for(board, rows), [*HEADER, "value_high"])

    def make() -> ImportBatch:
        return import_preview(board=board, filename="q1.csv", content=content, user=manager)[1]

    return make


def tabs(manager, count=2):
    """Browser tabs of the one manager: each its own connection, the same person."""
    return [answering_errors(signed_in_client(manager)) for _ in range(count)]


def apply_url(batch) -> str:
    return reverse("datasets:import-apply", kwargs={"board_slug": batch.board.slug, "pk": batch.pk})


def figures_written(board) -> tuple[int, int]:
    audit = AuditEntry.objects.filter(board=board, changes__has_key="value").count()
    return Observation.objects.filter(board=board).count(), audit


def test_two_clicks_on_apply_at_once_import_once_and_the_second_is_told(board, manager, upload):
    batch = upload()
    pages = at_once(*[lambda t=t: t.post(apply_url(batch), follow=True) for t in tabs(manager)])

    assert [p.status_code for p in pages] == [200, 200]
    texts = sorted((p.content.decode() for p in pages), key=lambda text: IMPORTED not in text)
    assert IMPORTED in texts[0]
    assert (
        "This import is already being applied" in texts[1]
        or "This file has already been applied" in texts[1]
    )
    assert figures_written(board) == (5, 5)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.APPLIED


def test_a_click_while_the_batch_is_being_applied_is_answered_at_once(board, manager, upload):
    batch = upload()
    first_tab, second_tab = tabs(manager)
    # The first apply is slow: another import holds the board's figures for a while.
    with in_another_transaction(lambda: lock_board_figures([board])):
        first = in_background(lambda: first_tab.post(apply_url(batch), follow=True))
        wait_until(someone_waits_for_a_lock, "the first apply to wait for the figures")

        second = second_tab.post(apply_url(batch), follow=True)

        assert "This import is already being applied" in second.content.decode()
    assert IMPORTED in first.result().content.decode()
    assert figures_written(board) == (5, 5)


def test_two_uploads_of_one_file_applied_at_once_write_it_once(board, manager, upload):
    batches = [upload(), upload()]
    pages = at_once(
        *[
            lambda t=t, b=b: t.post(apply_url(b), follow=True)
            for t, b in zip(tabs(manager), batches, strict=True)
        ]
    )

    assert [p.status_code for p in pages] == [200, 200]
    texts = [p.content.decode() for p in pages]
    assert sum(IMPORTED in text for text in texts) == 1
    assert sum(NOTHING_TO_CHANGE in text for text in texts) == 1
    assert figures_written(board) == (5, 5)
    assert set(ImportBatch.objects.values_list("status", flat=True)) == {ImportStatus.APPLIED}


def test_an_apply_held_up_too_long_saves_nothing_and_says_to_try_again(
    board, manager, upload, monkeypatch
):
    monkeypatch.setattr(observations, "FIGURES_LOCK_WAIT_SECONDS", 0.3)
    batch = upload()
    (tab,) = tabs(manager, count=1)
    with in_another_transaction(lambda: lock_board_figures([board])):
        page = tab.post(apply_url(batch), follow=True)

    assert page.status_code == 200
    assert "Another import or upload is saving this board" in page.content.decode()
    assert figures_written(board) == (0, 0)
    batch.refresh_from_db()
    assert batch.status == ImportStatus.PREVIEWED  # still there to apply
    assert IMPORTED in tab.post(apply_url(batch), follow=True).content.decode()

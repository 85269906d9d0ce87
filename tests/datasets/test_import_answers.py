"""What the manager is told after an upload or an apply: a file already applied changes
nothing and says so; a file with many problems shows the first 100 and a count, and every
problem downloads as CSV."""

import csv
import io

import pytest
from django.urls import reverse

from board.models import AuditEntry
from datasets.models import ImportBatch, ImportStatus, Observation, Snapshot
from datasets.services.imports import import_apply, import_preview
from datasets.services.snapshots import snapshot_refresh

from .factories import catalogue, csv_bytes
from .test_views import upload, url

FILE = [["cp_plans", "2014-15 Q1", "total", "392", ""], ["cin", "2014-15 Q1", "", "2910", ""]]


@pytest.fixture
def indicators(board):
    return catalogue(board)


def a_file(board, rows=FILE) -> bytes:
    return csv_bytes([[board.slug, *row] for row in rows])


def test_a_second_upload_of_an_applied_file_changes_nothing_and_says_so(
    board, manager, client_for, indicators, django_capture_on_commit_callbacks
):
    _, first = import_preview(board=board, filename="q1.csv", content=a_file(board), user=manager)
    import_apply(batch=first, user=manager)
    refreshed = snapshot_refresh(board=board, year=2014)
    figure_entries = AuditEntry.objects.filter(board=board, changes__has_key="value")
    entries = figure_entries.count()
    _, second = import_preview(board=board, filename="q1.csv", content=a_file(board), user=manager)

    with django_capture_on_commit_callbacks() as queued:
        page = client_for(manager).post(url(board, "import-apply", pk=second.pk), follow=True)

    assert "Nothing to change: every figure in q1.csv is already stored." in page.content.decode()
    assert queued == []  # no dashboard refresh asked for
    assert Observation.objects.filter(board=board).count() == 2
    assert figure_entries.count() == entries == 2
    snapshot = Snapshot.objects.get(board=board, year=2014)
    assert (snapshot.stale, snapshot.refreshed_at) == (False, refreshed.refreshed_at)
    second.refresh_from_db()
    assert second.status == ImportStatus.APPLIED
    assert second.summary == {"new": 0, "changed": 0, "unchanged": 2}


def many_problems(board, count: int) -> bytes:
    """A file whose every row has its value written in words."""
    rows = [["cp_plans", "2014-15 Q1", "total", f"row {n}", ""] for n in range(count)]
    return a_file(board, rows)


def problems_table(html: str) -> list[str]:
    body = html.split('id="problems"', 1)[1].split("</tbody>", 1)[0]
    return body.split('<tr class="govuk-table__row">')[2:]  # after the header row


def test_a_file_with_many_problems_shows_the_first_100_and_downloads_them_all(
    board, manager, client_for, indicators
):
    client = client_for(manager)

    response = upload(client, board, many_problems(board, 2_000))

    assert response.status_code == 400
    html = response.content.decode()
    assert "The file has 2,000 problems; nothing was imported" in html
    assert "The first 100 of 2,000 problems are shown: 1,900 more are not." in html
    assert len(problems_table(html)) == 100
    assert len(response.content) < 150_000  # a page, not the 45 MB of every problem
    batch = ImportBatch.objects.get(board=board)
    download_url = url(board, "import-problems-download", pk=batch.pk)
    assert download_url in html

    download = client.get(download_url)

    assert download.status_code == 200
    assert download["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig"))))
    assert rows[0] == ["row", "column", "problem"]
    assert len(rows) == 2_001
    assert rows[-1] == ["2001", "value", "'row 1999' is not a number"]
    assert not Observation.objects.exists()


def test_the_refused_file_keeps_its_problems_on_its_own_page(
    board, manager, client_for, indicators
):
    client = client_for(manager)
    upload(client, board, many_problems(board, 150))
    batch = ImportBatch.objects.get(board=board)

    page = client.get(url(board, "import-preview", pk=batch.pk))

    html = page.content.decode()
    assert "The file was not imported" in html
    assert "The first 100 of 150 problems are shown: 50 more are not." in html
    assert len(problems_table(html)) == 100
    assert "Apply the import" not in html
    # It cannot be applied by posting to it either.
    refused = client.post(url(board, "import-apply", pk=batch.pk), follow=True)
    assert "This file has problems" in refused.content.decode()
    assert not Observation.objects.exists()


def test_a_file_with_few_problems_shows_them_all_with_a_download(
    board, manager, client_for, indicators
):
    response = upload(client_for(manager), board, many_problems(board, 3))
    html = response.content.decode()
    assert len(problems_table(html)) == 3
    assert "more are not" not in html
    assert "Download the problems (CSV)" in html


def test_the_problems_of_a_file_without_any_are_not_found(board, manager, client_for, indicators):
    _, batch = import_preview(board=board, filename="q1.csv", content=a_file(board), user=manager)
    import_apply(batch=batch, user=manager)
    client = client_for(manager)

    response = client.get(url(board, "import-problems-download", pk=batch.pk))

    assert response.status_code == 404
    assert b"no problems" in response.content
    unknown = reverse(
        "datasets:import-problems-download",
        kwargs={"board_slug": board.slug, "pk": "00000000-0000-0000-0000-000000000000"},
    )
    assert client.get(unknown).status_code == 404

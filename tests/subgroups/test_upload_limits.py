"""A return upload costs the server a bounded amount whatever the workbook claims: the
size is checked before anything reads it, and the workbook is streamed, read only up to
the return's row limit and its first columns."""

import tracemalloc
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from subgroups.models import QuarterlyReturn

from .test_spreadsheets import _download, _fill, _url

MEMORY_BOUND = 50 * 1024 * 1024


def test_a_workbook_over_the_byte_limit_is_refused_unread(
    client_for, subgroup_chair, health, settings
):
    settings.UPLOAD_MAX_BYTES = {**settings.UPLOAD_MAX_BYTES, "return": 1024}
    # Not a workbook at all: had it been opened, the page would say it is not one.
    upload = SimpleUploadedFile("return.xlsx", b"PK\x03\x04" + b"x" * 2048)
    response = client_for(subgroup_chair).post(_url(health, "upload"), {"file": upload})
    page = response.content.decode()
    assert "The selected return spreadsheet must be smaller than 1.0\xa0KB" in page
    assert 'href="#id_file"' in page  # the error summary names the field
    assert "must be a Excel" not in page and "could not be read" not in page
    assert not QuarterlyReturn.objects.exists()


@pytest.mark.parametrize(
    ("far_row", "far_column", "refused"),
    [(900, 500, False), (1_048_576, 16_384, True)],
    ids=["500-columns", "1048576-rows"],
)
def test_a_workbook_claiming_a_huge_range_is_read_in_bounded_memory(
    client_for, subgroup_chair, health, far_row, far_column, refused
):
    client = client_for(subgroup_chair)
    book = _download(client, health)
    _fill(book)
    # A few cells far apart: the sheet now spans far_row x far_column cells, nearly all
    # empty, in a file of a few kilobytes.
    book["Narrative"].cell(row=far_row, column=far_column, value="far away")
    book["Figures"].cell(row=far_row // 2, column=far_column // 2, value="")
    out = BytesIO()
    book.save(out)
    assert len(out.getvalue()) < 20_000
    tracemalloc.start()
    try:
        upload = SimpleUploadedFile("return.xlsx", out.getvalue())
        response = client.post(_url(health, "upload"), {"file": upload})
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_BOUND, f"the upload took {peak / 2**20:.0f} MB"
    if refused:
        assert response.status_code == 400
        assert "The sheet “Narrative” has more than 1,000 rows" in response.content.decode()
        assert not QuarterlyReturn.objects.exists()
    else:  # the columns past the return's are never built; the answers are read
        assert response.status_code == 302
        content = QuarterlyReturn.objects.get(subgroup=health).content
        assert set(content["questions"].values()) == {"We met four times"}

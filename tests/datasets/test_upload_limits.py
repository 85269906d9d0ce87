"""An import costs the server a bounded amount whatever the file claims: the size is
checked before anything reads the file, and a workbook is streamed only up to the row
limit, however many rows and columns its sheet claims."""

import tracemalloc
from io import BytesIO

import pytest
from openpyxl import Workbook

from datasets.models import ImportBatch, ImportStatus

from .factories import HEADER, catalogue
from .test_views import upload

MEMORY_BOUND = 50 * 1024 * 1024


def test_a_file_over_the_byte_limit_is_refused_unread(board, manager, client_for, settings):
    settings.UPLOAD_MAX_BYTES = {**settings.UPLOAD_MAX_BYTES, "data": 1024}
    # Not a workbook at all: had it been opened, the page would say it cannot be read.
    response = upload(client_for(manager), board, b"PK\x03\x04" + b"x" * 2048, "big.xlsx")
    page = response.content.decode()
    assert "The selected data file must be smaller than 1.0\xa0KB" in page
    assert 'href="#id_file"' in page  # the error summary names the field
    assert "readable Excel workbook" not in page
    assert not ImportBatch.objects.exists()


def _workbook_with_a_far_cell(board, row: int) -> bytes:
    """A valid import of three rows, and one cell in the sheet's last column (XFD) far
    down, so the sheet claims (dimension A1:XFD<row>) a huge range that is nearly all
    empty: a few kilobytes of file."""
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for quarter in (1, 2, 3):
        sheet.append([board.slug, "cp_plans", f"2014-15 Q{quarter}", "total", 390 + quarter, ""])
    sheet.cell(row=row, column=16384, value="far away")
    out = BytesIO()
    book.save(out)
    assert len(out.getvalue()) < 10_000
    return out.getvalue()


@pytest.mark.parametrize(
    ("far_row", "refused"),
    [(1000, False), (1_048_576, True)],
    ids=["16384-columns", "1048576-rows"],
)
def test_a_sheet_claiming_a_huge_range_is_read_in_bounded_memory(
    board, manager, client_for, far_row, refused
):
    catalogue(board)
    content = _workbook_with_a_far_cell(board, far_row)
    client = client_for(manager)
    tracemalloc.start()
    try:
        response = upload(client, board, content, "figures.xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_BOUND, f"the import took {peak / 2**20:.0f} MB"
    if refused:
        assert "has more than 200,000 rows" in response.content.decode()
        assert ImportBatch.objects.get().status == ImportStatus.REFUSED  # nothing to apply
    else:  # the columns past the format's are never built; the three rows are read
        assert ImportBatch.objects.get().summary == {"new": 3, "changed": 0, "unchanged": 0}

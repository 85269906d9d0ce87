"""The JTAI readiness pack: the board manager opens the page from the assurance section,
makes a pack with one click, waits on the page (polling, static JS) while a real worker
builds it, then downloads the PDF and the workbook."""

import pytest

from reports.jtai.models import JtaiPack, PackStatus
from tests.reports.jtai_factories import records
from tests.reports.test_worker import worker  # noqa: F401 - a real Celery worker
from tests.test_celery import needs_redis

pytestmark = pytest.mark.browser


@needs_redis
def test_the_manager_makes_a_pack_and_downloads_both_files(
    page,
    sign_in,
    board,
    manager,
    worker,  # noqa: F811
):
    records(board)
    sign_in(manager)
    page.goto(f"/boards/{board.slug}/sections/assurance/")
    page.get_by_role("link", name="JTAI readiness pack").click()
    page.get_by_role("button", name="Make a readiness pack").click()
    page.get_by_role("link", name="Download the PDF").wait_for(timeout=60_000)
    assert page.locator("#pack-outcome").inner_text() == "Ready"
    with page.expect_download() as pdf:
        page.get_by_role("link", name="Download the PDF").click()
    assert pdf.value.suggested_filename.endswith(".pdf")
    with page.expect_download() as workbook:
        page.get_by_role("link", name="Download the workbook (XLSX)").click()
    assert workbook.value.suggested_filename.endswith(".xlsx")
    assert JtaiPack.objects.get().status == PackStatus.READY

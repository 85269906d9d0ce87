"""What the fault tests look at in a report render: the version page's answer, the stored
PDF files and the job."""

import hashlib
from pathlib import Path

from django.conf import settings
from django.urls import reverse

from reports.models import ReportVersion


def report_url(board, name: str, **kwargs) -> str:
    return reverse(f"reports:{name}", kwargs={"board_slug": board.slug, **kwargs})


def make_the_pdf(client, board) -> ReportVersion:
    response = client.post(report_url(board, "render", year="2014-15"))
    assert response.status_code == 302
    return ReportVersion.objects.get(pk=response.url.rstrip("/").split("/")[-1])


def stored_pdfs(version: ReportVersion) -> list[Path]:
    """Every PDF file stored for the report, whether or not a version names it."""
    folder = Path(settings.MEDIA_ROOT) / "reports" / str(version.board_id) / str(version.report_id)
    return sorted(folder.glob("*.pdf"))


def assert_one_ready_version_and_its_one_file(version: ReportVersion) -> None:
    version.refresh_from_db()
    assert version.status == "done", version.error
    assert ReportVersion.objects.filter(report=version.report).count() == 1
    files = stored_pdfs(version)
    assert [f.name for f in files] == [Path(version.file_name).name]  # no stray file
    assert hashlib.sha256(files[0].read_bytes()).hexdigest() == version.sha256


def version_page(client, version: ReportVersion) -> str:
    page = client.get(report_url(version.board, "version", year="2014-15", version_id=version.id))
    return page.content.decode()

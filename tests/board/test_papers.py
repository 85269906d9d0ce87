import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from board.files import check_upload, safe_filename
from board.models import Paper

from .factories import PDF_BYTES, MeetingFactory, PaperFactory


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def upload_url(board, meeting):
    return reverse("paper-upload", kwargs={"board_slug": board.slug, "meeting_pk": meeting.pk})


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [("minutes.pdf", PDF_BYTES, "pdf"), ("Plan.DOCX", docx_bytes(), "docx")],
)
def test_files_are_recognised_by_their_contents(name, content, kind):
    checked = check_upload(SimpleUploadedFile(name, content))
    assert checked.type.key == kind


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.pdf", b"MZ\x90\x00 an executable", "must be a PDF"),
        ("page.pdf", b"<html><script>alert(1)</script></html>", "must be a PDF"),
        ("report.docx", PDF_BYTES, "Rename it to end in .pdf"),
        ("archive.docx", b"PK\x03\x04 not really a zip", "must be a PDF"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_a_file_of_the_wrong_type_is_refused(name, content, message):
    with pytest.raises(Exception, match=message):
        check_upload(SimpleUploadedFile(name, content))


def test_the_upload_page_refuses_a_wrong_type_and_saves_nothing(board, manager, client_for):
    meeting = MeetingFactory(board=board)
    upload = SimpleUploadedFile("paper.pdf", b"#!/bin/sh\nrm -rf /\n")
    response = client_for(manager).post(
        upload_url(board, meeting), {"title": "Paper", "file": upload}
    )
    assert response.status_code == 200
    assert "The selected file must be a PDF" in response.content.decode()
    assert not Paper.objects.exists()


def test_the_upload_page_refuses_a_file_too_large(board, manager, client_for, settings):
    settings.UPLOAD_MAX_BYTES = {**settings.UPLOAD_MAX_BYTES, "document": 1024}
    meeting = MeetingFactory(board=board)
    upload = SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * 2048)
    response = client_for(manager).post(
        upload_url(board, meeting), {"title": "Big", "file": upload}
    )
    assert "must be smaller than 1.0\xa0KB" in response.content.decode()
    assert not Paper.objects.exists()


def test_a_paper_is_stored_and_downloaded_as_an_attachment_with_a_safe_name(
    board, manager, viewer, client_for
):
    meeting = MeetingFactory(board=board)
    upload = SimpleUploadedFile('../../etc/"board" report.pdf', PDF_BYTES)
    response = client_for(manager).post(
        upload_url(board, meeting), {"title": "Report", "file": upload}
    )
    assert response.status_code == 302
    paper = Paper.objects.get()
    assert paper.original_name == "board report.pdf"
    assert "etc" not in paper.file.name and paper.file.name.startswith(f"boards/{board.pk}/")
    url = reverse("paper-download", kwargs={"board_slug": board.slug, "pk": paper.pk})
    download = client_for(viewer).get(url)
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="board report.pdf"'
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == PDF_BYTES


def test_another_boards_paper_is_not_found(board, other_board, manager, client_for):
    paper = PaperFactory(board=other_board)
    url = reverse("paper-download", kwargs={"board_slug": board.slug, "pk": paper.pk})
    assert client_for(manager).get(url).status_code == 404


def test_a_safe_filename_has_no_path_or_quotes():
    assert safe_filename('C:\\temp\\a";b.pdf', ".pdf") == "ab.pdf"
    assert safe_filename("\x00\n.pdf", ".pdf") == "file.pdf"


def test_a_wrong_file_for_a_spreadsheet_upload_is_named_in_good_english():
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from board.files import check_upload

    upload = SimpleUploadedFile("return.xlsx", b"%PDF-1.4 not a workbook")
    with pytest.raises(ValidationError) as refused:
        check_upload(upload, allowed=("xlsx",))
    assert refused.value.messages == ["The selected file must be an Excel workbook."]

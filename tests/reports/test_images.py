"""A report's images: the manager and the report's authors upload and remove them; bad
files are refused with a GOV.UK error and nothing stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reports.models import ReportImage, ReportState
from reports.services import section_update
from tests.security.test_pdf_fetch import add_image, png_bytes

from .factories import report_for


def url(board, name, **kwargs):
    return reverse(f"reports:{name}", kwargs={"board_slug": board.slug, "year": "2014-15",
                                              **kwargs})  # fmt: skip


def jpeg_bytes() -> bytes:
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (5, 5), (200, 10, 10)).save(out, "JPEG")
    return out.getvalue()


def test_the_manager_uploads_an_image_and_sees_how_to_use_it(board, manager, client_for):
    report = report_for(board)
    client = client_for(manager)
    picture = SimpleUploadedFile("Board Logo.png", png_bytes(), "image/png")
    response = client.post(url(board, "image-add"), {"file": picture, "name": ""})
    assert response.status_code == 302 and response.url == url(board, "images")
    image = ReportImage.objects.get()
    assert (image.name, image.report, image.uploaded_by) == ("board-logo", report, manager)
    assert image.content_type == "image/png" and len(image.sha256) == 64
    page = client.get(url(board, "images")).content.decode()
    assert "board-logo" in page and url(board, "image", image_id=image.id) in page


def test_a_sections_author_uploads_a_jpeg(board, subgroup_chair, client_for):
    report = report_for(board)
    section_update(section=report.sections.first(), author=subgroup_chair)
    picture = SimpleUploadedFile("chart.jpg", jpeg_bytes(), "image/jpeg")
    response = client_for(subgroup_chair).post(
        url(board, "image-add"), {"file": picture, "name": "Our Chart"}
    )
    assert response.status_code == 302
    assert ReportImage.objects.get().name == "our-chart"


def test_someone_who_writes_no_section_cannot_upload(board, board_member, client_for):
    report_for(board)
    picture = SimpleUploadedFile("x.png", png_bytes(), "image/png")
    response = client_for(board_member).post(url(board, "image-add"), {"file": picture})
    assert response.status_code == 403 and not ReportImage.objects.exists()


@pytest.mark.parametrize(
    "name, content, error",
    [
        ("notes.png", b"just some words, not an image", "must be a PNG image, JPEG image"),
        ("page.png", b"%PDF-1.7 a pdf named as an image", "must be a PNG image, JPEG image"),
        ("fake.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "not a readable PNG image"),
        ("anim.gif", b"GIF89a" + b"\x00" * 50, "must be a PNG image, JPEG image"),
        ("big.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (5 * 1024 * 1024), "smaller than 5"),
        ("logo.jpg", png_bytes(), "is a PNG image but its name ends in"),
        ("empty.png", b"", "The submitted file is empty"),
    ],
)
def test_a_bad_file_is_refused_with_a_govuk_error(board, manager, client_for, name, content,
                                                  error):  # fmt: skip
    report_for(board)
    picture = SimpleUploadedFile(name, content, "image/png")
    response = client_for(manager).post(url(board, "image-add"), {"file": picture})
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert error in page
    assert not ReportImage.objects.exists()


def test_a_second_image_of_the_same_name_is_refused(board, manager, client_for):
    report = report_for(board)
    add_image(report, manager, "logo.png")
    picture = SimpleUploadedFile("other.png", png_bytes(), "image/png")
    response = client_for(manager).post(url(board, "image-add"), {"file": picture, "name": "logo"})
    assert "already has an image called “logo”" in response.content.decode()
    assert ReportImage.objects.count() == 1


def test_removing_an_image_says_which_sections_show_it(board, manager, client_for):
    report = report_for(board)
    image = add_image(report, manager)
    section = report.sections.filter(section_type="narrative").first()
    section_update(section=section, narrative="![Logo](logo)")
    client = client_for(manager)
    confirm = client.get(url(board, "image-remove", image_id=image.id)).content.decode()
    assert f"The text of “{section.title}” shows this image" in confirm
    assert ReportImage.objects.exists()  # a GET removes nothing
    response = client.post(url(board, "image-remove", image_id=image.id))
    assert response.status_code == 302 and not ReportImage.objects.exists()


def test_an_approved_reports_images_are_locked(board, manager, client_for):
    report = report_for(board)
    image = add_image(report, manager)
    report.state = ReportState.APPROVED
    report.save()
    client = client_for(manager)
    picture = SimpleUploadedFile("x.png", png_bytes(), "image/png")
    assert client.post(url(board, "image-add"), {"file": picture}).status_code == 403
    assert client.post(url(board, "image-remove", image_id=image.id)).status_code == 403
    assert ReportImage.objects.count() == 1


def test_another_boards_image_is_not_found(board, other_board, manager, client_for):
    other = report_for(other_board)
    image = add_image(other, manager)
    report_for(board)
    client = client_for(manager)
    assert client.get(url(board, "image", image_id=image.id)).status_code == 404
    assert client.post(url(board, "image-remove", image_id=image.id)).status_code == 404


def test_a_draft_reports_image_is_for_its_readers_only(board, manager, board_member, client_for):
    report = report_for(board)
    image = add_image(report, manager)
    address = url(board, "image", image_id=image.id)
    assert client_for(board_member).get(address).status_code == 403
    report.state = ReportState.PUBLISHED
    report.save()
    assert client_for(board_member).get(address).status_code == 200

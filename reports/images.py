"""A report's uploaded images: the names and addresses authors may use for them, the
bytes the PDF pipeline may load, and the writes (add, remove). Uploads are checked by
board.files (PNG or JPEG by their bytes, size, readable by an image library)."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from board.files import CheckedUpload, delete_with_file, save_with_file
from board.models import User
from core.links import board_url

from .models import AnnualReport, ReportImage


def image_url(image: ReportImage, report: AnnualReport | None = None) -> str:
    """The address of the image: served to the report's readers, and the key under which
    the PDF pipeline loads it from storage."""
    report = report or image.report
    return board_url(report.board, "reports:image", year=report.year.slug, image_id=image.id)


def references(report: AnnualReport) -> dict[str, str]:
    """What an author may write as an image's source (its name or its address) → the
    address the page and the PDF use."""
    found = {}
    for image in report.images.all():
        url = image_url(image, report)
        found[image.name] = found[url] = url
    return found


def pdf_images(report: AnnualReport) -> dict:
    """The report's images for the PDF pipeline: address → a reader of the stored bytes."""

    def reader(image: ReportImage):
        def read() -> bytes:
            with image.file.open("rb") as handle:
                return handle.read()

        return read

    return {image_url(image, report): reader(image) for image in report.images.all()}


def images_digest(report: AnnualReport) -> list[list[str]]:
    """What of the images the PDF depends on, for the inputs hash."""
    return [[image.name, image.sha256] for image in report.images.all()]


def _check_editable(report: AnnualReport) -> None:
    from django.core.exceptions import PermissionDenied

    if report.is_locked:
        raise PermissionDenied("The report is approved: its images are locked.")


def name_for(upload: CheckedUpload, name: str = "") -> str:
    return slugify(name or upload.filename.rsplit(".", 1)[0])[:60] or "image"


@transaction.atomic
def image_add(
    *, report: AnnualReport, upload: CheckedUpload, name: str = "", by: User | None
) -> ReportImage:
    _check_editable(report)
    name = name_for(upload, name)
    if report.images.filter(name=name).exists():
        raise ValidationError(
            {"name": f"The report already has an image called “{name}”. Choose another name."}
        )
    upload.file.seek(0)
    sha = hashlib.sha256(upload.file.read()).hexdigest()
    upload.file.seek(0)
    image = ReportImage(
        board_id=report.board_id, report=report, name=name, original_name=upload.filename,
        content_type=upload.type.content_type, size=upload.size, sha256=sha, uploaded_by=by,
    )  # fmt: skip
    return save_with_file(image, upload)


@transaction.atomic
def image_remove(*, image: ReportImage) -> None:
    _check_editable(image.report)
    delete_with_file(image)

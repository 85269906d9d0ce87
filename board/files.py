"""Uploaded files, for any app: checked by their size (the limit of their kind, in
core.uploads, before anything reads them) and contents (not their name or the browser's
say-so), stored through Django's default storage under a random name, and served
only by a view that has already checked permission, as an attachment with a safe name.

    from board.files import UploadField, file_response
    class PaperForm(forms.Form):
        file = UploadField()                       # form.cleaned_data["file"].detected
    ...
    return file_response(paper.file, filename=paper.original_name,
                         content_type=paper.content_type)
"""

import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.http import FileResponse

from core.uploads import check_size

SNIFF_BYTES = 8192


@dataclass(frozen=True)
class FileType:
    key: str
    label: str
    content_type: str
    extensions: tuple[str, ...]


TYPES = {
    t.key: t
    for t in [
        FileType("pdf", "PDF", "application/pdf", (".pdf",)),
        FileType(
            "docx",
            "Word document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            (".docx",),
        ),
        FileType(
            "xlsx",
            "Excel workbook",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            (".xlsx",),
        ),
        FileType(
            "pptx",
            "PowerPoint presentation",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            (".pptx",),
        ),
        FileType("doc", "Word 97-2003 document", "application/msword", (".doc",)),
        FileType("xls", "Excel 97-2003 workbook", "application/vnd.ms-excel", (".xls",)),
        FileType("png", "PNG image", "image/png", (".png",)),
        FileType("jpeg", "JPEG image", "image/jpeg", (".jpg", ".jpeg")),
        FileType("csv", "CSV file", "text/csv", (".csv",)),
        FileType("txt", "text file", "text/plain", (".txt",)),
    ]
}
DOCUMENT_TYPES = ("pdf", "docx", "xlsx", "pptx", "doc", "xls", "png", "jpeg", "csv", "txt")

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OOXML_PARTS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}


def _ooxml_kind(upload) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    for prefix, key in _OOXML_PARTS.items():
        if any(name.startswith(prefix) for name in names):
            return key
    return None


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut off at the end of the sample is still text.
        return exc.start >= len(head) - 3
    return True


def sniff(upload, extension: str) -> str | None:
    """The key of the type the file's bytes show it to be, or None."""
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"PK\x03\x04"):
        kind = _ooxml_kind(upload)
        upload.seek(0)
        return kind
    if head.startswith(_OLE):  # the old Office container: trust the name for which one
        return {".doc": "doc", ".xls": "xls"}.get(extension)
    if head and _is_text(head):
        return {".csv": "csv", ".txt": "txt"}.get(extension)
    return None


@dataclass(frozen=True)
class CheckedUpload:
    file: UploadedFile
    type: FileType
    filename: str  # safe, with the extension of the detected type
    size: int


def safe_filename(name: str, extension: str = "") -> str:
    """A file name safe to offer in Content-Disposition and to show: no path, no control
    characters, no quotes; at most 120 characters."""
    stem = PurePath(name.replace("\\", "/")).stem or "file"
    stem = unicodedata.normalize("NFKC", stem)
    stem = re.sub(r"[\x00-\x1f\x7f\"'<>:/\\|?*;]", "", stem)
    stem = re.sub(r"\s+", " ", stem).strip(" .") or "file"
    return f"{stem[:120]}{extension}"


def check_upload(
    upload: UploadedFile,
    *,
    allowed: Iterable[str] = DOCUMENT_TYPES,
    kind: str = "document",
    noun: str = "file",
) -> CheckedUpload:
    """`kind` names the byte limit (settings UPLOAD_MAX_BYTES); `noun` names the field in
    the messages ("The selected return spreadsheet must be smaller than 5 MB")."""
    allowed = tuple(allowed)
    check_size(upload, kind=kind, noun=noun)
    extension = PurePath(upload.name or "").suffix.lower()
    key = sniff(upload, extension)
    labels = ", ".join(TYPES[k].label for k in allowed)
    if key is None or key not in allowed:
        article = "an" if labels[:1] in "AEIOUaeiou" else "a"  # "an Excel workbook"
        raise ValidationError(f"The selected file must be {article} {labels}.", code="wrong_type")
    file_type = TYPES[key]
    if extension not in file_type.extensions:
        article = "an" if file_type.label[:1] in "AEIOUaeiou" else "a"
        raise ValidationError(
            f"The selected file is {article} {file_type.label} but its name ends in "
            f"“{extension or 'nothing'}”. Rename it to end in {file_type.extensions[0]}.",
            code="wrong_extension",
        )
    return CheckedUpload(
        file=upload,
        type=file_type,
        filename=safe_filename(upload.name, file_type.extensions[0]),
        size=upload.size,
    )


class UploadField(forms.FileField):
    """A form field whose cleaned value is a `CheckedUpload`."""

    def __init__(
        self, *, allowed: Iterable[str] = DOCUMENT_TYPES, kind="document", noun="file", **kwargs
    ):
        self.allowed = tuple(allowed)
        self.kind, self.noun = kind, noun
        kwargs.setdefault("error_messages", {"required": "Select a file to upload"})
        super().__init__(**kwargs)
        self.widget.attrs.setdefault(
            "accept", ",".join(ext for k in self.allowed for ext in TYPES[k].extensions)
        )

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return upload
        return check_upload(upload, allowed=self.allowed, kind=self.kind, noun=self.noun)


def save_with_file(record: models.Model, upload: CheckedUpload, *, field: str = "file"):
    """Store a checked upload in the record's file field and save the record; a record
    that fails its checks leaves no file behind in storage."""
    stored = getattr(record, field)
    stored.save(upload.filename, upload.file, save=False)
    try:
        record.full_clean()
        record.save()
    except Exception:
        stored.delete(save=False)  # nothing half-saved: no orphan file
        raise
    return record


def delete_with_file(record: models.Model, *, field: str = "file") -> None:
    """Delete the record, and its stored file once the deletion is committed (a rolled
    back deletion keeps its file)."""
    stored = getattr(record, field)
    storage, name = stored.storage, stored.name
    record.delete()
    transaction.on_commit(lambda: storage.delete(name))


def file_response(
    field_file: FieldFile, *, filename: str, content_type: str, inline: bool = False
) -> FileResponse:
    """Serve a stored file as a download (or `inline`, for a checked image shown in a
    page). Call only after checking permission."""
    response = FileResponse(
        field_file.open("rb"),
        as_attachment=not inline,
        filename=safe_filename(filename, PurePath(filename).suffix.lower()),
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


IMAGE_TYPES = ("png", "jpeg")
MAX_IMAGE_PIXELS = 40_000_000  # far beyond print size; a "pixel bomb" is refused unread


def check_image(checked: CheckedUpload) -> CheckedUpload:
    """An upload already checked as PNG or JPEG that an image library can also read: its
    first bytes alone could front anything."""
    from PIL import Image

    upload = checked.file
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            too_big = image.width * image.height > MAX_IMAGE_PIXELS
            image.verify()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            f"The selected file is not a readable {checked.type.label}.", code="unreadable"
        ) from None
    finally:
        upload.seek(0)
    if too_big:
        raise ValidationError("The selected image has too many pixels.", code="too_many_pixels")
    return checked


class ImageUploadField(UploadField):
    """An upload field for a PNG or JPEG image, read by an image library to be sure."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("allowed", IMAGE_TYPES)
        kwargs.setdefault("kind", "image")
        kwargs.setdefault("noun", "image")
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        checked = super().clean(data, initial)
        return check_image(checked) if checked else checked

"""The worker's part of a report version: gather, render and store, safe to run twice (a
job sent again finds its version done and returns it). The PDF file and the version's
row are written together: the file is deleted if the row cannot be saved (the database
dropped), and a file left by an attempt killed in between is removed by the next one, or
when the version is marked failed, so no PDF is ever left without its version."""

import hashlib
import logging
import time

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from .models import ReportVersion, VersionStatus
from .rendering import gather_all, inputs_hash, render_html, report_pdf

logger = logging.getLogger(__name__)


def version_render(*, version_id) -> ReportVersion:
    version = ReportVersion.objects.select_related("report__board").get(pk=version_id)
    if version.is_finished:
        return version
    ReportVersion.objects.filter(pk=version.pk).update(status=VersionStatus.RENDERING)
    remove_leftovers(version)
    started = time.monotonic()
    report = version.report
    gathered = gather_all(report)
    digest = inputs_hash(report, gathered)
    pdf, pages = report_pdf(report, render_html(report, gathered))
    return _store(version, pdf, pages, digest, started)


def _folder(version: ReportVersion) -> str:
    return f"reports/{version.board_id}/{version.report_id}"


def _store(version: ReportVersion, pdf: bytes, pages: int, digest: str, started: float):
    sha = hashlib.sha256(pdf).hexdigest()
    saved = default_storage.save(f"{_folder(version)}/{version.number}-{sha[:16]}.pdf",
                                 ContentFile(pdf))  # fmt: skip
    try:
        with transaction.atomic():
            fresh = ReportVersion.objects.select_for_update().get(pk=version.pk)
            if fresh.status == VersionStatus.DONE:  # stored meanwhile by another run
                default_storage.delete(saved)
                return fresh
            version.file_name, version.sha256, version.size, version.pages = (
                saved,
                sha,
                len(pdf),
                pages,
            )
            version.inputs_hash, version.status = digest, VersionStatus.DONE
            version.error, version.finished_at = "", timezone.now()
            version.duration_ms = int((time.monotonic() - started) * 1000)
            version.save()
    except BaseException:
        default_storage.delete(saved)
        raise
    return version


def remove_leftovers(version: ReportVersion) -> None:
    """Delete this version's files that its row does not name (an attempt killed between
    writing the file and saving the row)."""
    folder, prefix = _folder(version), f"{version.number}-"
    try:
        _dirs, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        path = f"{folder}/{name}"
        if name.startswith(prefix) and path != version.file_name:
            logger.warning("removing %s, left by an interrupted render", path)
            default_storage.delete(path)


def version_failed(*, version_id, reason: str) -> None:
    """Mark a version that will not be finished as failed (its job ran out of attempts or
    time), with the reason, and remove any file an attempt left."""
    version = ReportVersion.objects.filter(pk=version_id).first()
    if version is None or version.status == VersionStatus.DONE:
        return
    version.status, version.error = VersionStatus.FAILED, reason
    version.finished_at = timezone.now()
    version.save(update_fields=["status", "error", "finished_at", "updated_at"])
    remove_leftovers(version)


def version_bytes(version: ReportVersion) -> bytes:
    with default_storage.open(version.file_name, "rb") as handle:
        return handle.read()

"""The worker's part of a report version: gather once, hash what was gathered, render and
store, safe to run twice (a job sent again finds its version done and returns it). When
the hash is that of a version already made (a change to records the report does not
show), that version's PDF is stored for this one too, without rendering: the same inputs
give the same bytes. The PDF file and the version's
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

from .changes import change_marker
from .models import AnnualReport, ReportVersion, VersionStatus
from .rendering import GatheredSection, gather_all, inputs_hash, render_html, report_pdf

logger = logging.getLogger(__name__)


def version_render(*, version_id) -> ReportVersion:
    version = ReportVersion.objects.select_related("report__board").get(pk=version_id)
    if version.is_finished:
        return version
    ReportVersion.objects.filter(pk=version.pk).update(status=VersionStatus.RENDERING)
    remove_leftovers(version)
    started = time.monotonic()
    report = version.report
    marker = change_marker(report)  # before the gather: see reports/changes.py
    gathered = gather_all(report)
    return render_gathered(version, gathered, marker, started)


def render_gathered(
    version: ReportVersion, gathered: list[GatheredSection], marker: str, started: float
) -> ReportVersion:
    """Render what was gathered (once) for `version`, or store the PDF of a finished
    version with the same inputs hash."""
    report = version.report
    digest = inputs_hash(report, gathered)
    same = made_from(report, digest)
    if same is not None:
        return _store(version, digest, marker, started, same=same)
    pdf, pages = report_pdf(report, render_html(report, gathered))
    return _store(version, digest, marker, started, pdf=pdf, pages=pages)


def made_from(report: AnnualReport, digest: str) -> ReportVersion | None:
    """The latest finished version made from inputs with this hash."""
    done = report.versions.filter(inputs_hash=digest, status=VersionStatus.DONE)
    return done.exclude(file_name="").order_by("-number").first()


def _folder(version: ReportVersion) -> str:
    return f"reports/{version.board_id}/{version.report_id}"


def _store(version: ReportVersion, digest: str, marker: str, started: float, *,
           pdf: bytes = b"", pages: int = 0, same: ReportVersion | None = None):  # fmt: skip
    """Save the PDF's file and the version's row together. With `same`, its file (the
    same bytes) is this version's too, and nothing is written to storage."""
    if same is not None:
        saved, sha, size, pages = same.file_name, same.sha256, same.size, same.pages
    else:
        sha, size = hashlib.sha256(pdf).hexdigest(), len(pdf)
        saved = default_storage.save(f"{_folder(version)}/{version.number}-{sha[:16]}.pdf",
                                     ContentFile(pdf))  # fmt: skip
    try:
        with transaction.atomic():
            fresh = ReportVersion.objects.select_for_update().get(pk=version.pk)
            if fresh.status == VersionStatus.DONE:  # stored meanwhile by another run
                if same is None:
                    default_storage.delete(saved)
                return fresh
            version.file_name, version.sha256, version.size, version.pages = (
                saved, sha, size, pages
            )  # fmt: skip
            version.inputs_hash, version.changes_marker = digest, marker
            version.status, version.error, version.finished_at = (
                VersionStatus.DONE, "", timezone.now()
            )  # fmt: skip
            version.duration_ms = int((time.monotonic() - started) * 1000)
            version.save()
    except BaseException:
        if same is None:
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

"""Rendered versions of a report. A request gathers the inputs and hashes them: if a
finished version was made from the same inputs, that version is returned at once;
otherwise a new version is queued for the worker (rendering never runs in a request)."""

import hashlib
import time

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from board.models import User

from .models import AnnualReport, ReportVersion, VersionStatus
from .rendering import gather_all, inputs_hash, render_html, report_pdf


def current_inputs_hash(report: AnnualReport) -> str:
    return inputs_hash(report, gather_all(report))


def reusable_version(report: AnnualReport, digest: str) -> ReportVersion | None:
    return (
        report.versions.filter(inputs_hash=digest, status=VersionStatus.DONE)
        .order_by("-number")
        .first()
    )


@transaction.atomic
def version_request(*, report: AnnualReport, by: User | None) -> tuple[ReportVersion, bool]:
    """(version, reused). A new version is queued after the transaction commits."""
    from lscb.tasks import enqueue_on_commit

    from .tasks import render_report_version

    digest = current_inputs_hash(report)
    existing = reusable_version(report, digest)
    if existing is not None:
        return existing, True
    version = _new_version(report, by, digest)
    enqueue_on_commit(render_report_version, str(version.id))
    return version, False


def _new_version(report: AnnualReport, by: User | None, digest: str) -> ReportVersion:
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    last = report.versions.aggregate(last=Max("number"))["last"] or 0
    version = ReportVersion(
        board=report.board, report=report, number=last + 1, report_state=report.state,
        requested_by=by, inputs_hash=digest,
    )  # fmt: skip
    version.full_clean()
    version.save()
    return version


def version_render(*, version_id) -> ReportVersion:
    """The worker's part: gather, render and store. Safe to call twice."""
    version = ReportVersion.objects.select_related("report__board").get(pk=version_id)
    if version.is_finished:
        return version
    ReportVersion.objects.filter(pk=version.pk).update(status=VersionStatus.RENDERING)
    started = time.monotonic()
    try:
        report = version.report
        gathered = gather_all(report)
        digest = inputs_hash(report, gathered)
        pdf, pages = report_pdf(report, render_html(report, gathered))
    except Exception as exc:
        version.status, version.error = VersionStatus.FAILED, f"{type(exc).__name__}: {exc}"
        version.finished_at = timezone.now()
        version.save()
        raise
    return _store(version, pdf, pages, digest, started)


def _store(version: ReportVersion, pdf: bytes, pages: int, digest: str, started: float):
    sha = hashlib.sha256(pdf).hexdigest()
    name = f"reports/{version.board_id}/{version.report_id}/{version.number}-{sha[:16]}.pdf"
    version.file_name = default_storage.save(name, ContentFile(pdf))
    version.sha256, version.size, version.pages = sha, len(pdf), pages
    version.inputs_hash, version.status = digest, VersionStatus.DONE
    version.finished_at = timezone.now()
    version.duration_ms = int((time.monotonic() - started) * 1000)
    version.save()
    return version


def version_bytes(version: ReportVersion) -> bytes:
    with default_storage.open(version.file_name, "rb") as handle:
        return handle.read()


def version_render_now(*, report: AnnualReport, by: User | None) -> tuple[ReportVersion, bool]:
    """For the command line: the same as a request, rendered in this process."""
    with transaction.atomic():
        digest = current_inputs_hash(report)
        existing = reusable_version(report, digest)
        if existing is not None:
            return existing, True
        version = _new_version(report, by, digest)
    return version_render(version_id=version.id), False

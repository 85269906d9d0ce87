"""Rendering ahead: a report not yet approved is rendered in the background soon after its
board's records change, so the chair's "Make the PDF" usually finds its PDF made (the
request answers "reused" from the change marker, reports/versions.py).

- What starts it: an audit entry that changes the change marker (reports/changes.py),
  written in the writer's transaction. After that transaction commits, one job per open
  report of the board is queued through the outbox with the key
  `reports.render-ahead:<report id>` and sent with a delay (`REPORTS_RENDER_AHEAD_SECONDS`,
  30 s by default): every change in that time, in the same or other requests, joins the
  waiting job, so a burst of edits is rendered once, and never once per keystroke.
- A change while the job is running joins it too: the job looks at the marker again when
  its render ends and renders once more (at most `ROUNDS` renders a job).
- The job makes a version as a request would (no one asked: `requested_by` is empty), or,
  when the gathered inputs are those of a finished version, only records the new marker
  on that version. Approved and published reports are never rendered ahead.
- Off without a broker (tasks run in the request that queues them: every edit would wait
  for a render), and where `REPORTS_RENDER_AHEAD` is False (the test settings; tests that
  want it turn it on)."""

import logging
import time

from celery import current_app
from django.conf import settings
from django.db import transaction

from board.scoping import scope
from core.jobs.outbox import enqueue
from core.jobs.running import current_job_id

from .changes import change_marker, is_counted
from .models import IN_PROGRESS, LOCKED_STATES, AnnualReport, ReportVersion, VersionStatus
from .rendering import gather_all, inputs_hash
from .rendering_job import made_from, render_gathered, version_failed

logger = logging.getLogger(__name__)

DEFAULT_DELAY_SECONDS = 30
ROUNDS = 3  # renders a job makes at most, while changes keep coming


def is_enabled() -> bool:
    wanted = getattr(settings, "REPORTS_RENDER_AHEAD", "auto")
    if wanted == "auto":
        return not current_app.conf.task_always_eager
    return bool(wanted)


def delay_seconds() -> int:
    return int(getattr(settings, "REPORTS_RENDER_AHEAD_SECONDS", DEFAULT_DELAY_SECONDS))


def dedupe_key(report_id) -> str:
    return f"reports.render-ahead:{report_id}"


class _AfterCommit:
    """The on-commit callback for one board; marked, so a transaction writing a thousand
    records registers it once."""

    def __init__(self, board_id) -> None:
        self.board_id = board_id

    def __call__(self) -> None:
        queue_for_board(self.board_id)


def audit_entry_saved(sender, instance, created: bool = False, **kwargs) -> None:
    """post_save of board.AuditEntry (connected in reports/apps.py)."""
    if not created or instance.board_id is None or not is_counted(instance):
        return
    if not is_enabled():
        return
    connection = transaction.get_connection()
    board_id = instance.board_id
    if connection.in_atomic_block and any(
        isinstance(callback, _AfterCommit) and callback.board_id == board_id
        for _savepoints, callback, _robust in connection.run_on_commit
    ):
        return
    transaction.on_commit(_AfterCommit(board_id), robust=True)


def queue_for_board(board_id) -> list:
    """Queue (or join) the render-ahead job of each of the board's open reports."""
    from .tasks import render_report_ahead

    with scope(board=board_id), transaction.atomic():
        open_reports = AnnualReport.objects.filter(board_id=board_id).exclude(
            state__in=LOCKED_STATES
        )
        return [
            enqueue(
                render_report_ahead,
                str(report_id),
                board_id=board_id,
                dedupe_key=dedupe_key(report_id),
                countdown=delay_seconds(),
            )  # fmt: skip
            for report_id in open_reports.values_list("pk", flat=True)
        ]


def render_ahead(*, report_id) -> str:
    """The job's work: what it did, for the job's result."""
    outcome = "up to date"
    for _round in range(ROUNDS):
        report = AnnualReport.objects.select_related("board").get(pk=report_id)
        if report.state in LOCKED_STATES:
            return "approved: not rendered ahead"
        marker = change_marker(report)
        if report.versions.filter(
            changes_marker=marker, status__in=[VersionStatus.DONE, *IN_PROGRESS]
        ).exists():
            return outcome
        outcome = _render_round(report, marker)
    return outcome


def _render_round(report: AnnualReport, marker: str) -> str:
    from .versions import _locked, _new_version

    started = time.monotonic()
    gathered = gather_all(report)  # the one gather of this round
    with transaction.atomic():
        report = _locked(report)
        if report.versions.filter(changes_marker=marker, status__in=IN_PROGRESS).exists():
            return "joined a version being made"
        same = made_from(report, inputs_hash(report, gathered))
        if same is not None:  # nothing the report shows has changed
            same.changes_marker = marker
            same.save(update_fields=["changes_marker", "updated_at"])
            return f"unchanged: version {same.number}"
        version = _new_version(
            report, None, marker, status=VersionStatus.RENDERING, job_id=current_job_id()
        )
    try:
        render_gathered(version, gathered, marker, started)
    except Exception as exc:
        version_failed(version_id=version.pk, reason=f"{type(exc).__name__}: {exc}")
        raise
    return f"rendered version {version.number}"


def render_ahead_failed(job) -> None:
    """Its job failed (time, worker lost): the version it was making says so."""
    for version in ReportVersion.objects.filter(job_id=job.pk, status__in=IN_PROGRESS):
        version_failed(version_id=version.pk, reason=job.error)

"""The change marker: a cheap answer to "has anything a report is made from changed since
this version?", without gathering the report.

Every change to a board's records writes an audit entry in the writer's transaction
(board/audit_tracking.py: every board record of our apps and the people; bulk writes
write theirs too, datasets/services/audit.py). The marker is a hash of the number of the
board's entries and the last one's id, with the renderer's version, the print CSS and
today's date (a section may say what is still to come). Entries are never changed, so
any change committed since the marker was read makes the count (and the last id) grow:
comparing counts, not only the last id, also catches a transaction that took its id
early and committed late.

Left out: entries about report versions (a render writes them, and would otherwise
change the marker it is compared with) and reads (`board.audit.log_access`). Entries
with no board (people: a renamed member) count for every board.

The marker is read *before* the gather it stands for, so a change committed in between
makes the next marker differ (one gather more, never a stale PDF)."""

import hashlib
from datetime import date
from functools import cache
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.contrib.staticfiles import finders
from django.db.models import Count, Max, Q
from django.utils import timezone

from board.models import AuditEntry

from .models import AnnualReport, ReportVersion


def change_marker(report: AnnualReport, *, today: date | None = None) -> str:
    counted = _counted_entries(report.board_id).aggregate(count=Count("id"), last=Max("id"))
    from .rendering import PRINT_CSS, RENDERER_VERSION

    parts = [
        str(report.pk), RENDERER_VERSION, _css_digest(PRINT_CSS),
        (today or timezone.localdate()).isoformat(), str(counted["count"]), str(counted["last"]),
    ]  # fmt: skip
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def _counted_entries(board_id):
    versions = ContentType.objects.get_for_model(ReportVersion)  # cached by Django
    return (
        AuditEntry.objects.filter(Q(board_id=board_id) | Q(board_id__isnull=True))
        .exclude(content_type=versions)
        .exclude(action=AuditEntry.Action.ACCESS)
        .order_by()
    )


def is_counted(entry: AuditEntry) -> bool:
    """Whether an audit entry changes the marker (what the render-ahead listens for)."""
    versions = ContentType.objects.get_for_model(ReportVersion)
    return entry.content_type_id != versions.pk and entry.action != AuditEntry.Action.ACCESS


def _css_digest(path: str) -> str:
    found = Path(finders.find(path))
    return _file_digest(str(found), found.stat().st_mtime_ns)


@cache
def _file_digest(path: str, modified_ns: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()

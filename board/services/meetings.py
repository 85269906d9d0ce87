from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from ..files import CheckedUpload, delete_with_file, save_with_file
from ..models import Attendance, AttendanceStatus, Meeting, Membership, Paper, User


@dataclass(frozen=True)
class AttendanceEntry:
    membership: Membership
    status: str  # an AttendanceStatus, or "" to leave the member unrecorded
    deputy_name: str = ""


@transaction.atomic
def attendance_record(*, meeting: Meeting, entries: Iterable[AttendanceEntry]) -> int:
    """Record who came. All or nothing: one bad entry saves none of them."""
    existing = {a.membership_id: a for a in meeting.attendances.all()}
    errors: dict[str, list] = {}
    saved = 0
    for entry in entries:
        record = existing.get(entry.membership.pk)
        if not entry.status:
            if record is not None:
                record.delete()
            continue
        if record is None:
            record = Attendance(board_id=meeting.board_id, meeting=meeting)
        record.membership = entry.membership
        record.status = AttendanceStatus(entry.status)
        record.deputy_name = entry.deputy_name.strip()
        try:
            record.full_clean(validate_unique=False)
        except ValidationError as exc:
            errors[str(entry.membership.pk)] = exc.messages
            continue
        record.save()
        saved += 1
    if errors:
        raise ValidationError(errors)
    return saved


@transaction.atomic
def paper_add(*, meeting: Meeting, title: str, upload: CheckedUpload, uploaded_by: User) -> Paper:
    paper = Paper(
        board_id=meeting.board_id,
        meeting=meeting,
        title=title,
        original_name=upload.filename,
        content_type=upload.type.content_type,
        size=upload.size,
        uploaded_by=uploaded_by,
    )
    return save_with_file(paper, upload)


@transaction.atomic
def paper_delete(*, paper: Paper) -> None:
    delete_with_file(paper)

"""Board membership during the year, with each member's attendance where meetings and
attendance are recorded (board app, issue 3)."""

from board.models import Membership
from board.numbers import percentage

from .common import model
from .registry import SectionType, register

NO_ATTENDANCE = "Meeting attendance is not recorded in this installation yet (issue 3)."


def gather(report, section) -> dict:
    year = report.year
    memberships = (
        Membership.objects.filter(board=report.board)
        .overlapping(year.start, year.end)
        .select_related("person", "agency")
        .order_by("agency__name", "person__full_name")
    )
    attended = _attendance(report)
    rows = []
    for membership in memberships:
        counts = attended.get(membership.person_id) if attended is not None else None
        rows.append(
            {
                "name": membership.person.full_name,
                "agency": membership.agency.name if membership.agency_id else "",
                "role": membership.get_board_role_display(),
                "post": membership.post_title,
                "attended": counts[0] if counts else None,
                "possible": counts[1] if counts else None,
                "rate": percentage(*counts) if counts else None,
            }
        )
    return {"rows": rows, "attendance_missing": NO_ATTENDANCE if attended is None else ""}


def _attendance(report) -> dict | None:
    """person id -> (meetings attended, meetings expected), or None without the source."""
    attendance = model("board", "Attendance")
    if attendance is None:
        return None
    totals: dict = {}
    year = report.year
    fields = {f.name for f in attendance._meta.get_fields()}
    if not {"meeting", "status"} <= fields:
        return None
    rows = attendance.objects.filter(
        board=report.board, meeting__date__gte=year.start, meeting__date__lte=year.end
    ).values_list(_person_path(fields), "status")
    for person_id, status in rows:
        done, possible = totals.get(person_id, (0, 0))
        present = status in ("present", "deputy")
        totals[person_id] = (done + int(present), possible + 1)
    return totals


def _person_path(fields: set) -> str:
    return "person_id" if "person" in fields else "membership__person_id"


register(
    SectionType(
        "membership",
        "Board membership and attendance",
        gather,
        description="Members during the year by agency, and their attendance at meetings.",
    )
)

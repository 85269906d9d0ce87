"""Board membership during the year, with each member's attendance where meetings and
attendance are recorded (board app, issue 3)."""

from board.models import Membership
from board.numbers import percentage

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
    rates = _attendance(report)
    by_member = {(r.name, r.detail): r for r in rates.members} if rates is not None else {}
    rows = []
    for membership in memberships:
        detail = str(membership.agency or membership.get_board_role_display())
        rate = by_member.get((membership.person.full_name, detail))
        counts = (rate.attended, rate.expected) if rate else None
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
    return {
        "rows": rows,
        "attendance_missing": NO_ATTENDANCE if rates is None else "",
        "rule": rates.rule if rates is not None else "",
        "meetings": rates.meeting_count if rates is not None else 0,
        "agencies": [
            {"name": a.name, "attended": a.attended, "expected": a.expected, "rate": a.rate}
            for a in (rates.agencies if rates is not None else [])
        ],
    }


def _attendance(report) -> dict | None:
    """membership id -> (board meetings attended, expected) by the board app's own rule
    (board.selectors.meetings.attendance_rates), or None without the source."""
    from .common import function

    rates = function("board.selectors.meetings", "attendance_rates")
    if rates is None:
        return None
    return rates(report.board, report.year)


register(
    SectionType(
        "membership",
        "Board membership and attendance",
        gather,
        description="Members during the year by agency, and their attendance at meetings.",
    )
)

"""Board membership during the year, with each member's attendance at board meetings by
the board app's own rule (board.selectors.meetings.attendance_rates)."""

from board.models import Membership
from board.selectors.meetings import attendance_rates
from core.numbers import percentage

from .registry import SectionType, register


def gather(report, section) -> dict:
    year = report.year
    memberships = (
        Membership.objects.filter(board=report.board)
        .overlapping(year.start, year.end)
        .select_related("person", "agency")
        .order_by("agency__name", "person__full_name")
    )
    rates = attendance_rates(report.board, report.year)
    by_member = {(r.name, r.detail): r for r in rates.members}
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
        # No member with a post recorded: the Post column is left out, not printed empty.
        "has_posts": any(row["post"] for row in rows),
        "rule": rates.rule,
        "meetings": rates.meeting_count,
        "agencies": [
            {"name": a.name, "attended": a.attended, "expected": a.expected, "rate": a.rate}
            for a in rates.agencies
        ],
    }


register(
    SectionType(
        "membership",
        "Board membership and attendance",
        gather,
        description="Members during the year by agency, and their attendance at meetings.",
    )
)

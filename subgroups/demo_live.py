"""The demo's returns of the last two quarters that have ended, dated from the day the
demo is loaded: some approved, one awaiting approval, one sent back, a draft, and one not
started and overdue. Taken through the real workflow (services), like the 2014/15 ones.
Safe to run again: a quarter that already has a sub-group's return is left alone."""

from datetime import UTC, date, datetime, time, timedelta

from django.utils import timezone

from board.models import Board, User
from core.periods import FinancialYear, Quarter

from .models import QuarterlyReturn, SubGroup
from .services import returns as services
from .services.spec import template_spec

DOMAIN = "demo.lscb.example"
# sub-group -> (state of the earlier quarter's return, state of the latest quarter's)
STATES = {
    "Serious Case Review": ("approved", "submitted"),
    "Child Death Overview Panel": ("approved", "draft"),
    "Health": ("approved", "returned"),
    "Education": ("not_started", "not_started"),
}


def ended_quarters(today: date) -> tuple[Quarter, Quarter]:
    """The two latest quarters that ended before today, the earlier first."""
    year = FinancialYear.containing(today)
    ended = [q for y in (year.previous(), year) for q in y.quarters if q.end < today]
    return ended[-2], ended[-1]


def load(board: Board, today: date | None = None) -> None:
    today = today or timezone.localdate()
    manager = User.objects.filter(email=f"manager@{DOMAIN}").first()
    quarters = ended_quarters(today)
    for name, states in STATES.items():
        subgroup = SubGroup.objects.filter(board=board, name=name).first()
        chair = _chair(subgroup) if subgroup else None
        if chair is None or manager is None:
            continue
        for quarter, state in zip(quarters, states, strict=True):
            exists = QuarterlyReturn.objects.filter(subgroup=subgroup, period_start=quarter.start)
            if state != "not_started" and not exists.exists():
                _walk(subgroup, quarter, state, chair, manager, today)


def _chair(subgroup: SubGroup) -> User | None:
    seat = subgroup.memberships.chairs().select_related("person__user").first()
    return seat.person.user if seat else None


def _content(subgroup: SubGroup, quarter: Quarter) -> dict:
    spec = template_spec(subgroup)
    return {
        "questions": {
            q["id"]: f"Q{quarter.number}: progress as planned; nothing to escalate."
            for q in spec["questions"]
        },
        "actions": {
            a["id"]: {"status": "on_track", "comment": "On track."} for a in spec["actions"]
        },
        "figures": {},
        "comments": {},
    }


def _walk(subgroup, quarter, state, chair, manager, today: date) -> None:
    args = {
        "subgroup": subgroup,
        "quarter": quarter,
        "content": _content(subgroup, quarter),
        "by": chair,
    }
    if state == "draft":
        services.quarterly_return_save(**args, expected_version=0)
        return
    # Submitted a week after the quarter ended (or today, if that is sooner).
    day = min(quarter.end + timedelta(days=7), today)
    submitted = services.quarterly_return_submit(
        **args, expected_version=0, now=datetime.combine(day, time(12), UTC)
    )
    if state == "approved":
        services.quarterly_return_approve(quarterly_return=submitted, by=manager)
    elif state == "returned":
        services.quarterly_return_send_back(
            quarterly_return=submitted, by=manager, reason="Please add this quarter's figures."
        )

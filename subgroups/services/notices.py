"""Who is told of a return's hand-over (board.services.notifications.notify): the
board's managers when it is submitted, the sub-group's current chair and deputy when it
is sent back, approved, due or overdue. The kinds are registered in SubgroupsConfig.ready;
the e-mail says only the kind's sentence, with a link."""

from datetime import date

from django.utils import timezone

from board import notifications
from board.models import Role, User
from board.services.notifications import holders, notify
from core.links import board_url

from ..models import QuarterlyReturn, SubGroupMembership
from .deadlines import quarter_slug

KINDS = {
    "return_submitted": "A quarterly return is waiting for your approval",
    "return_returned": "A quarterly return has been sent back to you for amendment",
    "return_approved": "A quarterly return you submitted has been approved",
    "return_due_soon": "A sub-group quarterly return is due soon",
    "return_overdue": "A sub-group quarterly return is overdue",
}


def register_kinds() -> None:
    for key, title in KINDS.items():
        notifications.register(key, title)


def _link(r: QuarterlyReturn, name: str) -> str:
    return board_url(r.board, name, subgroup_id=r.subgroup_id, quarter=quarter_slug(r.quarter))


def chairs_of(r: QuarterlyReturn, today: date | None = None) -> tuple[list[User], list[str]]:
    """The current chair and deputy: their accounts, and the addresses of those without one."""
    seats = (
        SubGroupMembership.objects.current_on(today or timezone.localdate())
        .chairs()
        .filter(subgroup_id=r.subgroup_id)
        .select_related("person__user")
    )
    users = [seat.person.user for seat in seats if seat.person.user]
    addresses = [seat.person.email for seat in seats if not seat.person.user and seat.person.email]
    return users, addresses


def return_handed_over(r: QuarterlyReturn, kind: str, by: User | None, today: date | None = None):
    """Tell whoever acts next on the return; `by` (who handed it over) is not told."""
    about = f"{r.subgroup.name}, {r.quarter.label}"
    if kind == "return_submitted":
        users, addresses, page = holders(r.board, Role.BOARD_MANAGER), [], "return-detail"
    else:
        (users, addresses), page = chairs_of(r, today), "return-edit"
    if kind == "return_approved":
        page = "return-detail"
    return notify(
        board=r.board, kind=kind, link=_link(r, f"subgroups:{page}"), users=users,
        addresses=addresses, about=about, exclude=by,
    )  # fmt: skip

"""Who is told of a serious incident's hand-overs and clocks. The kinds are registered in
CaseReviewsConfig.ready; every sentence is the same for every incident (never a reference,
a name or anything of the record), and the link leads to the incident's page.

- recorded: the SCR sub-group and the board manager;
- an agency summary requested: the agency's contact (a member's account, or an e-mail);
- the rapid review sent to the Panel: the SCR sub-group and the board manager (the
  Panel's response is now awaited);
- the decision: the SCR sub-group, the board manager and the independent chair;
- a clock near or past its deadline (daily, once each: `once_key`): the SCR sub-group and
  the board manager."""

import logging
from datetime import date

from django.db import transaction
from django.utils import timezone
from django_scopes import scope

from board import notifications
from board.models import Role, User
from board.services.notifications import holders, notify
from core.links import board_url

from ..clocks import DUE_SOON, OVERDUE, incident_clocks
from ..models import AgencySummary, SeriousIncident

logger = logging.getLogger(__name__)

KINDS = {
    "incident_recorded": "A serious incident notification has been recorded",
    "incident_summary_requested": "A summary for a rapid review has been asked of your agency",
    "incident_sent_to_panel": "A rapid review has been sent to the Panel: its response is due",
    "incident_decided": "A rapid review's decision has been recorded",
    "incident_clock_due_soon": "A serious incident deadline is coming up",
    "incident_clock_passed": "A serious incident deadline has passed",
}
STAGE_KINDS = {DUE_SOON: "incident_clock_due_soon", OVERDUE: "incident_clock_passed"}


def register_kinds() -> None:
    for key, title in KINDS.items():
        notifications.register(key, title)


def _link(incident: SeriousIncident) -> str:
    return board_url(incident.board, "case_reviews:incident-detail", incident_id=incident.pk)


def _sub_group(incident: SeriousIncident, *extra: Role):
    return holders(incident.board, Role.SCR_MEMBER, Role.BOARD_MANAGER, *extra)


def incident_recorded(*, incident: SeriousIncident, by: User | None) -> None:
    notify(board=incident.board, kind="incident_recorded", link=_link(incident),
           users=_sub_group(incident), exclude=by)  # fmt: skip


def summary_requested(*, summary: AgencySummary, by: User | None) -> None:
    incident = summary.rapid_review.incident
    notify(board=incident.board, kind="incident_summary_requested", link=_link(incident),
           addresses=[summary.contact_email], exclude=by)  # fmt: skip


def sent_to_panel(*, incident: SeriousIncident, by: User | None) -> None:
    notify(board=incident.board, kind="incident_sent_to_panel", link=_link(incident),
           users=_sub_group(incident), exclude=by)  # fmt: skip


def decided(*, incident: SeriousIncident, by: User | None) -> None:
    notify(board=incident.board, kind="incident_decided", link=_link(incident),
           users=_sub_group(incident, Role.INDEPENDENT_CHAIR), exclude=by)  # fmt: skip


def incident_clock_alert_send(*, incident: SeriousIncident, clock, users) -> int:
    """One alert per clock and stage, whatever the number of runs (notify's once_key)."""
    kind = STAGE_KINDS.get(clock.status)
    if kind is None:
        return 0
    key = f"incident:{incident.pk}:{clock.key}:{kind}"
    with transaction.atomic():
        made = notify(board=incident.board, kind=kind, link=_link(incident), users=users,
                      once_key=key)  # fmt: skip
    return 1 if made else 0


def incident_clock_alerts_send(*, today: date | None = None) -> int:
    """Alert every board about its incidents' own clocks (a practice review's clocks are
    the review register's alerts); returns how many alerts went out."""
    from .reviews import scr_settings

    today = today or timezone.localdate()
    sent = 0
    incidents = SeriousIncident.objects.select_related("board", "rapid_review")
    for incident in incidents.order_by("board_id"):
        with scope(board=incident.board_id):
            settings_ = scr_settings(board=incident.board)
            users = list(_sub_group(incident))
            for clock in incident_clocks(incident, settings_, today, with_review=False):
                try:
                    sent += incident_clock_alert_send(incident=incident, clock=clock, users=users)
                except Exception:  # one incident's failure must not stop the others' alerts
                    logger.exception("Serious incident clock alert failed for %s", incident.pk)
    return sent

"""Child death reviews on the statutory calendar (board/statutory.py), for the panel
only: each current case's review by the panel is due N months after the death (the
board's CdopSettings.review_target_months, registered as a timescale pointing at it),
stopped by the panel's review. The subject is the generated case number, as on the
panel's own pages; the calendar shows only "Child death review due"."""

from datetime import date

from dateutil.relativedelta import relativedelta

from board import statutory, timescales
from board.clock_status import status_of
from board.models import Board, Role
from board.statutory import StatutoryClock
from board.timescales import MONTHS
from core.links import board_url

from .models import CdopCase

KEY = "child_deaths.review_target"
SOURCE = "Child Death Review Statutory and Operational Guidance 2018 (local target)"


def cdop_review_clocks(board: Board, today: date):
    """Two queries however many cases: the timescales and the cases."""
    values = timescales.values_for(board)
    months, warn = values[KEY], values["board.warning_days"]
    rule = f"Panel review within {timescales.get(KEY).describe(months)} of the death"
    cases = CdopCase.objects.current().filter(board=board)
    for case in cases.only("pk", "number", "date_of_death", "panel_review_on"):
        due = case.date_of_death + relativedelta(months=months)
        yield StatutoryClock(
            uid=f"cdop-review-{case.pk}",
            kind="cdop-review",
            kind_label="Child death review",
            subject=f"Case {case.number}",
            start=case.date_of_death,
            due=due,
            stopped_on=case.panel_review_on,
            status=status_of(due, case.panel_review_on, today, warn),
            rule=rule,
            source=SOURCE,
            href=board_url(board, "child_deaths:cdop-case-detail", case_id=case.pk),
        )


def register() -> None:
    timescales.register(
        KEY,
        "Child death review by the panel (after the death)",
        unit=MONTHS,
        source=SOURCE,
        maximum=24,
        stored_in=("child_deaths.CdopSettings", "review_target_months"),
        order=40,
    )
    # Restricted records: the panel alone reads them, and is told about them.
    statutory.register(
        "cdop-review", "Child death review", cdop_review_clocks,
        roles=[Role.CDOP_MEMBER], order=40,
    )  # fmt: skip

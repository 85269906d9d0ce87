"""Section 11 and joint targeted area inspections on the statutory calendar
(board/statutory.py), with their timescales kept by board (board/timescales.py):

- each cycle's returns, due by the cycle's own date, met when every agency asked has
  submitted;
- the next biennial cycle, due N months (default 24) after the last one opened, met
  when the next one opens;
- a JTAI's fieldwork, after N working days' notice (default 10): the notice day is the
  clock's start, the first day of fieldwork its due date (met once fieldwork begins)."""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Max, Q

from board import statutory, timescales
from board.clock_status import status_of
from board.models import Board, Role
from board.statutory import StatutoryClock
from board.timescales import MONTHS, WORKING_DAYS
from board.working_days import working_days_before
from core.links import board_url

from .models import CycleKind, Inspection, Inspectorate, Section11Cycle
from .models.section11 import RECEIVED

ROLES = (Role.BOARD_MANAGER, Role.INDEPENDENT_CHAIR, Role.BOARD_MEMBER)
CYCLE_KEY, NOTICE_KEY = "assurance.section11_cycle", "assurance.jtai_notice"
S11_SOURCE = "Children Act 2004, section 11; Working Together 2023, chapter 2"
JTAI_SOURCE = "Joint targeted area inspection framework (Ofsted, CQC, HMICFRS, HMI Probation)"


def _clock(kind: str, label: str, **fields) -> StatutoryClock:
    return StatutoryClock(kind=kind, kind_label=label, **fields)


def _cycles(board: Board) -> list[Section11Cycle]:
    return list(
        Section11Cycle.objects.filter(board=board)
        .annotate(
            asked=Count("returns"),
            received=Count("returns", filter=Q(returns__status__in=RECEIVED)),
            last_received=Max("returns__submitted_on", filter=Q(returns__status__in=RECEIVED)),
        )
        .order_by("opens_on", "title")
    )


def section11_return_clocks(board: Board, today: date):
    """Two queries: the timescales, and the cycles with their returns counted."""
    warn = timescales.values_for(board)["board.warning_days"]
    for cycle in _cycles(board):
        done = cycle.asked and cycle.received == cycle.asked
        stopped = (cycle.last_received or cycle.due_on) if done else None
        yield _clock(
            "section11-returns", "Section 11 returns",
            uid=f"section11-returns-{cycle.pk}", subject=cycle.title,
            start=cycle.opens_on, due=cycle.due_on, stopped_on=stopped,
            status=status_of(cycle.due_on, stopped, today, warn),
            rule="Every agency's return by the cycle's due date", source=S11_SOURCE,
            href=board_url(board, "assurance:section11-cycle-detail", cycle_id=cycle.pk),
        )  # fmt: skip


def section11_cycle_clocks(board: Board, today: date):
    """Two queries: the timescales and the biennial cycles."""
    values = timescales.values_for(board)
    months, warn = values[CYCLE_KEY], values["board.warning_days"]
    biennial = list(
        Section11Cycle.objects.filter(board=board, kind=CycleKind.BIENNIAL)
        .only("pk", "title", "opens_on")
        .order_by("opens_on", "title")
    )
    for cycle, following in zip(biennial, [*biennial[1:], None][: len(biennial)], strict=True):
        due = cycle.opens_on + relativedelta(months=months)
        stopped = following.opens_on if following else None
        yield _clock(
            "section11-cycle", "Next Section 11 cycle",
            uid=f"section11-cycle-{cycle.pk}", subject=f"After {cycle.title}",
            start=cycle.opens_on, due=due, stopped_on=stopped,
            status=status_of(due, stopped, today, warn),
            rule=f"A new cycle within {timescales.get(CYCLE_KEY).describe(months)}",
            source=S11_SOURCE, href=board_url(board, "assurance:section11-cycle-list"),
        )  # fmt: skip


def jtai_clocks(board: Board, today: date):
    """Two queries: the timescales and the joint inspections."""
    values = timescales.values_for(board)
    days, warn = values[NOTICE_KEY], values["board.warning_days"]
    rule = f"Fieldwork after {timescales.get(NOTICE_KEY).describe(days)}' notice"
    joint = Inspection.objects.filter(board=board, inspectorate=Inspectorate.JOINT)
    for inspection in joint.only("pk", "title", "start_date"):
        fieldwork = inspection.start_date
        stopped = fieldwork if fieldwork <= today else None
        yield _clock(
            "jtai", "Joint targeted area inspection",
            uid=f"jtai-{inspection.pk}", subject=inspection.title,
            start=working_days_before(fieldwork, days), due=fieldwork, stopped_on=stopped,
            status=status_of(fieldwork, stopped, today, warn), rule=rule, source=JTAI_SOURCE,
            href=board_url(board, "assurance:inspection-detail", inspection_id=inspection.pk),
        )  # fmt: skip


def register() -> None:
    timescales.register(
        CYCLE_KEY, "Section 11 audit cycle (agencies)", default=24, unit=MONTHS,
        source=S11_SOURCE, check=True, minimum=6, maximum=48, order=70,
    )  # fmt: skip
    timescales.register(
        NOTICE_KEY, "Joint targeted area inspection: notice before fieldwork", default=10,
        unit=WORKING_DAYS, source=JTAI_SOURCE, check=True, maximum=30, order=80,
    )  # fmt: skip
    holders = [Role.BOARD_MANAGER]
    statutory.register(
        "section11-returns", "Section 11 returns", section11_return_clocks, roles=ROLES,
        holders=holders, order=70,
    )  # fmt: skip
    statutory.register(
        "section11-cycle", "Next Section 11 cycle", section11_cycle_clocks, roles=ROLES,
        holders=holders, order=71,
    )  # fmt: skip
    statutory.register(
        "jtai", "Joint targeted area inspection", jtai_clocks, roles=ROLES,
        holders=holders, order=80,
    )  # fmt: skip

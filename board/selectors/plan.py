from collections import Counter
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from core.periods import FinancialYear

from ..models import Action, ActionStatus, Board, Objective, Priority


@dataclass(frozen=True)
class StatusCount:
    status: ActionStatus
    count: int


def plan_priorities(board: Board, year: FinancialYear) -> QuerySet[Priority]:
    actions = Action.objects.select_related("owner_agency", "owner_person", "carried_over_to")
    objectives = Objective.objects.prefetch_related(Prefetch("actions", queryset=actions))
    return Priority.objects.filter(board=board, year=year.start_year).prefetch_related(
        Prefetch("objectives", queryset=objectives)
    )


def priority_rollup(priority: Priority) -> list[StatusCount]:
    """How many of the priority's actions stand at each status (from prefetched rows)."""
    counts = Counter(
        action.status
        for objective in priority.objectives.all()
        for action in objective.actions.all()
    )
    return [StatusCount(status, counts[status.value]) for status in ActionStatus]


def plan_years(board: Board) -> list[FinancialYear]:
    years = Priority.objects.filter(board=board).values_list("year", flat=True).distinct()
    return [FinancialYear(y) for y in sorted(years)]

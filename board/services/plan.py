from datetime import date

from django.db import transaction
from django.db.models import Prefetch

from core.periods import FinancialYear

from ..models import Action, ActionStatus, Board, Objective, Priority, User
from .actions import action_create


def _carried_due_date(action: Action, year: FinancialYear) -> date:
    """An unfinished action keeps its due date if that falls in the new year or later;
    otherwise it is due by the end of the new year."""
    return action.due_date if action.due_date >= year.start else year.end


@transaction.atomic
def plan_carry_over(*, board: Board, year: FinancialYear, created_by: User) -> int:
    """Copy each unfinished action of `year`'s plan into next year's plan, under the same
    priority and objective (created there if needed). Safe to run twice: an action
    already carried over is not copied again. Returns how many actions were carried."""
    following = year.next()
    carried = 0
    objectives = Objective.objects.filter(board=board, priority__year=year.start_year)
    # One query for what an earlier run already carried, rather than one per action.
    already_carried = set(
        Action.objects.filter(board=board, carried_over_from__isnull=False).values_list(
            "carried_over_from_id", flat=True
        )
    )
    actions = Prefetch("actions", Action.objects.select_related("owner_agency", "owner_person"))
    for objective in objectives.select_related("priority").prefetch_related(actions):
        unfinished = [
            action
            for action in objective.actions.all()
            if action.status != ActionStatus.COMPLETE and action.pk not in already_carried
        ]
        if not unfinished:
            continue
        old_priority = objective.priority
        priority, _ = Priority.objects.get_or_create(
            board=board,
            year=following.start_year,
            number=old_priority.number,
            defaults={"title": old_priority.title},
        )
        new_objective, _ = Objective.objects.get_or_create(
            board=board,
            priority=priority,
            number=objective.number,
            defaults={"title": objective.title, "carried_over_from": objective},
        )
        for action in unfinished:
            copy = action_create(
                board=board,
                description=action.description,
                owner_agency=action.owner_agency,
                owner_person=action.owner_person,
                due_date=_carried_due_date(action, following),
                source=new_objective,
                created_by=created_by,
                status=action.status,
            )
            copy.carried_over_from = action
            copy.save(update_fields=["carried_over_from"])
            carried += 1
    return carried

"""Business plan progress: the year's priorities and objectives with "we said / we did /
impact" (board app), each objective's actions and their RAG status, and the count of
actions at each status. Without a plan, the year's business-plan actions in the tracker."""

from collections import Counter

from django.db.models import Prefetch

from board.models import Action, ActionSource, ActionStatus, ActionUpdate
from board.selectors.plan import plan_priorities
from core.numbers import percentage

from .registry import SectionType, register


def gather(report, section) -> dict:
    priorities = _priorities(report)
    if priorities:
        actions = [a for p in priorities for o in p["objectives"] for a in o["actions"]]
    else:
        actions = _tracker_actions(report)
    counts = Counter(action["status_value"] for action in actions)
    total = len(actions)
    return {
        "priorities": priorities,
        "rows": actions,
        "total": total,
        "counts": [
            {"status": label, "count": counts[value],
             "percentage": percentage(counts[value], total)}
            for value, label in ActionStatus.choices
        ],
    }  # fmt: skip


def _priorities(report) -> list[dict]:
    return [
        {
            "title": f"Priority {p.number}: {p.title}",
            "objectives": [
                {"title": f"{p.number}.{o.number} {o.title}", "we_said": o.we_said,
                 "we_did": o.we_did, "impact": o.impact,
                 "actions": [_row(a, with_updates=False) for a in o.actions.all()]}
                for o in p.objectives.all()
            ],
        }
        for p in plan_priorities(report.board, report.year)
    ]  # fmt: skip


def _tracker_actions(report) -> list[dict]:
    year = report.year
    updates = Prefetch("updates", queryset=ActionUpdate.objects.order_by("-date", "-created_at"))
    actions = (
        Action.objects.filter(
            board=report.board, source_type=ActionSource.BUSINESS_PLAN,
            due_date__gte=year.start, due_date__lte=year.end,
        )
        .select_related("owner_agency", "owner_person")
        .prefetch_related(updates)
        .order_by("due_date", "created_at")
    )  # fmt: skip
    return [_row(action) for action in actions]


def _row(action: Action, with_updates: bool = True) -> dict:
    latest = action.updates.all()[0] if with_updates and action.updates.all() else None
    owner = action.owner_agency.name if action.owner_agency_id else ""
    if action.owner_person_id:
        person = action.owner_person.full_name
        owner = f"{owner} ({person})" if owner else person
    return {
        "description": action.description, "owner": owner, "due": action.due_date,
        "status": action.get_status_display(), "status_value": action.status,
        "progress": latest.text if latest else action.evidence,
    }  # fmt: skip


register(
    SectionType(
        "business_plan",
        "Business plan progress",
        gather,
        description="Priorities and objectives: we said, we did, impact; actions and status.",
    )
)

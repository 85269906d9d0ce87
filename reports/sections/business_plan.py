"""Business plan progress: the year's business-plan actions from the shared action
tracker, their RAG status and latest progress, and the count per status."""

from django.db.models import Prefetch

from board.models import Action, ActionSource, ActionStatus, ActionUpdate
from board.numbers import percentage

from .registry import SectionType, register


def gather(report, section) -> dict:
    year = report.year
    updates = Prefetch("updates", queryset=ActionUpdate.objects.order_by("-date", "-created_at"))
    actions = list(
        Action.objects.filter(
            board=report.board,
            source_type=ActionSource.BUSINESS_PLAN,
            due_date__gte=year.start,
            due_date__lte=year.end,
        )
        .select_related("owner_agency", "owner_person")
        .prefetch_related(updates)
        .order_by("due_date", "created_at")
    )
    rows = [_row(action) for action in actions]
    total = len(rows)
    counts = [
        {
            "status": label,
            "count": sum(1 for row in rows if row["status_value"] == value),
            "percentage": percentage(sum(1 for row in rows if row["status_value"] == value), total),
        }
        for value, label in ActionStatus.choices
    ]
    return {"rows": rows, "counts": counts, "total": total}


def _row(action: Action) -> dict:
    latest = action.updates.all()[0] if action.updates.all() else None
    owner = action.owner_agency.name if action.owner_agency_id else ""
    if action.owner_person_id:
        owner = (
            f"{owner} ({action.owner_person.full_name})" if owner else action.owner_person.full_name
        )
    return {
        "description": action.description,
        "owner": owner,
        "due": action.due_date,
        "status": action.get_status_display(),
        "status_value": action.status,
        "progress": latest.text if latest else "",
    }


register(
    SectionType(
        "business_plan",
        "Business plan progress",
        gather,
        description="Business-plan actions due in the year, with status and latest progress.",
    )
)

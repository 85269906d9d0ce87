"""Priorities for next year: the authored priorities, and next year's business-plan
actions already recorded in the shared action tracker."""

from board.models import Action, ActionSource

from .registry import SectionType, register


def gather(report, section) -> dict:
    following = report.year.next()
    actions = Action.objects.filter(
        board=report.board,
        source_type=ActionSource.BUSINESS_PLAN,
        due_date__gte=following.start,
        due_date__lte=following.end,
    ).values_list("description", "due_date")
    return {
        "next_year": following.label,
        "actions": [{"description": d, "due": due} for d, due in actions],
    }


register(
    SectionType(
        "priorities",
        "Priorities for next year",
        gather,
        description="The board's priorities, and next year's business-plan actions.",
        narrative_help="The priorities, as a Markdown list ('- ' before each).",
        authored=True,
    )
)

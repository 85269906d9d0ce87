"""A sub-group's return template as plain data (a "spec"): what the return form asks.
A submitted return keeps the spec it was submitted against (`QuarterlyReturn.template`);
a return not yet submitted always uses the sub-group's current template."""

from django.db.models import Prefetch

from board.models import ActionStatus

from ..models import QuarterlyReturn, SubGroup, TemplateIndicator


def _indicator_spec(row: TemplateIndicator) -> dict:
    indicator = row.indicator
    return {
        "id": str(indicator.id),
        "code": indicator.code,
        "name": indicator.name,
        "unit": indicator.unit,
        "decimals": indicator.decimals,
        "add_up": indicator.breakdowns_add_up,
        "min": None if row.min_value is None else str(row.min_value),
        "max": None if row.max_value is None else str(row.max_value),
        "breakdowns": [
            {
                "name": category_set.name,
                "categories": [
                    {"id": str(c.id), "label": c.label} for c in category_set.categories.all()
                ],
            }
            for category_set in indicator.breakdown_sets.all()
        ],
    }


def template_spec(subgroup: SubGroup) -> dict:
    indicators = (
        TemplateIndicator.objects.filter(subgroup=subgroup)
        .select_related("indicator")
        .prefetch_related(Prefetch("indicator__breakdown_sets__categories"))
    )
    return {
        "questions": [
            {"id": str(q.id), "text": q.text, "hint": q.hint} for q in subgroup.questions.all()
        ],
        "actions": [
            {"id": str(a.id), "description": a.description, "due_date": a.due_date.isoformat()}
            for a in subgroup.actions.order_by("due_date", "created_at")
        ],
        "indicators": [_indicator_spec(row) for row in indicators],
    }


def spec_for(quarterly_return: QuarterlyReturn) -> dict:
    """The template a return answers: its own copy once submitted (also while returned for
    amendment), else the sub-group's current one."""
    if quarterly_return.template:
        return quarterly_return.template
    return template_spec(quarterly_return.subgroup)


ACTION_STATUSES = [(s.value, s.label) for s in ActionStatus]


def figure_keys(indicator: dict) -> list[tuple[str, str | None]]:
    """(content key, category id or None) for the indicator's total and each breakdown."""
    keys = [(indicator["id"], None)]
    for breakdown in indicator["breakdowns"]:
        for category in breakdown["categories"]:
            keys.append((f"{indicator['id']}:{category['id']}", category["id"]))
    return keys

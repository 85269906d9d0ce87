"""Sub-groups with a chair, and a template with an indicator broken down by category."""

from datetime import date

from board.models import Person
from datasets.models import Category, CategorySet, Indicator
from subgroups.models import SubGroup, SubGroupRole
from subgroups.services.groups import questions_add_defaults, subgroup_member_add
from subgroups.services.templates import template_indicator_save


def subgroup_with_chair(board, user, name="Health", role=SubGroupRole.CHAIR, **fields) -> SubGroup:
    subgroup, _ = SubGroup.objects.get_or_create(board=board, name=name, defaults=fields)
    questions_add_defaults(subgroup=subgroup)
    person, _ = Person.objects.get_or_create(
        board=board, user=user, defaults={"full_name": user.full_name}
    )
    subgroup_member_add(subgroup=subgroup, person=person, role=role, start_date=date(2013, 4, 1))
    return subgroup


def referrals_indicator(board, add_up=True) -> Indicator:
    """A count broken down into two categories that must add up to the total."""
    indicator, created = Indicator.objects.get_or_create(
        board=board,
        code="referrals",
        defaults={"name": "Referrals", "theme": "Demand", "breakdowns_add_up": add_up},
    )
    if created:
        category_set = CategorySet.objects.create(board=board, code="source", name="Source")
        Category.objects.create(
            board=board, category_set=category_set, code="police", label="Police", order=1
        )
        Category.objects.create(
            board=board, category_set=category_set, code="health", label="Health", order=2
        )
        indicator.breakdown_sets.add(category_set)
    return indicator


def add_referrals(subgroup, **limits):
    indicator = referrals_indicator(subgroup.board)
    template_indicator_save(subgroup=subgroup, indicator=indicator, **limits)
    return indicator


def answers(subgroup, total="10", police="6", health="4", comment="", questions="Done"):
    """Complete form data for the sub-group's current template."""
    from subgroups.services.spec import template_spec

    spec = template_spec(subgroup)
    data = {f"q_{q['id']}": questions for q in spec["questions"]}
    for a in spec["actions"]:
        data[f"a_{a['id']}_status"] = "on_track"
        data[f"a_{a['id']}_comment"] = "Progressing"
    for indicator in spec["indicators"]:
        data[f"f_{indicator['id']}"] = total
        cats = [c for b in indicator["breakdowns"] for c in b["categories"]]
        for category, value in zip(cats, [police, health], strict=False):
            data[f"f_{indicator['id']}_{category['id']}"] = value
        data[f"c_{indicator['id']}"] = comment
    return data

"""A sub-group's report: the chair's authored summary (achievements, impact on children
and on practice, emerging themes) and the year's approved quarterly returns (issue 4)."""

from .common import model
from .registry import SectionType, register

NO_RETURNS = "Sub-group quarterly returns are not recorded in this installation yet (issue 4)."


def gather(report, section) -> dict:
    name = (section.config or {}).get("subgroup", "")
    subgroup = (
        model("subgroups", "SubGroup")
        .objects.filter(board=report.board, name=name)
        .select_related("parent")
        .first()
    )
    if subgroup is None:
        return {"subgroup": None, "returns": [], "returns_missing": ""}
    returns_model = model("subgroups", "QuarterlyReturn")
    if returns_model is None:
        return {"subgroup": _plain(subgroup), "returns": [], "returns_missing": NO_RETURNS}
    return {"subgroup": _plain(subgroup), "returns": [], "returns_missing": NO_RETURNS}


def _plain(subgroup) -> dict:
    return {
        "name": subgroup.name,
        "purpose": subgroup.purpose,
        "parent": subgroup.parent.name if subgroup.parent_id else "",
    }


register(
    SectionType(
        "subgroup_report",
        "Sub-group report",
        gather,
        description="One sub-group: its chair's summary and the year's approved returns.",
        narrative_help="The chair's summary: achievements, impact on children, impact on "
        "practice, emerging themes and recommendations for next year.",
        config_fields={"subgroup": "The sub-group's name, exactly as the board lists it."},
        authored=True,
    )
)

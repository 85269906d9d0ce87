"""A sub-group's report: the chair's authored summary (achievements, impact on children
and on practice, emerging themes) and the year's approved quarterly returns: their
answers, question by question across the quarters, and the progress they reported on the
sub-group's business plan actions.

Only approved returns are shown, each as submitted (its copy of the template), and the
section says which of the year's quarters have none. Two queries whatever the number of
returns: the sub-group, then its approved returns."""

from datetime import date

from django.utils import timezone

from board.models import ActionStatus
from subgroups.models import SubGroup, SubGroupKind
from subgroups.selectors import answers, approved_returns

from .registry import SectionType, register


def gather(report, section) -> dict:
    name = (section.config or {}).get("subgroup", "")
    subgroup = (
        SubGroup.objects.filter(board=report.board, name=name).select_related("parent").first()
    )
    if subgroup is None:
        return {"subgroup": None, "returns": []}
    found = list(approved_returns(report.board, report.year, subgroup=subgroup))
    approved = {r.period_start for r in found}
    return {
        "subgroup": _plain(subgroup),
        "reported_in": _reported_in(report, subgroup) if not found else "",
        "returns": [{"quarter": r.quarter.label, "approved": _day(r.approved_at)} for r in found],
        "not_approved": [q.label for q in report.year.quarters if q.start not in approved],
        "questions": _questions(found),
        "actions": _actions(found),
    }


def _plain(subgroup) -> dict:
    return {
        "name": subgroup.name,
        "purpose": subgroup.purpose,
        "parent": subgroup.parent.name if subgroup.parent_id else "",
    }


# The panels whose year has a section of its own: without a return of theirs, the
# sub-group section points there rather than reading as if the panel did nothing.
SECTION_OF_KIND = {SubGroupKind.CDOP: "cdop", SubGroupKind.SCR: "scr"}


def _reported_in(report, subgroup) -> str:
    section_type = SECTION_OF_KIND.get(subgroup.kind)
    if section_type is None:
        return ""
    titles = report.sections.filter(section_type=section_type).order_by("order", "created_at")
    return titles.values_list("title", flat=True).first() or ""


def _day(moment) -> date | None:
    return timezone.localdate(moment) if moment is not None else None


def _questions(returns) -> list[dict]:
    """Each question asked in the year (in the order first asked), with every quarter's
    non-blank answer in quarter order."""
    by_text: dict[str, list[dict]] = {}
    for r in returns:
        for question, answer in answers(r):
            given = by_text.setdefault(question, [])
            if str(answer).strip():
                given.append({"quarter": r.quarter.label, "answer": str(answer).strip()})
    return [{"text": text, "answers": given} for text, given in by_text.items() if given]


def _status_label(value) -> str:
    try:
        return ActionStatus(value).label
    except ValueError:
        return str(value or "")


def _actions(returns) -> list[dict]:
    """Each business plan action the returns reported on: its status in each approved
    quarter (blank where that return did not ask about it) and the latest comment."""
    rows: dict[str, dict] = {}
    for r in returns:
        quarter = r.quarter.label
        reported = (r.content or {}).get("actions", {})
        for action in (r.template or {}).get("actions", []):
            row = rows.setdefault(action["id"], {"status": {}, "comment": "", "comment_in": ""})
            row["description"] = action["description"]  # as the latest return words it
            row["due"] = date.fromisoformat(action["due_date"]) if action.get("due_date") else None
            progress = reported.get(action["id"]) or {}
            row["status"][quarter] = _status_label(progress.get("status"))
            comment = str(progress.get("comment") or "").strip()
            if comment:
                row["comment"], row["comment_in"] = comment, quarter
    labels = [r.quarter.label for r in returns]
    return [
        {
            "description": row["description"],
            "due": row["due"],
            "progress": [row["status"].get(label, "") for label in labels],
            "comment": row["comment"],
            "comment_in": row["comment_in"],
        }
        for row in rows.values()
    ]


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

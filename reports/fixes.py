"""Where each consistency problem is fixed, and who can clear it: the one place that reads
a problem's kind, section and subject (reports/checks.py) and answers a link and a
sentence, for the checks page and the approval page alike."""

from dataclasses import dataclass

from core.links import board_url
from subgroups.models import AWAITING_APPROVAL

from .checks import Problem
from .models import AnnualReport, Section

MANAGER = "the board manager"
ACCEPT = (MANAGER, "accept it with a reason")

# A section drawn from records, left empty: the page where those records are kept.
RECORDS = {
    "audits": ("assurance:audit-list", "Record the year's audits"),
    "budget": ("budget", "Enter the year's budget"),
    "business_plan": ("plan", "Add the year's business plan"),
    "calendar": ("meeting-list", "Record the year's meetings"),
    "cdop": ("child_deaths:cdop-case-list", "Record the child deaths"),
    "inspections": ("assurance:inspection-list", "Record the inspections"),
    "membership": ("member-list", "Record the board's members"),
    "priorities": ("plan", "Add next year's business plan actions"),
    "scr": ("case_reviews:scr-register", "Record the case reviews"),
    "section11": ("assurance:section11-cycle-list", "Record a Section 11 cycle"),
    "training": ("training-session-list", "Record the training sessions"),
}
# Sections set up by the manager (which indicators, which sub-group...), or printed from
# a list with no page of its own (the board's acronyms): fixed in the section's settings,
# or by removing the section.
SETTINGS = {"dataset": "Choose the section's indicators"}
REMOVED = {"glossary": "Remove the section"}
# Records of these kinds are kept by their panels' roles, not only by the manager.
KEPT_BY = {
    "cdop": "the CDOP members",
    "scr": "the case review members",
}


@dataclass(frozen=True)
class Fix:
    url: str
    label: str
    who: str


def fixes_for(report: AnnualReport, problems: list[Problem]) -> dict[str, Fix]:
    """Each problem's key → its fix, in one query (the sections and their authors)."""
    sections = {
        str(s.id): s for s in Section.objects.filter(report=report).select_related("author")
    }
    return {p.key: fix_for(report, p, sections.get(p.section_id)) for p in problems}


def fix_for(report: AnnualReport, problem: Problem, section: Section | None) -> Fix:
    subject = dict(problem.subject)
    board = report.board
    if "item" in subject:  # the partnership yearly report's checklist
        from .yearly.fixes import checklist_fix

        return checklist_fix(report, subject["item"], section)
    if problem.kind == "returns":
        return _return_fix(board, subject)
    if problem.kind == "periods" and "indicator" in subject:
        who = _who((MANAGER, "import the missing figures"))
        return Fix(board_url(board, "datasets:import"), "Import the missing figures", who)
    if section is None:
        return Fix("", "", _who())
    if problem.kind == "periods" or (problem.kind == "alternative" and "chart" in problem.message):
        return _settings(board, section, "Change the section's settings")
    if problem.kind == "empty":
        return _empty_fix(board, section)
    return _write(board, section, f"Change the text of “{section.title}”")


def _who(*steps: tuple[str, str]) -> str:
    """ "A can x, B can y, or the board manager can accept it with a reason": each step
    a person and what they can do; one person doing several things is named once."""
    parts, previous = [], None
    for person, action in (*steps, ACCEPT):
        parts.append(action if person == previous else f"{person} can {action}")
        previous = person
    text = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])}, or {parts[-1]}"
    return f"{text[:1].upper()}{text[1:]}."


def _writer(section: Section) -> str:
    if section.author_id:
        return f"{section.author.full_name} (the section's author) or {MANAGER}"
    return MANAGER


def _write(board, section: Section, label: str) -> Fix:
    url = board_url(board, "reports:section-write", section_id=section.id)
    return Fix(url, label, _who((_writer(section), "change the text")))


def _settings(board, section: Section, label: str) -> Fix:
    url = board_url(board, "reports:section-edit", section_id=section.id)
    return Fix(url, label, _who((MANAGER, "change the section's settings")))


def _empty_fix(board, section: Section) -> Fix:
    kind = section.section_type
    if kind == "subgroup_report" and not (section.config or {}).get("subgroup"):
        return _settings(board, section, "Choose the section's sub-group")
    if kind in SETTINGS:
        return _settings(board, section, SETTINGS[kind])
    if kind in REMOVED:
        url = board_url(board, "reports:section-remove", section_id=section.id)
        return Fix(url, REMOVED[kind], _who((MANAGER, "remove the section")))
    if kind not in RECORDS:  # written sections, and any type with no page of records
        return _write(board, section, f"Write “{section.title}”")
    name, label = RECORDS[kind]
    who = _who((KEPT_BY.get(kind, MANAGER), "add the records"),
               (_writer(section), "write an introduction"))  # fmt: skip
    return Fix(board_url(board, name), label, who)


def _return_fix(board, subject: dict) -> Fix:
    url = board_url(board, "subgroups:return-detail", subgroup_id=subject["subgroup"],
                    quarter=subject["quarter"])  # fmt: skip
    if subject["status"] in AWAITING_APPROVAL:
        who = _who((MANAGER, "approve the return (or send it back)"))
    else:
        chair = f"the chair of {subject['subgroup_name']}"
        who = _who((chair, "submit the return for the board manager to approve"))
    return Fix(url, "Open the return", who)

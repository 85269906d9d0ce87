"""What each type of section prints when it has records to show, read from its gathered
data. The consistency checks (reports/checks.py: "The section has no content") and the
section templates (reports/templates/reports/sections/_base.html: under authored text, a
section without records prints the text alone, never a "No records yet" line) read the
same rules, so the two never disagree."""

from collections.abc import Callable


def _any(*keys: str) -> Callable[[dict], bool]:
    return lambda data: any(data.get(key) for key in keys)


def _counted(data: dict, *keys: str) -> bool:
    """A count as printed: a number, or words where a small count is withheld ("fewer
    than 6"); "0" prints, but says there was nothing."""
    return any(str(data.get(key) or "0") != "0" for key in keys)


# What each type of section prints when it has records to show, read from its gathered
# data (the keys its template tests before printing "No records yet"). Every type in the
# registry has a rule here (tests/reports/test_content_detection.py); authored text counts
# for every type besides (checks.has_content). The contents page is the report's own list
# of sections.
CONTENT: dict[str, Callable[[dict], bool]] = {
    "audits": _any("rows"),
    "budget": _any("headings", "income"),
    "business_plan": _any("rows", "priorities"),
    "calendar": _any("rows"),
    "cdop": lambda data: bool(data.get("statistics")) or _counted(data, "notified", "reviewed"),
    "contents": lambda data: True,
    "dataset": _any("indicators"),
    "glossary": _any("terms"),
    "inspections": _any("inspections"),
    "membership": _any("rows"),
    "narrative": lambda data: False,  # its content is its text
    "priorities": _any("actions"),
    "scr": _any("initiated", "not_initiated", "completed", "published", "themes"),
    "section11": _any("cycle"),
    "strengths": _any("themes"),
    "subgroup_report": _any("returns"),
    "training": _any("rows"),
}


def prints_records(section_type: str, data: dict) -> bool:
    rule = CONTENT.get(section_type)
    return bool(rule and rule(data))

"""Consistency checks before approval. Each problem has a stable key naming the check,
the section and the detail, so an acceptance (with its reason) covers exactly that
problem: change the text and the changed problem needs resolving or accepting again."""

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from subgroups.models import ReturnStatus, SubGroup
from subgroups.selectors import approved_returns, completeness

from .content import prints_records
from .images import references
from .models import AnnualReport
from .rendering import GatheredSection, gather_section, sections_of
from .yearly.checklist import PUBLICATION, checklist

PLACEHOLDERS = [
    (re.compile(r"\bTBC\b|\bTBA\b|\bTBD\b", re.I), "a 'to be confirmed' note"),
    (re.compile(r"\bX{2,}\b|\b(?:x{2,})\b"), "an 'XX' placeholder"),
    (re.compile(r"\[\s*insert", re.I), "an '[insert ...]' placeholder"),
    (re.compile(r"\b(?:TODO|FIXME)\b|\?{2,}", re.I), "a draft note"),
    (re.compile(r"\bdraft note\b|\bcheck with\b", re.I), "a draft note"),
]
# Initials followed by a dash, as reviewers leave them: "JS - please check", "AB: ".
INITIALS_NOTE = re.compile(r"(?<![\w.])([A-Z]{2,3})\s?[-–—:]\s+(?=[a-z])")
IMAGE_WITHOUT_ALT = re.compile(r"!\[\s*\]\(")
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(%)?")


def has_content(section, data: dict) -> bool:
    return bool(section.narrative.strip()) or prints_records(section.section_type, data)


@dataclass(frozen=True)
class Problem:
    kind: str
    section_title: str
    message: str
    key: str
    # Where it is fixed (reports/fixes.py): the section, and for a return or a figure the
    # record it names, such as (("subgroup", id), ("quarter", "2014-15-q2")).
    section_id: str = ""
    subject: tuple = ()


def _problem(kind: str, section, message: str, title: str = "", **subject) -> Problem:
    """`title` names where a problem of no one section belongs ("Sub-group returns")."""
    section_id = str(section.id) if section is not None else ""
    digest = hashlib.sha256(f"{kind}|{section_id or 'report'}|{message}".encode()).hexdigest()
    title = section.title if section is not None else title or "The whole report"
    return Problem(kind, title, message, f"{kind}:{digest[:16]}", section_id=section_id,
                   subject=tuple(sorted(subject.items())))  # fmt: skip


def problems_gone(count: int) -> str:
    """A problem chosen for acceptance that is no longer found: resolved, or changed (a
    changed problem has a new key) since the page was shown."""
    what = "One of the problems you chose is" if count == 1 else (
        f"{count} of the problems you chose are")  # fmt: skip
    return f"{what} no longer found (the report changed): choose again from the list as it is now"


def gather_for_checks(report: AnnualReport) -> list[GatheredSection]:
    """Every section as the PDF gathers it, but for the sub-group sections: the checks
    read of those only whether an approved return is there, so they are read together
    (two queries for all of them) instead of two or three queries per sub-group, and
    the checks page costs the same number of queries whatever the number of sub-groups."""
    sections = sections_of(report)
    images = references(report)
    subgroups = _subgroup_returns(report, sections)
    gathered = []
    for section in sections:
        if section.section_type == "subgroup_report":
            name = (section.config or {}).get("subgroup", "")
            data = {"subgroup": name if name in subgroups else None,
                    "returns": subgroups.get(name, [])}  # fmt: skip
            gathered.append(GatheredSection(section, 0, data, images))
        else:
            gathered.append(gather_section(report, section, 0, images))
    return gathered


def _subgroup_returns(report: AnnualReport, sections) -> dict[str, list[str]]:
    """Each sub-group's name → the quarters of its approved returns in the year."""
    if not any(s.section_type == "subgroup_report" for s in sections):
        return {}
    found: dict[str, list[str]] = {
        name: [] for name in SubGroup.objects.filter(board=report.board).values_list(
            "name", flat=True)
    }  # fmt: skip
    for r in approved_returns(report.board, report.year).only("period_start", "subgroup__name"):
        found.setdefault(r.subgroup.name, []).append(r.quarter.label)
    return found


def find_problems(report: AnnualReport, gathered: list[GatheredSection] | None = None):
    gathered = gather_for_checks(report) if gathered is None else gathered
    problems: list[Problem] = []
    acronyms = set(report.board.reports_acronym_set.values_list("term", flat=True))
    for item in gathered:
        problems += _placeholders(item, acronyms)
        problems += _empty(item)
        problems += _alternatives(item)
        problems += _missing_periods(item)
    problems += _figures(report, gathered)
    problems += _returns_not_approved(report)
    problems += _checklist(report)
    return problems


def acceptable(problem: Problem) -> bool:
    """A problem the manager may accept with a reason: all but what publication waits for
    (the lead partners' sign-off and the scrutineer's assessment), which is recorded."""
    return problem.kind != PUBLICATION


def outstanding_problems(report: AnnualReport) -> list[Problem]:
    """What the board's approval waits for: every acceptable problem not yet accepted."""
    accepted = set(report.acceptances.values_list("key", flat=True))
    return [p for p in find_problems(report) if p.key not in accepted and acceptable(p)]


def publication_problems(report: AnnualReport) -> list[Problem]:
    """What publication waits for (a partnership yearly report's sign-off and assessment)."""
    return [p for p in _checklist(report) if not acceptable(p)]


def _checklist(report: AnnualReport) -> list[Problem]:
    """A partnership yearly report's required contents not yet there (yearly/checklist.py)."""
    return [
        _problem(row.item.kind, row.section, f"{row.item.requirement}: {row.evidence}",
                 title="Yearly report checklist", item=row.item.key)
        for row in checklist(report) if not row.satisfied
    ]  # fmt: skip


def _placeholders(item: GatheredSection, acronyms: set[str]) -> list[Problem]:
    text = f"{item.section.title}\n{item.section.narrative}"
    found = []
    for pattern, what in PLACEHOLDERS:
        for match in pattern.finditer(text):
            found.append(
                _problem("placeholder", item.section, f"Contains {what}: “{_near(text, match)}”")
            )
    for match in INITIALS_NOTE.finditer(text):
        if match.group(1) not in acronyms:
            found.append(_problem(
                "placeholder", item.section,
                f"Contains a reviewer's note (initials and a dash): “{_near(text, match)}”",
            ))  # fmt: skip
    return found


def _near(text: str, match: re.Match) -> str:
    start, end = max(match.start() - 20, 0), min(match.end() + 30, len(text))
    return " ".join(text[start:end].split())


def _empty(item: GatheredSection) -> list[Problem]:
    if has_content(item.section, item.data):
        return []
    return [_problem("empty", item.section, "The section has no content.")]


def _alternatives(item: GatheredSection) -> list[Problem]:
    found = []
    if IMAGE_WITHOUT_ALT.search(item.section.narrative):
        found.append(_problem("alternative", item.section, "An image has no text alternative."))
    for row in item.data.get("indicators", []):
        chart = row.get("chart")
        if chart is not None and not chart.get("alt", "").strip():
            found.append(_problem("alternative", item.section, f"The chart of {row['name']} "
                                  "has no text alternative."))  # fmt: skip
    return found


def _missing_periods(item: GatheredSection) -> list[Problem]:
    found = []
    for row in item.data.get("indicators", []):
        if row["missing_periods"]:
            found.append(_problem(
                "periods", item.section,
                f"{row['name']} has no value for {', '.join(row['missing_periods'])}.",
                indicator=row["code"],
            ))  # fmt: skip
    for code in item.data.get("unknown_codes", []):
        found.append(_problem("periods", item.section, f"No indicator has the code {code}.",
                              unknown_code=code))  # fmt: skip
    return found


def _figures(report: AnnualReport, gathered: list[GatheredSection]) -> list[Problem]:
    """A figure typed next to a headline indicator's name must be the stored value."""
    headline = {}
    for item in gathered:
        for row in item.data.get("indicators", []):
            if row["year_value"] is not None:
                headline[row["name"]] = Decimal(row["year_value"])
    found = []
    for item in gathered:
        text = " ".join(item.section.narrative.split())
        for name, stored in headline.items():
            for typed in _figures_after(text, name):
                if typed != stored:
                    found.append(_problem(
                        "figure", item.section,
                        f"The text gives {name} as {typed:,}; the stored value for "
                        f"{report.year.label} is {stored:,}.",
                    ))  # fmt: skip
    return found


def _figures_after(text: str, name: str) -> list[Decimal]:
    """The first number in the same sentence after each mention of the name."""
    figures = []
    for mention in re.finditer(re.escape(name), text, re.I):
        sentence = re.split(r"(?<=[.!?])\s", text[mention.end() :], maxsplit=1)[0]
        number = NUMBER.search(sentence)
        if number is None or _is_year(number.group(0)):
            continue
        digits = number.group(1).replace(",", "") + (
            f".{number.group(2)}" if number.group(2) else ""
        )
        try:
            figures.append(Decimal(digits))
        except InvalidOperation:
            continue
    return figures


def _is_year(token: str) -> bool:
    return bool(re.fullmatch(r"(19|20)\d\d", token.strip()))


def _returns_not_approved(report: AnnualReport, today: date | None = None) -> list[Problem]:
    """Every sub-group's return for each quarter of the year that is due (its deadline has
    passed, or it has been submitted) and not approved, including returns never started:
    the report shows approved returns only."""
    today = today or timezone.localdate()
    found = []
    for subgroup, cells in completeness(report.board, report.year, today).rows:
        for cell in cells:
            if cell.status == ReturnStatus.APPROVED:
                continue
            if not (cell.due < today or cell.is_submitted):
                continue  # not due yet
            found.append(_problem(
                "returns", None, title="Sub-group returns", message=
                f"The return from {subgroup.name} for {cell.quarter.label}, due "
                f"{cell.due.day} {cell.due:%B %Y}, is not approved "
                f"({cell.status_label.lower()}).",
                subgroup=str(subgroup.pk), subgroup_name=subgroup.name,
                quarter=cell.quarter_slug, status=cell.status,
            ))  # fmt: skip
    return found

"""Consistency checks before approval. Each problem has a stable key naming the check,
the section and the detail, so an acceptance (with its reason) covers exactly that
problem: change the text and the changed problem needs resolving or accepting again."""

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from subgroups.models import ReturnStatus
from subgroups.selectors import completeness

from .models import AnnualReport
from .rendering import GatheredSection, gather_all

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


# What a section's gathered data holds when it has something to show.
CONTENT_KEYS = ("rows", "indicators", "themes", "terms", "statistics", "returns", "actions",
                "priorities", "headings", "income")  # fmt: skip


@dataclass(frozen=True)
class Problem:
    kind: str
    section_title: str
    message: str
    key: str


def _problem(kind: str, section, message: str) -> Problem:
    section_id = str(section.id) if section is not None else "report"
    digest = hashlib.sha256(f"{kind}|{section_id}|{message}".encode()).hexdigest()[:16]
    title = section.title if section is not None else "The whole report"
    return Problem(kind, title, message, f"{kind}:{digest}")


def find_problems(report: AnnualReport, gathered: list[GatheredSection] | None = None):
    gathered = gather_all(report) if gathered is None else gathered
    problems: list[Problem] = []
    acronyms = set(report.board.reports_acronym_set.values_list("term", flat=True))
    for item in gathered:
        problems += _placeholders(item, acronyms)
        problems += _empty(item)
        problems += _alternatives(item)
        problems += _missing_periods(item)
    problems += _figures(report, gathered)
    problems += _returns_not_approved(report)
    return problems


def outstanding_problems(report: AnnualReport) -> list[Problem]:
    accepted = set(report.acceptances.values_list("key", flat=True))
    return [p for p in find_problems(report) if p.key not in accepted]


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
    if item.section.section_type in ("contents", "glossary"):
        return []
    has_text = bool(item.section.narrative.strip())
    data = item.data
    has_data = any(data.get(key) for key in CONTENT_KEYS)
    if has_text or has_data:
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
            ))  # fmt: skip
    for code in item.data.get("unknown_codes", []):
        found.append(_problem("periods", item.section, f"No indicator has the code {code}."))
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
                "returns", None,
                f"The return from {subgroup.name} for {cell.quarter.label}, due "
                f"{cell.due.day} {cell.due:%B %Y}, is not approved "
                f"({cell.status_label.lower()}).",
            ))  # fmt: skip
    return found

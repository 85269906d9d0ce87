"""The pack's parts as tables: one sheet each in the workbook (core.exports, which keeps
every text cell a string, never a formula) and one table each in the PDF, so the two
files always say the same. Cells hold plain values (text, numbers, dates, None); the
PDF writes them as the pages do (`shown`)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from board import action_sources
from core.exports import Table
from core.numbers import NO_VALUE, number, percent

from .gather import PackContents


@dataclass(frozen=True)
class Part:
    key: str
    heading: str
    intro: str
    table: Table
    empty: str  # the sentence printed when the part has no rows


def shown(value) -> str:
    """A cell as the PDF prints it: "1 June 2026", "1,204", "Not recorded" for a figure
    that is not there (None); text as it is."""
    if value is None:
        return NO_VALUE
    if isinstance(value, date):
        return f"{value:%-d %B %Y}"
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return number(value)
    return str(value)


def _figures(contents: PackContents) -> Table:
    rows = [
        [f.indicator.theme, f.indicator.name, f.period, f.value, f.display,
         f.indicator.get_unit_display()]
        for f in contents.figures
    ]  # fmt: skip
    headers = ["Theme", "Indicator", "Period", "Value", "Shown as", "Unit"]
    widths = {"A": 24, "B": 48, "C": 14, "E": 14, "F": 24}
    return Table(headers, rows, title="Figures", widths=widths)


def _ratings(part) -> str:
    return "; ".join(f"{row.name}: {row.count} ({percent(row.percent)})" for row in part.ratings)


def _audits(contents: PackContents) -> Table:
    rows = []
    for part in contents.audits:
        audit = part.audit
        first = [audit.title, audit.get_audit_type_display(), audit.period_start,
                 audit.period_end, audit.sample_size, _ratings(part)]  # fmt: skip
        for finding in part.findings or ["No findings recorded"]:
            rows.append([*first, finding])
    headers = ["Audit", "Type", "Period from", "Period to", "Cases audited", "Ratings", "Finding"]
    return Table(headers, rows, title="Audits", widths={"A": 36, "B": 16, "F": 40, "G": 60})


def _section11(contents: PackContents) -> Table:
    rows = [
        [part.section11_return.cycle.title, part.section11_return.agency.name,
         part.section11_return.get_status_display(), part.section11_return.submitted_on,
         part.section11_return.get_moderation_outcome_display() or None,
         part.section11_return.moderated_on, part.rag.get("red", 0), part.rag.get("amber", 0),
         part.rag.get("green", 0)]
        for part in contents.returns
    ]  # fmt: skip
    headers = ["Cycle", "Agency", "Status", "Submitted", "Moderation", "Moderated", "Red",
               "Amber", "Green"]  # fmt: skip
    return Table(headers, rows, title="Section 11", widths={"A": 30, "B": 30, "E": 30})


def _source(action) -> str:
    source = action_sources.get(action.source_type)
    return source.label if source else action.source_type


def _owner(action) -> str:
    names = [str(o) for o in (action.owner_agency, action.owner_person) if o is not None]
    return ", ".join(names)


def _open_actions(contents: PackContents) -> Table:
    rows = [
        [a.description, _source(a), _owner(a), a.due_date, a.get_status_display(),
         "Yes" if a.is_overdue_on(contents.until) else "No"]
        for a in contents.open_actions
    ]  # fmt: skip
    headers = ["Action", "Source", "Owner", "Due", "Status", "Overdue"]
    return Table(headers, rows, title="Open actions", widths={"A": 60, "B": 24, "C": 30})


def _recommendations(contents: PackContents) -> Table:
    """A row per recommendation, and one for an inspection that made none."""
    rows = []
    for inspection in contents.inspections:
        first = [
            inspection.title, inspection.get_inspectorate_display(), inspection.start_date,
            inspection.published_on, inspection.get_overall_judgement_display() or None,
        ]  # fmt: skip
        parts = [p for p in contents.recommendations if p.inspection.pk == inspection.pk]
        if not parts:
            rows.append([*first, None, "No recommendations recorded", 0, 0, ""])
        for part in parts:
            actions = part.actions
            states = "; ".join(f"{a.description[:80]}: {a.get_status_display()}" for a in actions)
            rows.append([*first, part.recommendation.number, part.recommendation.text,
                         len(actions), sum(a.is_complete for a in actions),
                         states or "No actions yet"])  # fmt: skip
    headers = [
        "Inspection", "Inspectorate", "Started", "Published", "Overall judgement", "Number",
        "Recommendation", "Actions", "Actions complete", "Actions and status",
    ]  # fmt: skip
    widths = {"A": 40, "B": 24, "E": 20, "G": 60, "J": 60}
    return Table(headers, rows, title="Inspection recommendations", widths=widths)


def pack_parts(contents: PackContents) -> list[Part]:
    return [
        Part("figures", "Dataset snapshot",
             "The latest figure of each of the board's indicators for a period ending in "
             "the six months.", _figures(contents),
             "No indicator has a figure for a period ending in the six months."),
        Part("audits", "Multi-agency audits and their findings",
             "Audits whose period covered part of the six months.", _audits(contents),
             "No audit covered the six months."),
        Part("section11", "Section 11 results",
             "Returns submitted or moderated in the six months, or due in a cycle that "
             "closed in them, with their self-ratings.", _section11(contents),
             "No Section 11 return was due, submitted or moderated in the six months."),
        Part("actions", "Open actions",
             "Every action of the tracker not yet complete on the day the pack was made.",
             _open_actions(contents), "The tracker has no open actions."),
        Part("recommendations", "Inspections' recommendations and their actions",
             "Inspections that ran or were published in the six months.",
             _recommendations(contents),
             "No inspection ran or was published in the six months."),
    ]  # fmt: skip

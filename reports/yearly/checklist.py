"""The partnership yearly report's required contents (Working Together 2023) as a
checklist. Each item says how it is satisfied: by the board's records of the year (the
practice reviews, the actions on their recommendations, training evaluated at follow-up),
by a section of the report with authored text, or by the report's own records (the
scrutineer's assessment, each lead partner's sign-off). An item not satisfied is a
consistency problem (reports/checks.py) with its fix (reports/fixes.py): kind "checklist"
for the contents, accepted with a reason like any other; kind "publication" for the
sign-off and the assessment, which no reason replaces and which only publication waits for."""

from collections import Counter
from dataclasses import dataclass

from board.models import ActionStatus
from board.models.training import SessionEvaluation
from board.partners import lead_partners
from reviews.case_reviews.selectors.reviews import case_review_year_summary, scr_actions

from ..models import AnnualReport, Section
from .models import ScrutinyAssessment

CONTENTS, PUBLICATION = "checklist", "publication"


@dataclass(frozen=True)
class Item:
    key: str
    requirement: str  # what Working Together asks the report to say
    how: str  # how the app reads it as said
    kind: str = CONTENTS
    # An authored item: the section (type and title) whose text satisfies it.
    section: tuple[str, str] | None = None


ITEMS = [
    Item("activity", "What the partnership did and how effective it was",
         "Text in the section “What the partnership did and how effective it was”.",
         section=("narrative", "What the partnership did and how effective it was")),
    Item("reviews", "The child safeguarding practice reviews of the year",
         "Case reviews decided on, completed or published in the year (the case review "
         "register), or text in the practice reviews section saying there were none."),
    Item("recommendations", "Decisions and actions on local and national review recommendations",
         "Actions raised from review recommendations, with their state (the action tracker)."),
    Item("training", "The impact of training",
         "Training sessions of the year evaluated at follow-up (learning and development)."),
    Item("progress", "Areas of little or no progress",
         "Text in the section “Areas of little or no progress”.",
         section=("narrative", "Areas of little or no progress")),
    Item("voice", "How children's and families' views were used",
         "Text in the section “How children's and families' views were used”.",
         section=("narrative", "How children's and families' views were used")),
    Item("scrutiny", "The independent scrutineer's assessment",
         "The scrutineer's assessment recorded on the report.", kind=PUBLICATION),
    Item("sign_off", "Sign-off by the lead safeguarding partners",
         "A sign-off recorded for each lead partner.", kind=PUBLICATION),
]  # fmt: skip
BY_KEY = {item.key: item for item in ITEMS}


@dataclass(frozen=True)
class Row:
    item: Item
    evidence: str  # what satisfies it, or why it is not satisfied
    satisfied: bool
    section: Section | None = None  # an authored item's section, when the report has it


def _section(sections: list[Section], wanted: tuple[str, str]) -> Section | None:
    kind, title = wanted
    for section in sections:
        if section.section_type == kind and section.title.strip().lower() == title.lower():
            return section
    return None


def _authored(item: Item, sections: list[Section]) -> Row:
    section = _section(sections, item.section)
    if section is None:
        return Row(item, f"The report has no section “{item.section[1]}”.", False)
    if not section.narrative.strip():
        return Row(item, "The section has no text yet.", False, section)
    return Row(item, "Written.", True, section)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _reviews(report: AnnualReport, sections: list[Section]) -> Row:
    summary = case_review_year_summary(board=report.board, year=report.year)
    refs = {r.reference for r in summary.initiated + summary.completed}
    refs |= {review.reference for review, _, _ in summary.published}
    section = next((s for s in sections if s.section_type == "scr"), None)
    if refs:
        return Row(BY_KEY["reviews"], f"{_plural(len(refs), 'review')}: "
                   f"{', '.join(sorted(refs))}.", True, section)  # fmt: skip
    if summary.not_initiated:
        text = f"{_plural(summary.not_initiated, 'decision')} not to hold a review."
        return Row(BY_KEY["reviews"], text, True, section)
    if section is not None and section.narrative.strip():
        return Row(BY_KEY["reviews"], "No reviews in the year; the section says so.", True, section)
    return Row(BY_KEY["reviews"], f"No case reviews recorded in {report.year.label}.", False,
               section)  # fmt: skip


def _recommendations(report: AnnualReport) -> Row:
    actions = scr_actions(board=report.board).filter(due_date__lte=report.year.end)
    states = Counter(actions.values_list("status", flat=True))
    if not states:
        text = f"No actions from review recommendations due by the end of {report.year.label}."
        return Row(BY_KEY["recommendations"], text, False)
    labels = dict(ActionStatus.choices)
    parts = [f"{count} {labels.get(status, status).lower()}" for status, count in
             sorted(states.items())]  # fmt: skip
    text = f"{_plural(sum(states.values()), 'action')}: {', '.join(parts)}."
    return Row(BY_KEY["recommendations"], text, True)


def _training(report: AnnualReport) -> Row:
    year = report.year
    evaluated = SessionEvaluation.objects.filter(
        board=report.board, follow_up_score__isnull=False,
        session__date__range=(year.start, year.end),
    ).count()  # fmt: skip
    if evaluated:
        text = f"{_plural(evaluated, 'session')} evaluated at follow-up."
        return Row(BY_KEY["training"], text, True)
    text = f"No training session of {year.label} has a follow-up evaluation."
    return Row(BY_KEY["training"], text, False)


def _scrutiny(report: AnnualReport) -> Row:
    found = ScrutinyAssessment.objects.filter(board=report.board, report=report).first()
    if found is None:
        return Row(BY_KEY["scrutiny"], "Not recorded.", False)
    text = f"{found.get_conclusion_display()} ({found.assessed_by}, {found.assessed_on:%-d %B %Y})."
    return Row(BY_KEY["scrutiny"], text, True)


def missing_sign_offs(report: AnnualReport) -> list[str]:
    signed = set(report.sign_offs.values_list("agency_id", flat=True))
    return [agency.name for agency in lead_partners(report.board) if agency.pk not in signed]


def _sign_off(report: AnnualReport) -> Row:
    partners = list(lead_partners(report.board))
    if not partners:
        return Row(BY_KEY["sign_off"], "The board has no lead partners recorded.", False)
    missing = missing_sign_offs(report)
    if missing:
        return Row(BY_KEY["sign_off"], f"Not yet signed off by {', '.join(missing)}.", False)
    return Row(BY_KEY["sign_off"], f"Signed off by all {len(partners)} lead partners.", True)


def checklist(report: AnnualReport) -> list[Row]:
    """Every item with its evidence, in the order of ITEMS (about ten queries)."""
    if not report.is_partnership_yearly:
        return []
    sections = list(report.sections.all())
    rows = {
        "reviews": _reviews(report, sections),
        "recommendations": _recommendations(report),
        "training": _training(report),
        "scrutiny": _scrutiny(report),
        "sign_off": _sign_off(report),
    }
    return [rows.get(item.key) or _authored(item, sections) for item in ITEMS]


def publication_missing(report: AnnualReport, rows: list[Row] | None = None) -> list[str]:
    """What publication waits for (the sign-off and the assessment), in words."""
    rows = checklist(report) if rows is None else rows
    return [f"{row.item.requirement}: {row.evidence[:1].lower()}{row.evidence[1:].rstrip('.')}"
            for row in rows if row.item.kind == PUBLICATION and not row.satisfied]  # fmt: skip

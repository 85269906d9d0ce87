"""Audits: the audits whose period ends in the year, each with its count and percentage at
every level of the board's rating scale (computed from the counts, never typed; no level
is folded into "good or better", since a board's scale need not have those levels), its
findings, and how many of the tracker's actions from its recommendations are complete
(reviews app)."""

from reviews.assurance.selectors.audits import audits_for_year

from .registry import SectionType, register


def gather(report, section) -> dict:
    found = audits_for_year(board=report.board, year=report.year)
    # "rows" is the key the approval checks look for to see the section has content.
    return {"rows": [_audit(entry) for entry in found]}


def _audit(entry) -> dict:
    audit = entry.audit
    return {
        "title": audit.title,
        "type": audit.get_audit_type_display(),
        "commissioned_by": audit.commissioned_by,
        "period_start": audit.period_start,
        "period_end": audit.period_end,
        "sample_size": audit.sample_size,
        "ratings": [
            {"name": row.name, "count": row.count, "percent": row.percent} for row in entry.ratings
        ],
        "rated": entry.rated,
        "findings": entry.findings,
        "recommendations": [
            {
                "number": progress.recommendation.number,
                "text": progress.recommendation.text,
                "actions": len(progress.actions),
                "complete": progress.actions_complete,
            }
            for progress in entry.recommendations
        ],
        "actions_total": entry.actions_total,
        "actions_complete": entry.actions_complete,
    }


register(
    SectionType(
        "audits",
        "Audits",
        gather,
        description="The year's audits: ratings, findings and progress on recommendations.",
    )
)

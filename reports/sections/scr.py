"""Serious case reviews: started, completed and published in the year, the completion of
the reviews' action plans and the themes of their lessons (reviews app, issue 6)."""

from .common import function, model
from .registry import SectionType, missing, register

REASON = "Serious case reviews are not recorded in this installation yet (issue 6)."


def gather(report, section) -> dict:
    summary = function("reviews.selectors.scr", "case_review_year_summary")
    if model("reviews", "CaseReview") is None or summary is None:
        return missing(REASON)
    result = summary(board=report.board, year=report.year)
    return {
        "initiated": [
            {
                "reference": r.reference,
                "type": r.get_review_type_display(),
                "methodology": r.get_methodology_display(),
            }
            for r in result.initiated
        ],
        "not_initiated": result.not_initiated,
        "completed": [r.reference for r in result.completed],
        "published": [
            {"reference": r.reference, "on": on, "web_address": address}
            for r, on, address in result.published
        ],
        "actions_total": result.actions_total,
        "actions_complete": result.actions_complete,
        "actions_percent": result.actions_percent_complete,
        "themes": [{"name": name, "reviews": count} for name, count in result.themes],
    }


register(
    SectionType(
        "scr",
        "Serious case reviews",
        gather,
        description="Reviews started, completed and published in the year.",
    )
)

"""Serious case reviews: started, completed and published in the year, the completion of
the reviews' action plans and the themes of their lessons (reviews app)."""

from reviews.case_reviews.selectors.reviews import case_review_year_summary

from .registry import SectionType, register


def gather(report, section) -> dict:
    result = case_review_year_summary(board=report.board, year=report.year)
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

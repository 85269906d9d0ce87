"""Inspections: the reports published in the year, the judgement for each area, the
recommendations and how many of their actions are complete (reviews app).
Every figure is worked out from the records by reviews.selectors.inspections."""

from reviews.assurance.selectors.inspections import year_summary

from .registry import SectionType, register


def _status(action) -> str:
    return action.get_status_display()


def gather(report, section) -> dict:
    result = year_summary(board=report.board, year=report.year)
    return {
        "inspections": [
            {
                "title": row.inspection.title,
                "inspectorate": row.inspection.get_inspectorate_display(),
                "agency": str(row.inspection.inspected_agency or ""),
                "published_on": row.inspection.published_on,
                "overall": row.inspection.get_overall_judgement_display(),
                "web_address": row.inspection.report_url,
                "judgements": [
                    {"area": judgement.area, "judgement": judgement.judgement}
                    for judgement in row.judgements
                ],
                "recommendations": [
                    {
                        "number": rec.recommendation.number,
                        "text": rec.recommendation.text,
                        "actions": [_status(action) for action in rec.actions],
                    }
                    for rec in row.recommendations
                ],
            }
            for row in result.rows
        ],
        "grades": [{"grade": name, "count": count} for name, count in result.grade_counts],
        "judgements": result.judgements,
        "recommendations": result.recommendations,
        "actions_total": result.actions_total,
        "actions_complete": result.actions_complete,
        "actions_percent": result.actions_percent_complete,
    }


register(
    SectionType(
        "inspections",
        "Inspections",
        gather,
        description="Inspection reports published in the year: judgements, recommendations "
        "and the completion of their actions.",
    )
)

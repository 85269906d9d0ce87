"""Child death statistics: the panel's annual statistics for the year, small numbers
suppressed as the board sets (reviews.cdop_statistics). Only the shown counts
and percentages reach the template: a suppressed count is never printed."""

from reviews.child_deaths.statistics import cdop_annual_statistics

from .registry import SectionType, register


def gather(report, section) -> dict:
    result = cdop_annual_statistics(board=report.board, year=report.year, suppress=True)
    return {
        "notified": result.notified.shown_count,
        "reviewed": result.reviewed.shown_count,
        "median_days": result.median_days_to_review,
        "suppress_below": result.suppress_below,
        "statistics": [
            {
                "title": table.title,
                "rows": [
                    {"label": c.label, "count": c.shown_count, "percentage": c.shown_percentage}
                    for c in table.rows
                ],
            }
            for table in result.tables
            if any(c.count for c in table.rows)
        ],
    }


register(
    SectionType(
        "cdop",
        "Child death statistics",
        gather,
        description="The Child Death Overview Panel's annual statistics, small numbers suppressed.",
    )
)

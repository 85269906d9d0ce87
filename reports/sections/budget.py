"""Budget statement: the year's income and expenditure, with variances, subtotals, totals
and the surplus or deficit computed by the board app (board/finance.py), never typed."""

from board.selectors.budget import budget_for_year

from .registry import SectionType, register


def gather(report, section) -> dict:
    statement = budget_for_year(report.board, report.year)
    if statement.is_empty:
        return {"headings": [], "income": []}
    return {
        "headings": [
            {
                "name": heading.name,
                "lines": [_line(line, line.outturn) for line in heading.lines],
                "budget": heading.budget, "outturn": heading.outturn,
                "variance": heading.variance,
            }
            for heading in statement.headings
        ],
        "income": [_line(line, line.actual, line.source) for line in statement.income],
        # A table where no line has a budget set leaves its Budget and Variance columns
        # out: a column of "Not recorded" on every line tells the reader nothing.
        "expenditure_has_budget": any(
            line.budget is not None for heading in statement.headings for line in heading.lines
        ),
        "income_has_budget": any(line.budget is not None for line in statement.income),
        "expenditure_budget": statement.expenditure_budget,
        "expenditure_outturn": statement.expenditure_outturn,
        "expenditure_variance": statement.expenditure_variance,
        "income_budget": statement.income_budget,
        "income_actual": statement.income_actual,
        "income_variance": statement.income_variance,
        "balance": statement.actual_balance.amount,
        "balance_label": statement.actual_balance.label,
        "balance_magnitude": statement.actual_balance.magnitude,
    }  # fmt: skip


def _line(line, actual, name: str = "") -> dict:
    return {"name": name or line.item or line.heading, "budget": line.budget, "actual": actual,
            "variance": line.variance}  # fmt: skip


register(
    SectionType(
        "budget", "Budget statement", gather, description="Income and expenditure, totals computed."
    )
)

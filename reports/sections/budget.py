"""Budget statement: income and expenditure for the year with computed totals, from the
board's budget records (board app, issue 3) once they exist."""

from .common import model
from .registry import SectionType, missing, register

NO_BUDGET = "The budget is not recorded in this installation yet (issue 3)."


def gather(report, section) -> dict:
    if model("board", "Budget") is None:
        return missing(NO_BUDGET)
    return missing(NO_BUDGET)  # replaced when the budget models land


register(
    SectionType(
        "budget", "Budget statement", gather, description="Income and expenditure, totals computed."
    )
)

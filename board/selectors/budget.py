from core.periods import FinancialYear

from ..finance import BudgetStatement, budget_statement
from ..models import Board, ExpenditureLine, IncomeLine


def budget_for_year(board: Board, year: FinancialYear) -> BudgetStatement:
    expenditure = ExpenditureLine.objects.filter(board=board, year=year.start_year)
    income = IncomeLine.objects.filter(board=board, year=year.start_year).select_related("agency")
    return budget_statement(year, list(expenditure), list(income))


def budget_years(board: Board) -> list[FinancialYear]:
    years = set(ExpenditureLine.objects.filter(board=board).values_list("year", flat=True))
    years |= set(IncomeLine.objects.filter(board=board).values_list("year", flat=True))
    return [FinancialYear(y) for y in sorted(years)]

"""Budget arithmetic. Only the lines are stored; every variance, subtotal, total and the
surplus or deficit is computed here from them, in Decimal. A figure not recorded (None)
is left out of sums; a sum of nothing recorded is None, shown as a dash."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from core.periods import FinancialYear

from .models import ExpenditureLine, IncomeLine


def total(values: Iterable[Decimal | None]) -> Decimal | None:
    recorded = [v for v in values if v is not None]
    return sum(recorded, Decimal(0)) if recorded else None


def difference(later: Decimal | None, earlier: Decimal | None) -> Decimal | None:
    if later is None or earlier is None:
        return None
    return later - earlier


@dataclass(frozen=True)
class Heading:
    name: str
    lines: list[ExpenditureLine]

    @property
    def budget(self) -> Decimal | None:
        return total(line.budget for line in self.lines)

    @property
    def outturn(self) -> Decimal | None:
        return total(line.outturn for line in self.lines)

    @property
    def variance(self) -> Decimal | None:
        return difference(self.outturn, self.budget)


@dataclass(frozen=True)
class Balance:
    """Income less expenditure: positive is a surplus, negative a deficit."""

    amount: Decimal | None

    @property
    def label(self) -> str:
        if self.amount is None:
            return "Not known"
        if self.amount > 0:
            return "Surplus"
        if self.amount < 0:
            return "Deficit"
        return "Balanced"

    @property
    def magnitude(self) -> Decimal | None:
        return None if self.amount is None else abs(self.amount)


@dataclass(frozen=True)
class BudgetStatement:
    year: FinancialYear
    headings: list[Heading]
    income: list[IncomeLine]

    @property
    def is_empty(self) -> bool:
        return not self.headings and not self.income

    @property
    def expenditure_budget(self) -> Decimal | None:
        return total(h.budget for h in self.headings)

    @property
    def expenditure_outturn(self) -> Decimal | None:
        return total(h.outturn for h in self.headings)

    @property
    def expenditure_variance(self) -> Decimal | None:
        return difference(self.expenditure_outturn, self.expenditure_budget)

    @property
    def income_budget(self) -> Decimal | None:
        return total(line.budget for line in self.income)

    @property
    def income_actual(self) -> Decimal | None:
        return total(line.actual for line in self.income)

    @property
    def income_variance(self) -> Decimal | None:
        return difference(self.income_actual, self.income_budget)

    @property
    def budget_balance(self) -> Balance:
        return Balance(difference(self.income_budget, self.expenditure_budget))

    @property
    def actual_balance(self) -> Balance:
        return Balance(difference(self.income_actual, self.expenditure_outturn))


def line_variance(line: ExpenditureLine | IncomeLine) -> Decimal | None:
    actual = line.outturn if isinstance(line, ExpenditureLine) else line.actual
    return difference(actual, line.budget)


def budget_statement(
    year: FinancialYear, expenditure: list[ExpenditureLine], income: list[IncomeLine]
) -> BudgetStatement:
    """Group expenditure lines under their headings, in the order the headings first
    appear."""
    headings: dict[str, list[ExpenditureLine]] = {}
    for line in expenditure:
        headings.setdefault(line.heading, []).append(line)
    for line in [*expenditure, *income]:
        line.variance = line_variance(line)
    return BudgetStatement(
        year=year,
        headings=[Heading(name, lines) for name, lines in headings.items()],
        income=income,
    )

"""Financial years and quarters now live in `core.periods` (they need no board record).
This name stays only for the modules not yet moved onto it: reviews/ (being split into
three apps) and the forms modules (being reworked alongside)."""

from core.periods import FIRST_YEAR, LAST_YEAR, FinancialYear, Quarter

__all__ = ["FIRST_YEAR", "LAST_YEAR", "FinancialYear", "Quarter"]

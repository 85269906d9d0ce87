"""Financial years (April to March) and their quarters, as boards report them.

"2014-15", "2014/15" and "2014" all name the year that starts on 1 April 2014.
Q1 is April-June, Q2 July-September, Q3 October-December, Q4 January-March.
"""

import re
from dataclasses import dataclass
from datetime import date

# Boards date from 2006; anything far outside this is a typing error, not a year.
FIRST_YEAR, LAST_YEAR = 1990, 2100
_YEAR_LABEL = re.compile(r"^\s*(\d{4})(?:\s*[-/]\s*(\d{2}|\d{4}))?\s*$")


@dataclass(frozen=True, order=True)
class FinancialYear:
    start_year: int

    @classmethod
    def parse(cls, text: str) -> "FinancialYear":
        match = _YEAR_LABEL.match(text or "")
        if not match:
            raise ValueError(f"{text!r} is not a financial year such as 2014-15")
        start = int(match.group(1))
        if not FIRST_YEAR <= start <= LAST_YEAR:
            raise ValueError(f"{text!r}: give a year between {FIRST_YEAR} and {LAST_YEAR}")
        end = match.group(2)
        if end is not None and int(end) % 100 != (start + 1) % 100:
            raise ValueError(f"{text!r}: the second year must follow the first (2014-15)")
        return cls(start)

    @classmethod
    def containing(cls, day: date) -> "FinancialYear":
        return cls(day.year if day.month >= 4 else day.year - 1)

    @property
    def start(self) -> date:
        return date(self.start_year, 4, 1)

    @property
    def end(self) -> date:
        return date(self.start_year + 1, 3, 31)

    @property
    def label(self) -> str:
        """As printed in reports: 2014/15."""
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    @property
    def slug(self) -> str:
        """As used in URLs and commands: 2014-15."""
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"

    def __str__(self) -> str:
        return self.label

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    def quarter(self, number: int) -> "Quarter":
        return Quarter(self, number)

    @property
    def quarters(self) -> list["Quarter"]:
        return [Quarter(self, n) for n in (1, 2, 3, 4)]

    def previous(self) -> "FinancialYear":
        return FinancialYear(self.start_year - 1)

    def next(self) -> "FinancialYear":
        return FinancialYear(self.start_year + 1)


@dataclass(frozen=True, order=True)
class Quarter:
    year: FinancialYear
    number: int

    def __post_init__(self) -> None:
        if self.number not in (1, 2, 3, 4):
            raise ValueError("A quarter is numbered 1 to 4")

    @classmethod
    def containing(cls, day: date) -> "Quarter":
        year = FinancialYear.containing(day)
        months_in = (day.month - 4) % 12
        return cls(year, months_in // 3 + 1)

    @property
    def start(self) -> date:
        month = 4 + (self.number - 1) * 3
        year = self.year.start_year + (1 if month > 12 else 0)
        return date(year, (month - 1) % 12 + 1, 1)

    @property
    def end(self) -> date:
        if self.number == 4:
            return self.year.end
        following = Quarter(self.year, self.number + 1).start
        return date.fromordinal(following.toordinal() - 1)

    @property
    def label(self) -> str:
        return f"Q{self.number} {self.year.label}"

    def __str__(self) -> str:
        return self.label

"""The panel's annual statistics for a financial year, computed from the cases.

    from .statistics import cdop_annual_statistics
    stats = cdop_annual_statistics(board=board, year=FinancialYear.parse("2013-14"),
                                   suppress=True)

Percentages are of the cases reviewed in the year, to one decimal place, half-up.

With `suppress=True` (anything published) small numbers are hidden: a count from 1 up to
one less than the board's `suppress_below` (6 unless the board sets it) is shown as "fewer
than N" with no percentage. Where a table's rows add up to the total, a single hidden row
could be worked out by subtraction, so the next smallest row is hidden as well ("not
shown"). Totals are the true totals. This applies to every table, not only the areas of
residence: a small count of an age band, an ethnic group or a category of death can single
out a child as surely as an area can. The panel's own view passes `suppress=False`.

Areas of residence are tabled only by the board's list (reviews.models.cdop_localities):
every current entry, any retired one that has a case in the year, and "Not recorded" for
cases without one. What was typed on a case before the list is never read here.
"""

from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal

from board.models import Board
from core.numbers import percentage
from core.periods import FinancialYear

from .models import AGE_BANDS, CdopCase, DeathCategory, Ethnicity, Expectation, Modifiable, Sex
from .models.vocabularies import PUBLISHED_AGE_GROUPS, published_age_group_of
from .selectors import (
    cdop_cases_notified_in,
    cdop_cases_reviewed_in,
    review_timeliness,
    reviewed_within,
)
from .selectors import localities as listed_localities
from .services.cases import cdop_settings
from .services.localities import NOT_RECORDED

FEWER_THAN = "fewer than {}"
NOT_SHOWN = "not shown"


@dataclass(frozen=True)
class Cell:
    label: str
    count: int
    percentage: Decimal | None = None  # of the cases reviewed in the year
    shown_count: str = ""
    shown_percentage: str = ""
    suppressed: bool = False


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    rows: list[Cell]
    # True when the rows add up to the cases reviewed (each case in exactly one row).
    partition: bool = True


@dataclass(frozen=True)
class CdopAnnualStatistics:
    year: FinancialYear
    suppressed: bool
    suppress_below: int
    review_target_months: int
    notified: Cell
    reviewed: Cell
    rapid_responses: Cell
    median_days_to_review: int | None
    tables: list[Table] = field(default_factory=list)

    def table(self, key: str) -> Table:
        return next(table for table in self.tables if table.key == key)

    def row(self, table_key: str, label: str) -> Cell:
        return next(cell for cell in self.table(table_key).rows if cell.label == label)


def _shown(cell: Cell) -> Cell:
    pct = f"{cell.percentage}%" if cell.percentage is not None else ""
    return replace(cell, shown_count=str(cell.count), shown_percentage=pct)


def _counts_table(key, title, labels, counter, reviewed, partition=True) -> Table:
    rows = [
        _shown(Cell(label, counter.get(label, 0), percentage(counter.get(label, 0), reviewed, 1)))
        for label in labels
    ]
    return Table(key, title, rows, partition)


def _hide(cell: Cell, text: str) -> Cell:
    return replace(cell, shown_count=text, percentage=None, shown_percentage="", suppressed=True)


def suppress_table(table: Table, below: int, total_hidden: bool) -> Table:
    """Hide small counts, and a second row wherever one hidden row could be derived."""
    small = FEWER_THAN.format(below)
    rows = []
    for cell in table.rows:
        if cell.count and (total_hidden or cell.count < below):
            rows.append(_hide(cell, small if cell.count < below else NOT_SHOWN))
        else:
            rows.append(cell)
    hidden = [cell for cell in rows if cell.suppressed]
    if table.partition and len(hidden) == 1 and not total_hidden:
        candidates = [cell for cell in rows if not cell.suppressed and cell.count]
        if candidates:
            smallest = min(candidates, key=lambda cell: cell.count)
            rows = [_hide(cell, NOT_SHOWN) if cell is smallest else cell for cell in rows]
    return replace(table, rows=rows)


def _suppress_cell(cell: Cell, below: int) -> Cell:
    return _hide(cell, FEWER_THAN.format(below)) if 0 < cell.count < below else cell


def _year_of_death_labels(cases) -> list[str]:
    years = sorted({FinancialYear.containing(case.date_of_death) for case in cases})
    return [year.label for year in years]


def _locality_labels(board: Board, cases) -> list[str]:
    listed = list(listed_localities(board=board))
    retired = {case.locality for case in cases if case.locality and not case.locality.is_active}
    ordered = listed + sorted(retired, key=lambda locality: locality.name)
    return [locality.name for locality in ordered] + [NOT_RECORDED]


def _locality_of(case: CdopCase) -> str:
    return case.locality.name if case.locality else NOT_RECORDED


def _tables(board: Board, cases, reviewed: int, months: int) -> list[Table]:
    def count(values) -> Counter:
        return Counter(values)

    bme = Ethnicity.black_and_minority_ethnic()
    age_labels = dict((key, label) for key, label, _ in AGE_BANDS)
    published = dict(PUBLISHED_AGE_GROUPS)
    risk = count(factor.name for case in cases for factor in case.risk_factors.all())
    within = sum(reviewed_within(case, months) for case in cases)
    return [
        _counts_table(
            "timeliness",
            f"Reviews completed within {months} months of the death",
            ["Within the target", "After the target"],
            {"Within the target": within, "After the target": reviewed - within},
            reviewed,
        ),
        _counts_table(
            "year_of_death",
            "Year of death",
            _year_of_death_labels(cases),
            count(FinancialYear.containing(case.date_of_death).label for case in cases),
            reviewed,
        ),
        _counts_table(
            "age_band",
            "Age at death",
            list(age_labels.values()),
            count(age_labels[case.age_band] for case in cases),
            reviewed,
        ),
        _counts_table(
            "published_age_group",
            "Age at death, as the board's earlier reports grouped it",
            [label for _key, label in PUBLISHED_AGE_GROUPS],
            count(published[published_age_group_of(case.age_band)] for case in cases),
            reviewed,
        ),
        _counts_table(
            "expectation",
            "Expected and unexpected deaths",
            Expectation.labels,
            count(Expectation(case.expectation).label for case in cases),
            reviewed,
        ),
        _counts_table(
            "category",
            "Category of death",
            DeathCategory.labels,
            count(DeathCategory(case.category).label for case in cases),
            reviewed,
        ),
        _counts_table(
            "modifiable",
            "Modifiable factors",
            Modifiable.labels,
            count(Modifiable(case.modifiable).label for case in cases),
            reviewed,
        ),
        _counts_table(
            "sex",
            "Sex",
            Sex.labels,
            count(Sex(case.sex).label for case in cases),
            reviewed,
        ),
        _counts_table(
            "ethnicity",
            "Ethnicity",
            Ethnicity.labels,
            count(Ethnicity(case.ethnicity).label for case in cases),
            reviewed,
        ),
        _counts_table(
            "minority_ethnic",
            "Black and minority ethnic groups",
            ["Black and minority ethnic groups", "White", "Not known"],
            count(
                "Black and minority ethnic groups"
                if case.ethnicity in bme
                else Ethnicity(case.ethnicity).label
                for case in cases
            ),
            reviewed,
        ),
        _counts_table(
            "locality",
            "Area of residence",
            _locality_labels(board, cases),
            count(_locality_of(case) for case in cases),
            reviewed,
        ),
        _counts_table(
            "risk_factors",
            "Risk factors noted (a case may have several)",
            sorted(risk),
            risk,
            reviewed,
            partition=False,
        ),
    ]


def cdop_annual_statistics(
    *, board: Board, year: FinancialYear, suppress: bool
) -> CdopAnnualStatistics:
    """The year's figures as plain data: see the module's docstring."""
    settings = cdop_settings(board=board)
    months, below = settings.review_target_months, settings.suppress_below
    cases = list(cdop_cases_reviewed_in(board=board, year=year).prefetch_related("risk_factors"))
    reviewed = len(cases)
    notified = cdop_cases_notified_in(board=board, year=year)
    rapid = (
        CdopCase.objects.current()
        .filter(board=board, rapid_response_on__gte=year.start, rapid_response_on__lte=year.end)
        .count()
    )
    timeliness = review_timeliness(cases, months)
    stats = CdopAnnualStatistics(
        year=year,
        suppressed=suppress,
        suppress_below=below,
        review_target_months=months,
        notified=_shown(Cell("Deaths notified", notified.count())),
        reviewed=_shown(Cell("Reviews completed", reviewed)),
        rapid_responses=_shown(Cell("Rapid response meetings", rapid)),
        median_days_to_review=timeliness.median_days,
        tables=_tables(board, cases, reviewed, months),
    )
    return _suppressed(stats) if suppress else stats


def _suppressed(stats: CdopAnnualStatistics) -> CdopAnnualStatistics:
    below = stats.suppress_below
    reviewed = _suppress_cell(stats.reviewed, below)
    return replace(
        stats,
        notified=_suppress_cell(stats.notified, below),
        reviewed=reviewed,
        rapid_responses=_suppress_cell(stats.rapid_responses, below),
        # A median of a handful of reviews says too much about each of them.
        median_days_to_review=None if reviewed.suppressed else stats.median_days_to_review,
        tables=[suppress_table(table, below, reviewed.suppressed) for table in stats.tables],
    )

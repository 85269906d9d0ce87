"""Benchmarks from the Department for Education's published statistics (children in need
and the others published as "open data" CSV files): one row per year, geographic level and
area, one column per measure. The file becomes benchmark rows of the long format
(datasets/FORMAT.md) and goes through the same preview and apply as every import, so it
is checked, previewed, all-or-nothing and idempotent like the rest.

What a board chooses: its own local authority (whose region gives the regional figure)
and its statistical neighbours (whose average is the neighbours' figure); which column
holds an indicator is the indicator's `dfe_measure`. A symbol for a missing figure ("c"
suppressed, ":" or "x" not available, "z" not applicable) is kept as what it means and
never read as 0."""

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from board.models import Board
from core.numbers import round_half_up
from core.periods import FinancialYear

from ..models import Comparator, ImportBatch, Indicator, Missing
from .import_rows import COLUMNS, MISSING_CODES, MISSING_WORDS
from .imports import hold_batch, preview_table
from .tables import TableError, read_wide_csv

# The columns that say where and when a row is; every other column is a measure, or a
# filter (a breakdown such as a category of abuse) when it holds words.
GEOGRAPHY = {
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "new_la_code",
    "old_la_code",
    "la_name",
}
REQUIRED = ("time_period", "geographic_level")
MAX_COLUMNS = 300  # a children in need file has about 60
MAX_NEIGHBOURS = 15  # the DfE's lists have 10
NATIONAL, REGIONAL, LOCAL = "national", "regional", "local authority"
TOTAL = "total"  # a filter's value for "all of them", in the DfE's files


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    region_code: str = ""


@dataclass
class DfeFile:
    measures: list[str]
    filters: list[str]
    # (level, area code, first year of the financial year) -> {measure: cell text}
    figures: dict[tuple[str, str, int], dict[str, str]] = field(default_factory=dict)
    authorities: dict[str, Area] = field(default_factory=dict)  # by code and name, lower
    regions: dict[str, str] = field(default_factory=dict)  # code -> name

    @property
    def years(self) -> list[int]:
        return sorted({year for _, _, year in self.figures})

    def authority(self, text: str) -> Area | None:
        return self.authorities.get(text.strip().lower())


def read_dfe(content: bytes) -> DfeFile:
    """The file's figures by level, area and year; a file of another shape is refused
    with what is wrong (a ValidationError on `file`)."""
    try:
        rows = read_wide_csv(content, max_columns=MAX_COLUMNS).rows
    except TableError as exc:
        raise ValidationError({"file": str(exc)}) from None
    if not rows:
        raise ValidationError({"file": "The file is empty"})
    header = [name.strip().lower() for name in rows[0]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        if set(header) & set(COLUMNS):
            hint = "This is a file in the board's own import format: use Import figures."
        else:
            hint = "Use a CSV file of the Department for Education's statistics as published."
        raise ValidationError({"file": f"The file has no {' or '.join(missing)} column. {hint}"})
    body = [dict(zip(header, row, strict=False)) for row in rows[1:] if any(row)]
    others = [name for name in header if name and name not in GEOGRAPHY]
    filters = [name for name in others if not all(_is_figure(r.get(name, "")) for r in body)]
    measures = [name for name in others if name not in filters]
    dfe = DfeFile(measures=measures, filters=filters)
    problems = []
    for number, row in enumerate(body, start=2):
        if any(row.get(name, "").strip().lower() != TOTAL for name in filters):
            continue  # a breakdown's row: the benchmark is the total
        try:
            key = _where(row, dfe)
        except ValueError as exc:
            problems.append(f"Row {number}: {exc}")
            continue
        if key in dfe.figures:
            problems.append(f"Row {number} repeats the figures of an earlier row")
            continue
        dfe.figures[key] = {name: row.get(name, "").strip() for name in measures}
    if filters and not dfe.figures:
        problems.append(
            f"The file breaks its figures down by {', '.join(filters)} and has no row for "
            "the total of each: use the file with the totals"
        )
    if problems:
        raise ValidationError({"file": problems[:10]})
    return dfe


def _is_figure(text: str) -> bool:
    text = text.strip().lower()
    if not text or text in MISSING_CODES:
        return True
    try:
        Decimal(text.replace(",", ""))
    except InvalidOperation:
        return False
    return True


def _year(text: str) -> int:
    """The first calendar year of the financial year a period names: 202324 (the DfE's
    form) is 2023-24; a four-digit year is the year ending 31 March of it."""
    text = text.strip()
    if len(text) == 6 and text.isdigit() and int(text[4:]) == (int(text[:4]) + 1) % 100:
        return int(text[:4])
    if len(text) == 4 and text.isdigit():
        return int(text) - 1
    raise ValueError(f"{text!r} is not a period such as 202324")


def _where(row: dict, dfe: DfeFile) -> tuple[str, str, int]:
    level = row.get("geographic_level", "").strip().lower()
    year = _year(row.get("time_period", ""))
    if level == NATIONAL:
        return NATIONAL, "", year  # England: the one national row of a year
    if level == REGIONAL:
        code = row.get("region_code", "").strip()
        if not code:
            raise ValueError("a regional row has no region_code")
        dfe.regions[code] = row.get("region_name", "").strip()
        return REGIONAL, code, year
    if level == LOCAL:
        code = row.get("new_la_code", "").strip() or row.get("old_la_code", "").strip()
        if not code:
            raise ValueError("a local authority row has no new_la_code")
        area = Area(code, row.get("la_name", "").strip(), row.get("region_code", "").strip())
        for name in ("new_la_code", "old_la_code", "la_name"):
            if row.get(name, "").strip():
                dfe.authorities[row[name].strip().lower()] = area
        return LOCAL, code, year
    raise ValueError(f"{level!r} is not a geographic level this import reads")


@dataclass
class Selection:
    area: Area
    neighbours: list[Area]


def choose_areas(dfe: DfeFile, *, area: str, neighbours: list[str]) -> Selection:
    errors = {}
    own = dfe.authority(area)
    if own is None:
        errors["area"] = f"The file has no local authority {area.strip()!r}: use its code or name"
    found, unknown = [], []
    for text in neighbours:
        (unknown if dfe.authority(text) is None else found).append(text)
    if unknown:
        errors["neighbours"] = f"The file has no local authority {', '.join(unknown)}"
    elif len(neighbours) > MAX_NEIGHBOURS:
        errors["neighbours"] = f"Name at most {MAX_NEIGHBOURS} statistical neighbours"
    elif own is not None and any(dfe.authority(t) == own for t in found):
        errors["neighbours"] = "The board's own local authority cannot be its own neighbour"
    if errors:
        raise ValidationError(errors)
    return Selection(own, [dfe.authority(text) for text in found])


def benchmark_table(
    dfe: DfeFile, *, board: Board, selection: Selection
) -> tuple[list[list[str]], list[str]]:
    """The long format's rows for England, the region and the neighbours' average of each
    indicator the file holds, and notes on what was left out or averaged."""
    indicators = Indicator.objects.filter(board=board).exclude(dfe_measure="")
    by_measure = {i.dfe_measure.strip().lower(): i for i in indicators}
    notes = []
    unmapped = [m for m in dfe.measures if m not in by_measure]
    if unmapped:
        notes.append(
            f"{len(unmapped)} of the file's columns are not any indicator's DfE column and "
            f"are left out: {', '.join(unmapped[:8])}{'…' if len(unmapped) > 8 else ''}."
        )
    absent = sorted(i.name for m, i in by_measure.items() if m not in dfe.measures)
    if absent:
        notes.append(f"The file has no column for {', '.join(absent)}.")
    header = ["board", "indicator", "period", "breakdown", "value", "qualifier", "comparator"]
    table = [header]
    region = selection.area.region_code
    for year in dfe.years:
        period = FinancialYear(year).slug
        for measure, indicator in by_measure.items():
            if measure not in dfe.measures:
                continue
            cells = {
                Comparator.ENGLAND: _cell(dfe, NATIONAL, "", year, measure),
                Comparator.REGION: _cell(dfe, REGIONAL, region, year, measure),
                Comparator.STATISTICAL_NEIGHBOURS: _neighbours(
                    dfe, selection, year, measure, indicator, notes
                ),
            }
            for comparator, value in cells.items():
                if value:
                    row = [board.slug, indicator.code, period, "total", value, "", comparator]
                    table.append(row)
    return table, notes


def _cell(dfe: DfeFile, level: str, code: str, year: int, measure: str) -> str:
    return dfe.figures.get((level, code, year), {}).get(measure, "")


def _neighbours(dfe, selection, year, measure, indicator, notes) -> str:
    """The average of the neighbours' figures (as the DfE's own benchmarking tool takes
    it), rounded half-up to the indicator's decimal places; the neighbours without a
    figure are left out of it and named in a note."""
    if not selection.neighbours:
        return ""
    values, without = [], []
    for area in selection.neighbours:
        text = _cell(dfe, LOCAL, area.code, year, measure)
        code = MISSING_CODES.get(text.lower())
        if code or not text:
            without.append(area.name or area.code)
            continue
        values.append(Decimal(text.replace(",", "")))
    period = FinancialYear(year).label
    if not values:
        notes.append(f"No statistical neighbour has a figure for {indicator.name} in {period}.")
        return MISSING_WORDS[Missing.NOT_AVAILABLE]
    if without:
        notes.append(
            f"{indicator.name}, {period}: the neighbours' average is of {len(values)} of "
            f"{len(selection.neighbours)}; {', '.join(without)} had no figure."
        )
    return str(round_half_up(sum(values) / len(values), indicator.decimals))


def dfe_import_preview(
    *, board: Board, filename: str, content: bytes, area: str, neighbours: list[str], user
):
    """Check a DfE file for the board and hold its benchmarks as a batch to preview and
    apply like any import. Returns (preview, batch); a file that cannot be read, an area
    it does not have or a file with nothing for the board raises ValidationError."""
    dfe = read_dfe(content)
    selection = choose_areas(dfe, area=area, neighbours=neighbours)
    table, notes = benchmark_table(dfe, board=board, selection=selection)
    if len(table) == 1:
        raise ValidationError(
            {
                "file": "Nothing to import: no indicator of the board names a column of this "
                "file. Give the indicators their column in the DfE statistics first."
            }
        )
    preview = preview_table(table, [board])
    source = {"kind": "dfe", "area": area.strip(), "neighbours": neighbours}
    batch = hold_batch(
        board, filename, content, preview, table, user=user, source=source, notes=notes
    )
    return preview, batch


def last_choices(board: Board) -> dict:
    """The area and neighbours of the board's last DfE file, to offer them again."""
    latest = (
        ImportBatch.objects.filter(board=board, summary__source__kind="dfe")
        .order_by("-created_at")
        .values_list("summary", flat=True)
        .first()
    )
    if not latest:
        return {}
    source = latest["source"]
    return {"area": source.get("area", ""), "neighbours": ", ".join(source.get("neighbours", []))}

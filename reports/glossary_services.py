"""The board's glossary (reports.Acronym): a term and what it means, written one at a
time or imported from a spreadsheet (CSV or XLSX, columns `term` and `meaning`).

A term is the board's once, whatever its case ("LSCB" and "lscb" are one term): the
model's constraint is exact, so the case is checked here. An import is checked whole and
previewed (new, changed, unchanged); the apply checks the rows again against the
glossary as it is then and writes every row or none. A term already in the glossary
with another meaning is changed; twice in the file, or a blank cell, is a problem named
by its row."""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction

from board.models import Board
from core.cells import NOT_CALCULATED, cell_text, excel_error, is_error
from core.uploads import TableTooLarge, max_rows, open_workbook, sheet_values, too_many_rows

from .models import Acronym

KIND = "data"  # the upload limits of data files (settings UPLOAD_MAX_*)
COLUMNS = ("term", "meaning")
# A few columns past the two are read, so that an unknown one is named.
MAX_COLUMNS = 10
TERM_MAX = Acronym._meta.get_field("term").max_length
MEANING_MAX = Acronym._meta.get_field("meaning").max_length
# A file's terms are held in the person's session between the preview and the apply: a
# glossary runs to a few hundred terms, so more than this is not one.
MAX_TERMS = 2000


def _same_term(board: Board, term: str, exclude=None):
    found = Acronym.objects.filter(board=board, term__iexact=term)
    if exclude is not None and exclude.pk:
        found = found.exclude(pk=exclude.pk)
    return found.first()


@transaction.atomic
def acronym_save(*, acronym: Acronym) -> Acronym:
    """Add or change one term (the form has set its fields)."""
    acronym.term, acronym.meaning = acronym.term.strip(), acronym.meaning.strip()
    other = _same_term(acronym.board, acronym.term, exclude=acronym)
    if other is not None:
        raise ValidationError({"term": f"“{other.term}” is in the glossary already"})
    acronym.full_clean()
    acronym.save()
    return acronym


@transaction.atomic
def acronym_remove(*, acronym: Acronym) -> None:
    acronym.delete()


# Import


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"Row {self.row}, column {self.column}: {self.message}"


@dataclass
class Row:
    number: int
    term: str
    meaning: str
    kind: str = "new"  # new, changed or unchanged
    was: str = ""  # the meaning it had, when changed


@dataclass
class GlossaryPreview:
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def counts(self) -> dict:
        kinds = ("new", "changed", "unchanged")
        return {kind: sum(r.kind == kind for r in self.rows) for kind in kinds}

    def held(self) -> list[list]:
        """What the page keeps until the apply: [row number, term, meaning] a row."""
        return [[r.number, r.term, r.meaning] for r in self.rows]


def read_table(filename: str, content: bytes) -> tuple[list[list[str]], list[Problem]]:
    """The file's rows as text, header first, and the cells that cannot be read as text
    (an Excel error, a formula with no saved result, a date). Raises ValidationError for
    a file that cannot be read at all."""
    name = filename.lower()
    try:
        if name.endswith(".csv"):
            return _csv_rows(content), []
        if name.endswith(".xlsx"):
            return _xlsx_rows(content)
    except TableTooLarge as exc:
        raise ValidationError(str(exc)) from None
    raise ValidationError("The file must be a CSV (.csv) or Excel (.xlsx) file")


def _csv_rows(content: bytes) -> list[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = content.decode("cp1252")  # Excel's "CSV (Comma delimited)" on Windows
        except UnicodeDecodeError:
            raise ValidationError("Save the file as “CSV UTF-8” and upload it again") from None
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    limit, rows = max_rows(KIND), []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        if len(rows) > limit:
            raise TableTooLarge(too_many_rows(limit))
        rows.append([cell.strip() for cell in row[:MAX_COLUMNS]])
    return rows


def _xlsx_rows(content: bytes) -> tuple[list[list[str]], list[Problem]]:
    try:
        book = open_workbook(content, kind=KIND, data_only=True)
    except TableTooLarge:
        raise
    except Exception:  # openpyxl raises many kinds for a damaged or disguised file
        raise ValidationError("The file is not a readable Excel workbook (.xlsx)") from None
    rows, problems = [], []
    try:
        sheet = book.worksheets[0]
        values = sheet_values(content, book, sheet, kind=KIND, max_col=MAX_COLUMNS)
        for number, cells, unsure in values:
            row = []
            for index, value in enumerate(cells):
                problem = _cell_problem(value, unsure.get(index)) if number > 1 else None
                if problem:
                    column = rows[0][index] if index < len(rows[0]) else f"column {index + 1}"
                    problems.append(Problem(number, column or f"column {index + 1}", problem))
                row.append("" if problem else cell_text(value).strip())
            rows.append(row)
    finally:
        book.close()
    return rows, problems


def _cell_problem(value, formula: str | None) -> str | None:
    if formula is not None:
        return NOT_CALCULATED.format(formula=formula)
    if is_error(value):
        return excel_error(value)
    if isinstance(value, bool | datetime | date | time | timedelta):
        return f"{cell_text(value)} is not text: type the term or meaning as words"
    return None


def check_rows(board: Board, table: list[list[str]], found=()) -> GlossaryPreview:
    """Every row checked against the others and the board's glossary."""
    preview = GlossaryPreview(problems=list(found))
    while table and not any(table[-1]):
        table = table[:-1]
    if not table or not any(table[0]):
        preview.problems.append(Problem(1, "file", "The file is empty"))
        return preview
    header = [cell.strip().lower() for cell in table[0]]
    preview.problems += [
        Problem(1, name, "This column is not known: the file has the columns term and meaning")
        for name in header
        if name and name not in COLUMNS
    ]
    preview.problems += [
        Problem(1, name, "The file needs this column") for name in COLUMNS if name not in header
    ]
    if any(p.row == 1 for p in preview.problems):
        return preview
    if sum(1 for cells in table[1:] if any(cells)) > MAX_TERMS:
        message = f"The file has more than {MAX_TERMS:,} terms: import it in smaller files"
        preview.problems.append(Problem(1, "file", message))
        return preview
    at = {name: header.index(name) for name in COLUMNS}
    existing = {a.term.lower(): a for a in Acronym.objects.filter(board=board)}
    seen: dict[str, int] = {}
    for number, cells in enumerate(table[1:], start=2):
        if not any(cells):
            continue
        term, meaning = (cells[at[n]].strip() if at[n] < len(cells) else "" for n in COLUMNS)
        before = len(preview.problems)
        _check_row(preview, number, term, meaning)
        key = term.lower()
        if term and key in seen:
            preview.problems.append(Problem(number, "term", f"“{term}” is on row {seen[key]} too"))
        seen.setdefault(key, number)
        if len(preview.problems) > before:
            continue
        row = Row(number, term, meaning)
        stored = existing.get(key)
        if stored is not None:
            row.term = stored.term  # the glossary's spelling is kept
            row.kind = "unchanged" if stored.meaning == meaning else "changed"
            row.was = stored.meaning if row.kind == "changed" else ""
        preview.rows.append(row)
    if not preview.rows and not preview.problems:
        preview.problems.append(Problem(2, "file", "The file has no terms"))
    preview.problems.sort(key=lambda p: p.row)
    if preview.problems:
        preview.rows = []
    return preview


def _check_row(preview: GlossaryPreview, number: int, term: str, meaning: str) -> None:
    def problem(column: str, message: str) -> None:
        preview.problems.append(Problem(number, column, message))

    if not term:
        problem("term", "Enter the term")
    elif len(term) > TERM_MAX:
        problem("term", f"The term must be {TERM_MAX} characters or fewer")
    if not meaning:
        problem("meaning", f"Enter what {term or 'the term'} means")
    elif len(meaning) > MEANING_MAX:
        problem("meaning", f"The meaning must be {MEANING_MAX} characters or fewer")


def glossary_preview(*, board: Board, filename: str, content: bytes) -> GlossaryPreview:
    """Read and check an uploaded file; nothing is written."""
    try:
        table, found = read_table(filename, content)
    except ValidationError as error:
        return GlossaryPreview(problems=[Problem(1, "file", m) for m in error.messages])
    return check_rows(board, table, found)


@transaction.atomic
def glossary_import(*, board: Board, held: list[list]) -> dict:
    """Write the previewed rows ([row number, term, meaning] each), checked again against
    the glossary as it is now: every new and changed term, or none."""
    Board.objects.select_for_update().filter(pk=board.pk).first()  # one import at a time
    table = [list(COLUMNS)] + [[str(term), str(meaning)] for _number, term, meaning in held]
    preview = check_rows(board, table)
    if preview.problems:
        numbers = {index: number for index, (number, *_cells) in enumerate(held, start=2)}
        raise ValidationError(
            [str(Problem(numbers.get(p.row, p.row), p.column, p.message))
             for p in preview.problems[:20]]
        )  # fmt: skip
    existing = {a.term.lower(): a for a in Acronym.objects.filter(board=board)}
    for row in preview.rows:
        if row.kind == "unchanged":
            continue
        acronym = existing.get(row.term.lower()) or Acronym(board=board, term=row.term)
        acronym.meaning = row.meaning
        acronym.full_clean()
        acronym.save()  # one by one, so that every change leaves its audit entry
    return preview.counts

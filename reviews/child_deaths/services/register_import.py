"""Importing a panel's historic register of child deaths (CSV or Excel), one row a case.

Every row is checked as the case pages check a case, and every problem reported with its
row and column; nothing is written unless the whole file is good. A death already on the
board, or twice in the file, is refused: without NHS numbers (old registers seldom hold
them) the same dates of birth and death and the same sex are taken to be the same child,
and the register's own reference may not repeat. The upload page lists the columns
(COLUMNS below; child_deaths/register_upload.html)."""

import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from board.models import Board
from core.uploads import TableTooLarge, max_rows, open_workbook, sheet_values, too_many_rows

from ..models import (
    CdopCase,
    DeathCategory,
    Ethnicity,
    Expectation,
    Modifiable,
    PlaceOfDeath,
    RegisterImport,
    RegisterImportStatus,
    Sex,
)
from ..selectors import localities
from .cases import (
    ANALYSIS_FIELDS,
    NOTIFICATION_FIELDS,
    cdop_case_close,
    cdop_case_notify,
    cdop_case_record_analysis,
    cdop_case_update,
)

KIND = "data"  # the upload limits of figures files (settings UPLOAD_MAX_*)
REQUIRED = ["reference", "date_of_birth", "date_of_death", "sex", "expectation", "notified_on"]
OPTIONAL = [
    "ethnicity",
    "place_of_death",
    "area",
    "notified_by",
    "rapid_response_on",
    "review_meeting_on",
    "panel_review_on",
    "category",
    "modifiable",
    "factors_child",
    "factors_family",
    "factors_physical",
    "factors_service",
    "learning_points",
    "closed_on",
]
COLUMNS = REQUIRED + OPTIONAL
REQUIRED_WORDS = {
    "reference": "register's reference for the case",
    "date_of_birth": "date of birth",
    "date_of_death": "date of death",
    "sex": "sex",
    "expectation": "expected or unexpected death",
    "notified_on": "date notified",
}
DATE_COLUMNS = {name for name in COLUMNS if name.startswith("date_") or name.endswith("_on")}
FIELD_OF_COLUMN = {"reference": "external_reference", "area": "locality"}
COLUMN_OF_FIELD = {field: column for column, field in FIELD_OF_COLUMN.items()}
UNKNOWN = {"", "unknown", "not known", "not recorded", "n/k"}
PROBLEMS_SHOWN = 100


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str


def _choices(choices, extra: dict | None = None) -> dict[str, str]:
    """What a cell may say for each choice: its value or its label (with or without the
    category's number), any case."""
    found = {}
    for value, label in choices:
        found[value.lower()] = value
        found[label.lower()] = value
        found[label.split(". ", 1)[-1].lower()] = value
    return {**found, **(extra or {})}


SEXES = _choices(Sex.choices, {"f": Sex.FEMALE, "m": Sex.MALE})
ETHNICITIES = _choices(Ethnicity.choices, {"bme": Ethnicity.BME_NOT_KNOWN})
PLACES = _choices(PlaceOfDeath.choices, {"home": PlaceOfDeath.HOME})
EXPECTATIONS = _choices(Expectation.choices)
CATEGORIES = _choices(DeathCategory.choices)
MODIFIABLE = _choices(Modifiable.choices, {"insufficient information": Modifiable.INSUFFICIENT})
# A register says "not known" where a case form would have a "not known" choice.
UNKNOWN_AS = {"sex": Sex.NOT_KNOWN, "ethnicity": Ethnicity.NOT_KNOWN,
              "place_of_death": PlaceOfDeath.NOT_KNOWN}  # fmt: skip


def read_rows(filename: str, content: bytes) -> list[dict]:
    """The file's rows as {column: text}, header names in lower case; a file that cannot
    be read raises ValidationError."""
    name = filename.lower()
    try:
        if name.endswith(".csv"):
            table = _csv_rows(content)
        elif name.endswith(".xlsx"):
            table = _xlsx_rows(content)
        else:
            raise ValidationError("The register must be a CSV (.csv) or Excel (.xlsx) file")
    except TableTooLarge as exc:
        raise ValidationError(str(exc)) from None
    if not table:
        raise ValidationError("The file is empty")
    header = [str(cell or "").strip().lower().replace(" ", "_") for cell in table[0]]
    return [
        {name: _text(row[i]) if i < len(row) else "" for i, name in enumerate(header) if name}
        for row in table[1:]
    ]


def _csv_rows(content: bytes) -> list[list]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = content.decode("cp1252")  # Excel's "CSV (Comma delimited)" on Windows
        except UnicodeDecodeError:
            raise ValidationError("Save the register as “CSV UTF-8” and upload it again") from None
    limit = max_rows(KIND)
    rows = []
    for row in csv.reader(io.StringIO(text)):
        if len(rows) > limit:
            raise TableTooLarge(too_many_rows(limit))
        rows.append(row)
    return rows


def _xlsx_rows(content: bytes) -> list[list]:
    try:
        book = open_workbook(content, kind=KIND, data_only=True)
    except TableTooLarge:
        raise
    except Exception:  # openpyxl raises many kinds for a damaged or disguised file
        raise ValidationError("The file is not a readable Excel workbook (.xlsx)") from None
    try:
        sheet = book.worksheets[0]
        rows = []
        for number, values, unsure in sheet_values(
            content, book, sheet, kind=KIND, max_col=len(COLUMNS) + 10
        ):
            if unsure:  # a formula whose result was never saved: its value is not known
                raise ValidationError(
                    f"Row {number} holds a formula with no saved result: open the file in "
                    "Excel, save it, and upload it again"
                )
            rows.append(values)
        return rows
    finally:
        book.close()


def _text(value) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value if value is not None else "").strip()


def _date(text: str) -> date:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date such as 2013-06-30 or 30/06/2013")


class RowChecker:
    """Turns each row into a case's fields, or problems naming its row and column."""

    def __init__(self, board: Board) -> None:
        self.board = board
        self.areas = {area.name.lower(): area for area in localities(board=board)}
        self.problems: list[Problem] = []

    def fields(self, number: int, row: dict) -> dict | None:
        before = len(self.problems)
        fields = {"external_reference": row.get("reference", "")}
        for column in REQUIRED:
            if column != "sex" and not row.get(column, "").strip():  # sex may be "not known"
                self.problem(number, column, f"Enter the {REQUIRED_WORDS[column]}")
        if len(self.problems) > before:
            return None
        for column in DATE_COLUMNS:
            text = row.get(column, "")
            try:
                fields[column] = _date(text) if text else None
            except ValueError as exc:
                self.problem(number, column, str(exc))
        for column, allowed in (("sex", SEXES), ("ethnicity", ETHNICITIES),
                                ("place_of_death", PLACES), ("expectation", EXPECTATIONS),
                                ("category", CATEGORIES), ("modifiable", MODIFIABLE)):  # fmt: skip
            fields[column] = self.choice(number, column, row.get(column, ""), allowed)
        area = row.get("area", "")
        fields["locality"] = self.areas.get(area.lower()) if area.lower() not in UNKNOWN else None
        if area.lower() not in UNKNOWN and fields["locality"] is None:
            names = ", ".join(a.name for a in self.areas.values()) or "none yet"
            self.problem(number, "area", f"{area!r} is not on the board's list of areas ({names})")
        for column in ("notified_by", "factors_child", "factors_family", "factors_physical",
                       "factors_service", "learning_points"):  # fmt: skip
            fields[column] = row.get(column, "")
        if fields.get("panel_review_on"):
            for column in ("category", "modifiable"):
                if not fields.get(column):
                    self.problem(number, column, f"A reviewed case needs its {column}")
        return fields if len(self.problems) == before else None

    def choice(self, number: int, column: str, text: str, allowed: dict) -> str:
        text = text.strip().lower()
        if text in UNKNOWN:
            return UNKNOWN_AS.get(column, "")
        if text not in allowed:
            self.problem(number, column, f"{text!r} is not one of the {column.replace('_', ' ')}s")
            return ""
        return allowed[text]

    def problem(self, number: int, column: str, message: str) -> None:
        self.problems.append(Problem(number, column, message))

    def model_problems(self, number: int, fields: dict) -> None:
        """What the case itself refuses (dates out of order, category 10 expected, ...)."""
        case = CdopCase(board=self.board, **fields)
        try:
            case.full_clean(exclude=["number"])
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                column = COLUMN_OF_FIELD.get(field, field)
                for message in messages:
                    self.problem(number, column, message)


def check_register(board: Board, rows: list[dict]) -> tuple[list[Problem], list[dict]]:
    """(problems, the cases' fields). Either every row is good or nothing is kept."""
    checker = RowChecker(board)
    missing = [name for name in REQUIRED if rows and name not in rows[0]]
    if not rows:
        return [Problem(1, "file", "The file has no cases")], []
    if missing:
        return [Problem(1, name, f"The column {name} is missing") for name in missing], []
    stored = {
        (case.date_of_birth, case.date_of_death, case.sex): case.number
        for case in CdopCase.objects.current().filter(board=board)
    }
    references = dict(
        CdopCase.objects.current()
        .filter(board=board)
        .exclude(external_reference="")
        .values_list("external_reference", "number")
    )
    lowered = {reference.lower(): number for reference, number in references.items()}
    seen_children: dict[tuple, int] = {}
    seen_references: dict[str, int] = {}
    cases = []
    for number, row in enumerate(rows, start=2):
        if not any(row.values()):
            continue
        fields = checker.fields(number, row)
        if fields is None:
            continue
        child = (fields["date_of_birth"], fields["date_of_death"], fields["sex"])
        reference = fields["external_reference"].lower()
        if reference in lowered:
            found = lowered[reference]
            checker.problem(number, "reference", f"Already on the board as case {found}")
        elif reference in seen_references:
            checker.problem(number, "reference", f"Repeats row {seen_references[reference]}")
        elif child in stored:
            checker.problem(
                number, "date_of_death",
                f"Looks like case {stored[child]}: the same dates of birth and death and sex",
            )  # fmt: skip
        elif child in seen_children:
            checker.problem(
                number, "date_of_death",
                f"Looks like row {seen_children[child]}: the same dates of birth and death and sex",
            )  # fmt: skip
        else:
            checker.model_problems(number, fields)
        seen_children.setdefault(child, number)
        seen_references.setdefault(reference, number)
        cases.append(fields)
    return checker.problems, (cases if not checker.problems else [])


def register_preview(*, board: Board, filename: str, content: bytes, user) -> RegisterImport:
    """Check an uploaded register and keep it to preview (or refused, with its problems)."""
    held = RegisterImport(
        board=board,
        filename=filename[:255],
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=user,
    )
    try:
        rows = read_rows(filename, content)
    except ValidationError as error:
        rows, problems = [], [Problem(1, "file", message) for message in error.messages]
    else:
        problems, _cases = check_register(board, rows)
    if problems:
        held.status = RegisterImportStatus.REFUSED
        held.problems = [[p.row, p.column, p.message] for p in problems]
    else:
        held.rows = rows
    held.full_clean()
    held.save()
    return held


def preview_cases(held: RegisterImport) -> list[dict]:
    """The held file's cases as they would be recorded (checked again against the board
    as it is now)."""
    problems, cases = check_register(held.board, held.rows)
    if problems:
        raise ValidationError([f"Row {p.row}, column {p.column}: {p.message}" for p in problems])
    return cases


@transaction.atomic
def register_apply(*, held: RegisterImport, user) -> int:
    """Record every case of a held register through the case services, or none. Returns
    how many cases were made."""
    held = RegisterImport.objects.select_for_update().get(pk=held.pk)
    Board.objects.select_for_update().filter(pk=held.board_id).first()  # one apply at a time
    if held.status == RegisterImportStatus.APPLIED:
        raise ValidationError("This register has already been imported.", code="applied")
    if held.status == RegisterImportStatus.REFUSED:
        raise ValidationError("This register has problems: correct them and upload it again.")
    cases = preview_cases(held)
    for fields in cases:
        _record(held.board, fields)
    held.status = RegisterImportStatus.APPLIED
    held.applied_at = timezone.now()
    held.cases_created = len(cases)
    held.rows = []  # the cases hold them now
    held.save(update_fields=["status", "applied_at", "cases_created", "rows", "updated_at"])
    return len(cases)


def _record(board: Board, fields: dict) -> CdopCase:
    case = cdop_case_notify(board=board, **{name: fields[name] for name in NOTIFICATION_FIELDS})
    workflow = {name: fields[name] for name in ("rapid_response_on", "review_meeting_on")}
    if any(workflow.values()):
        case = cdop_case_update(case=case, **workflow)
    if fields["panel_review_on"]:
        analysis = {name: fields[name] for name in ANALYSIS_FIELDS}
        case = cdop_case_record_analysis(case=case, risk_factors=[], **analysis)
    if fields["closed_on"]:
        case = cdop_case_close(case=case, closed_on=fields["closed_on"])
    return case

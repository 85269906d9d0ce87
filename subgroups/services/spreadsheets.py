"""A return as an .xlsx workbook, and back. Three sheets (Narrative, Actions, Figures),
each row keyed by a reference in column A. An upload is checked whole (layout, formulas,
numbers, then the same rules as the web form) and saved as a draft only if it is all
valid; every problem is reported against its cell (Figures!D7), whatever the cell holds
(a date, TRUE, an Excel error such as #N/A).

A row that is in the template but not in the upload (deleted, say, to leave only one's
own part) keeps the answer already saved, and the upload says which rows those were:
deleting a row is not a way of saying "blank", and a saved answer is never lost to it.
A row that is there with its cell emptied is an answer, and saves as blank."""

from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl.utils import get_column_letter

from board.models import ActionStatus
from core.cells import cell_decimal, cell_text, decimal_text, excel_error, is_error, not_a_number
from core.exports import Table, xlsx_bytes
from core.uploads import TableTooLarge, open_workbook, sheet_rows

from .spec import figure_keys
from .validation import check, figure_field

HEADERS = {
    "Narrative": ["Ref", "Question", "Answer"],
    "Actions": ["Ref", "Action", "Status", "Progress this quarter"],
    "Figures": ["Ref", "Indicator", "Breakdown", "Value", "Comment on the indicator"],
}
KIND = "return"  # the upload limits (settings UPLOAD_MAX_*) for return workbooks
MAX_COLUMNS = 26  # columns A to Z are read; a return has five at most
NOT_IN_RETURN = "This column is not part of the return"
STATUS_BY_TEXT = {s.value: s.value for s in ActionStatus} | {
    s.label.lower(): s.value for s in ActionStatus
}


def _figure_rows(spec: dict):
    for indicator in spec["indicators"]:
        names = {c["id"]: c["label"] for b in indicator["breakdowns"] for c in b["categories"]}
        for key, category in figure_keys(indicator):
            yield indicator, key, (names[category] if category else "Total")


def workbook_for(spec: dict, content: dict) -> bytes:
    """The return pre-filled with what is saved, through the one exporter: an answer
    that starts with "=" comes back as the text typed, never as a live formula."""
    answers = content.get("questions", {})
    narrative = [[q["id"], q["text"], answers.get(q["id"])] for q in spec["questions"]]
    actions = []
    for a in spec["actions"]:
        answer = content.get("actions", {}).get(a["id"], {})
        actions.append([a["id"], a["description"], answer.get("status"), answer.get("comment")])
    figures = []
    for indicator, key, label in _figure_rows(spec):
        value = content.get("figures", {}).get(key)
        number = Decimal(value) if value else None
        comment = content.get("comments", {}).get(indicator["id"]) if ":" not in key else None
        figures.append([key, indicator["name"], label, _cell_number(number), comment])
    rows = {"Narrative": narrative, "Actions": actions, "Figures": figures}
    statuses = [s.value for s in ActionStatus]
    return xlsx_bytes(
        *(
            Table(
                HEADERS[name],
                rows[name],
                title=name,
                widths={"B": 50},
                choices={"C2:C500": statuses} if name == "Actions" else {},
            )
            for name in HEADERS
        )
    )


def _cell_number(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass
class Upload:
    content: dict | None
    errors: list[tuple[str, str]]  # (cell, message), in sheet order
    kept: list[str] = field(default_factory=list)  # rows not in the upload: answers kept


def _text(value) -> str:
    return cell_text(value)


def _problem(name: str, number: int, index: int, message: str) -> tuple[str, str]:
    return (f"{name}!{get_column_letter(index + 1)}{number}", message)


def _read_sheet(sheet, name: str, errors: list) -> list[tuple[int, list]]:
    """(row number, values of the expected columns) for each row with something in it."""
    expected = HEADERS[name]
    rows = []
    for number, row in sheet_rows(sheet, kind=KIND, max_col=MAX_COLUMNS, values_only=False):
        values = [cell.value for cell in row]
        for index, value in enumerate(values[len(expected) :], start=len(expected)):
            if value not in (None, ""):
                errors.append(_problem(name, number, index, NOT_IN_RETURN))
        if number == 1:
            for index, title in enumerate(expected):
                if _text(values[index]) != title:
                    errors.append(
                        _problem(name, 1, index, f"This column should be headed “{title}”")
                    )
            continue
        for index, cell in enumerate(row):
            if cell.data_type == "f":
                errors.append(
                    _problem(name, number, index, "Type the value: formulas are not accepted")
                )
        if any(v not in (None, "") for v in values[: len(expected)]):
            rows.append((number, values[: len(expected)]))
    return rows


def read_workbook(data: bytes, spec: dict) -> tuple[dict, list, dict]:
    """(content, layout errors, field name -> cell). The workbook is streamed (read-only,
    with formulas kept as formulas so they can be refused), a sheet read only up to the
    return's row limit and the first columns."""
    errors: list[tuple[str, str]] = []
    cells: dict[str, str] = {}
    content = {"questions": {}, "actions": {}, "figures": {}, "comments": {}}
    try:
        book = open_workbook(data, kind=KIND, data_only=False)
    except TableTooLarge as exc:
        return content, [("File", str(exc))], {}
    except Exception:  # openpyxl raises many kinds for a damaged or foreign file
        return content, [("File", "The file could not be read as an Excel (.xlsx) workbook")], {}
    try:
        _read_sheets(book, spec, content, cells, errors)
    except TableTooLarge as exc:
        errors.append(("File", str(exc)))
    finally:
        book.close()
    return content, errors, cells


def _read_sheets(book, spec, content, cells, errors) -> None:
    for name in HEADERS:
        if name not in book.sheetnames:
            errors.append((name, f"The workbook has no sheet called “{name}”"))
    if errors:
        return
    known = {
        "Narrative": {q["id"] for q in spec["questions"]},
        "Actions": {a["id"] for a in spec["actions"]},
        "Figures": {key for _, key, _ in _figure_rows(spec)},
    }
    indicator_ids = {i["id"] for i in spec["indicators"]}
    for name in HEADERS:
        seen: dict[str, int] = {}
        for number, row in _read_sheet(book[name], name, errors):
            ref = _text(row[0])
            where = f"{name}!A{number}"
            if ref not in known[name]:
                errors.append((where, f"“{ref}” is not a reference in this return's template"))
                continue
            if ref in seen:
                errors.append((where, f"“{ref}” is also on row {seen[ref]}: keep one of them"))
                continue
            seen[ref] = number
            _read_row(name, ref, number, row, content, cells, errors, indicator_ids)


def _answer(value, where: str, errors: list) -> str:
    """A text cell as typed; an Excel error in it is a problem, not an answer."""
    if is_error(value):
        errors.append((where, excel_error(value)))
        return ""
    return _text(value)


def _figure(value, where: str, errors: list) -> str:
    """A figure cell as the number Excel shows (float noise removed), "" when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    problem = not_a_number(value)
    if problem is None and isinstance(value, str):
        problem = f"Enter a number, not text (“{value.strip()[:30]}”)"
    if problem is not None:
        errors.append((where, problem))
        return ""
    return decimal_text(cell_decimal(value))


def _read_row(name, ref, number, row, content, cells, errors, indicator_ids) -> None:
    if name == "Narrative":
        where = f"Narrative!C{number}"
        content["questions"][ref] = _answer(row[2], where, errors)
        cells[f"q_{ref}"] = where
    elif name == "Actions":
        status_text = _answer(row[2], f"Actions!C{number}", errors).lower()
        status = STATUS_BY_TEXT.get(status_text, status_text)
        content["actions"][ref] = {
            "status": status,
            "comment": _answer(row[3], f"Actions!D{number}", errors),
        }
        cells[f"a_{ref}_status"] = f"Actions!C{number}"
        cells[f"a_{ref}_comment"] = f"Actions!D{number}"
    else:
        where = f"Figures!D{number}"
        cells[figure_field(ref)] = where
        content["figures"][ref] = _figure(row[3], where, errors)
        if ref in indicator_ids:
            content["comments"][ref] = _answer(row[4], f"Figures!E{number}", errors)
            cells[f"c_{ref}"] = f"Figures!E{number}"


def upload_check(data: bytes, spec: dict, past: dict, saved: dict | None = None) -> Upload:
    """The upload's answers, with the `saved` answers of rows it does not have."""
    content, errors, cells = read_workbook(data, spec)
    if errors:
        return Upload(None, errors)
    kept = _keep_missing_rows(spec, content, saved or {})
    checked = check(spec, content, submitting=False, past=past)
    problems = [(cells.get(name, "Figures"), message) for name, message in checked.errors.items()]
    return Upload(None if problems else content, problems, kept)


def _keep_missing_rows(spec: dict, content: dict, saved: dict) -> list[str]:
    """Fill in, from what is saved, each row of the template the upload does not have;
    the rows so kept, named for the person who uploaded."""
    kept = []
    for question in spec["questions"]:
        if question["id"] not in content["questions"]:
            content["questions"][question["id"]] = saved.get("questions", {}).get(
                question["id"], ""
            )
            kept.append(f"Narrative: “{_short(question['text'])}”")
    for action in spec["actions"]:
        if action["id"] not in content["actions"]:
            empty = {"status": "", "comment": ""}
            content["actions"][action["id"]] = saved.get("actions", {}).get(action["id"], empty)
            kept.append(f"Actions: “{_short(action['description'])}”")
    for indicator, key, label in _figure_rows(spec):
        if key not in content["figures"]:
            content["figures"][key] = saved.get("figures", {}).get(key, "")
            kept.append(f"Figures: {indicator['name']} ({label})")
    for indicator in spec["indicators"]:
        if indicator["id"] not in content["comments"]:  # its total's row is not there
            content["comments"][indicator["id"]] = saved.get("comments", {}).get(
                indicator["id"], ""
            )
    return kept


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"

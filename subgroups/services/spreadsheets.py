"""A return as an .xlsx workbook, and back. Three sheets (Narrative, Actions, Figures),
each row keyed by a reference in column A. An upload is checked whole (layout, formulas,
numbers, then the same rules as the web form) and saved as a draft only if it is all
valid; every problem is reported against its cell."""

from dataclasses import dataclass
from decimal import Decimal

from openpyxl.utils import get_column_letter

from board.models import ActionStatus
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


def _text(value) -> str:
    return "" if value is None else str(value).strip()


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
        for number, row in _read_sheet(book[name], name, errors):
            ref = _text(row[0])
            if ref not in known[name]:
                where = f"{name}!A{number}"
                errors.append((where, f"“{ref}” is not a reference in this return's template"))
                continue
            _read_row(name, ref, number, row, content, cells, errors, indicator_ids)


def _read_row(name, ref, number, row, content, cells, errors, indicator_ids) -> None:
    if name == "Narrative":
        content["questions"][ref] = _text(row[2])
        cells[f"q_{ref}"] = f"Narrative!C{number}"
    elif name == "Actions":
        status_text = _text(row[2]).lower()
        status = STATUS_BY_TEXT.get(status_text, status_text)
        content["actions"][ref] = {
            "status": status,
            "comment": _text(row[3]),
        }
        cells[f"a_{ref}_status"] = f"Actions!C{number}"
        cells[f"a_{ref}_comment"] = f"Actions!D{number}"
    else:
        value = row[3]
        where = f"Figures!D{number}"
        cells[figure_field(ref)] = where
        if isinstance(value, str) and value.strip():
            errors.append((where, f"Enter a number, not text (“{value.strip()[:30]}”)"))
            value = None
        elif isinstance(value, bool):
            errors.append((where, "Enter a number"))
            value = None
        content["figures"][ref] = "" if value in (None, "") else str(Decimal(str(value)))
        if ref in indicator_ids:
            content["comments"][ref] = _text(row[4])
            cells[f"c_{ref}"] = f"Figures!E{number}"


def upload_check(data: bytes, spec: dict, past: dict) -> Upload:
    content, errors, cells = read_workbook(data, spec)
    if errors:
        return Upload(None, errors)
    for question in spec["questions"]:
        content["questions"].setdefault(question["id"], "")
    for action in spec["actions"]:
        content["actions"].setdefault(action["id"], {"status": "", "comment": ""})
    for indicator in spec["indicators"]:
        content["comments"].setdefault(indicator["id"], "")
    checked = check(spec, content, submitting=False, past=past)
    problems = [(cells.get(name, "Figures"), message) for name, message in checked.errors.items()]
    return Upload(None if problems else content, problems)

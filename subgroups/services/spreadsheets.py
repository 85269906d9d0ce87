"""A return as an .xlsx workbook, and back. Three sheets (Narrative, Actions, Figures),
each row keyed by a reference in column A. An upload is checked whole (layout, formulas,
numbers, then the same rules as the web form) and saved as a draft only if it is all
valid; every problem is reported against its cell."""

from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO

from openpyxl import load_workbook

from board.models import ActionStatus
from core.exports import Table, xlsx_bytes

from .spec import figure_keys
from .validation import check, figure_field

HEADERS = {
    "Narrative": ["Ref", "Question", "Answer"],
    "Actions": ["Ref", "Action", "Status", "Progress this quarter"],
    "Figures": ["Ref", "Indicator", "Breakdown", "Value", "Comment on the indicator"],
}
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


def _read_sheet(sheet, name: str, errors: list) -> list[tuple]:
    expected = HEADERS[name]
    header = [_text(c.value) for c in sheet[1]]
    for cell in sheet[1][len(expected) :]:
        if cell.value not in (None, ""):
            errors.append((f"{name}!{cell.coordinate}", "This column is not part of the return"))
    for index, title in enumerate(expected):
        found = header[index] if index < len(header) else ""
        if found != title:
            column = chr(ord("A") + index)
            errors.append((f"{name}!{column}1", f"This column should be headed “{title}”"))
    rows = []
    for row in sheet.iter_rows(min_row=2):
        for cell in row[len(expected) :]:
            if cell.value not in (None, ""):
                errors.append(
                    (f"{name}!{cell.coordinate}", "This column is not part of the return")
                )
        for cell in row:
            if cell.data_type == "f":
                errors.append(
                    (f"{name}!{cell.coordinate}", "Type the value: formulas are not accepted")
                )
        padded = list(row) + [None] * (len(expected) - len(row))
        if all(c is None or c.value in (None, "") for c in padded[: len(expected)]):
            continue
        rows.append(tuple(padded[: len(expected)]))
    return rows


def read_workbook(data: bytes, spec: dict) -> tuple[dict, list, dict]:
    """(content, layout errors, field name -> cell)."""
    errors: list[tuple[str, str]] = []
    cells: dict[str, str] = {}
    content = {"questions": {}, "actions": {}, "figures": {}, "comments": {}}
    try:
        book = load_workbook(BytesIO(data), data_only=False)
    except Exception:  # openpyxl raises many kinds for a damaged or foreign file
        return content, [("File", "The file could not be read as an Excel (.xlsx) workbook")], {}
    for name in HEADERS:
        if name not in book.sheetnames:
            errors.append((name, f"The workbook has no sheet called “{name}”"))
    if errors:
        return content, errors, cells
    known = {
        "Narrative": {q["id"] for q in spec["questions"]},
        "Actions": {a["id"] for a in spec["actions"]},
        "Figures": {key for _, key, _ in _figure_rows(spec)},
    }
    indicator_ids = {i["id"] for i in spec["indicators"]}
    for name in HEADERS:
        for row in _read_sheet(book[name], name, errors):
            ref_cell = row[0]
            ref = _text(ref_cell.value if ref_cell else None)
            if ref not in known[name]:
                where = f"{name}!{ref_cell.coordinate}" if ref_cell else name
                errors.append((where, f"“{ref}” is not a reference in this return's template"))
                continue
            _read_row(name, ref, row, content, cells, errors, indicator_ids)
    return content, errors, cells


def _read_row(name, ref, row, content, cells, errors, indicator_ids) -> None:
    if name == "Narrative":
        content["questions"][ref] = _text(row[2].value if row[2] else None)
        cells[f"q_{ref}"] = f"Narrative!C{row[0].row}"
    elif name == "Actions":
        status_text = _text(row[2].value if row[2] else None).lower()
        status = STATUS_BY_TEXT.get(status_text, status_text)
        content["actions"][ref] = {
            "status": status,
            "comment": _text(row[3].value if row[3] else None),
        }
        cells[f"a_{ref}_status"] = f"Actions!C{row[0].row}"
        cells[f"a_{ref}_comment"] = f"Actions!D{row[0].row}"
    else:
        value_cell = row[3]
        value = value_cell.value if value_cell else None
        where = f"Figures!D{row[0].row}"
        cells[figure_field(ref)] = where
        if isinstance(value, str) and value.strip():
            errors.append((where, f"Enter a number, not text (“{value.strip()[:30]}”)"))
            value = None
        elif isinstance(value, bool):
            errors.append((where, "Enter a number"))
            value = None
        content["figures"][ref] = "" if value in (None, "") else str(Decimal(str(value)))
        if ref in indicator_ids:
            content["comments"][ref] = _text(row[4].value if row[4] else None)
            cells[f"c_{ref}"] = f"Figures!E{row[0].row}"


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

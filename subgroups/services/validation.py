"""Checking a return's answers. The same rules serve the web form and the spreadsheet
upload: errors are keyed by form field name, which each caller maps to its own place
(a field on the page, a cell in the workbook).

Field names: q_<question>, a_<action>_status, a_<action>_comment, f_<indicator> (total),
f_<indicator>_<category> (breakdown), c_<indicator> (comment on the indicator's figures).

A draft is checked only for what is there (numbers must be numbers); a submission must
also be complete, add up, and explain any figure far outside the indicator's history."""

import statistics
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from board.models import ActionStatus, Board
from datasets.models import Observation

from .spec import figure_keys

MAX_VALUE = Decimal("9999999999")
OUTLIER_SDS = 3
MIN_HISTORY = 4


def figure_field(key: str) -> str:
    return "f_" + key.replace(":", "_")


def content_from_data(spec: dict, data) -> dict:
    """The answers in a form's (or workbook's) data, as stored in `QuarterlyReturn.content`."""

    def get(name: str) -> str:
        return (data.get(name) or "").strip()

    content = {"questions": {}, "actions": {}, "figures": {}, "comments": {}}
    for q in spec["questions"]:
        content["questions"][q["id"]] = get(f"q_{q['id']}")
    for a in spec["actions"]:
        content["actions"][a["id"]] = {
            "status": get(f"a_{a['id']}_status"),
            "comment": get(f"a_{a['id']}_comment"),
        }
    for indicator in spec["indicators"]:
        for key, _ in figure_keys(indicator):
            content["figures"][key] = get(figure_field(key)).replace(",", "")
        content["comments"][indicator["id"]] = get(f"c_{indicator['id']}")
    return content


def data_from_content(spec: dict, content: dict) -> dict:
    """Initial form data for stored answers."""
    data = {}
    for q in spec["questions"]:
        data[f"q_{q['id']}"] = content.get("questions", {}).get(q["id"], "")
    for a in spec["actions"]:
        answer = content.get("actions", {}).get(a["id"], {})
        data[f"a_{a['id']}_status"] = answer.get("status", "")
        data[f"a_{a['id']}_comment"] = answer.get("comment", "")
    for indicator in spec["indicators"]:
        for key, _ in figure_keys(indicator):
            data[figure_field(key)] = content.get("figures", {}).get(key, "")
        data[f"c_{indicator['id']}"] = content.get("comments", {}).get(indicator["id"], "")
    return data


@dataclass
class Checked:
    errors: dict[str, str] = field(default_factory=dict)
    flags: dict[str, str] = field(default_factory=dict)  # c_<indicator> -> why it is flagged
    values: dict[str, Decimal] = field(default_factory=dict)  # figure key -> value

    @property
    def is_valid(self) -> bool:
        return not self.errors


def parse_figure(text: str, indicator: dict, label: str) -> tuple[Decimal | None, str | None]:
    """(value, None) or (None, error message) for one typed figure."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None, f"{label} must be a number, like 12"
    if not value.is_finite():
        return None, f"{label} must be a number, like 12"
    if value < 0:
        return None, f"{label} must be 0 or more"
    if value > MAX_VALUE:
        return None, f"{label} must be less than 10,000,000,000"
    if indicator["unit"] == "count" and value != value.to_integral_value():
        return None, f"{label} must be a whole number"
    if indicator["unit"] == "percentage" and value > 100:
        return None, f"{label} must be a percentage between 0 and 100"
    places = indicator["decimals"]
    if value != value.quantize(Decimal(1).scaleb(-places)).normalize():
        return None, f"{label} must have no more than {places} decimal places"
    return value, None


def figure_label(indicator: dict, category_label: str | None = None) -> str:
    return f"{indicator['name']} ({category_label})" if category_label else indicator["name"]


def _check_sums(indicator: dict, values: dict, checked: Checked) -> None:
    total = values.get(indicator["id"])
    if total is None or not indicator["add_up"]:
        return
    for breakdown in indicator["breakdowns"]:
        keys = [f"{indicator['id']}:{c['id']}" for c in breakdown["categories"]]
        if not keys or any(values.get(k) is None for k in keys):
            continue
        parts = sum(values[k] for k in keys)
        if parts != total:
            checked.errors[figure_field(indicator["id"])] = (
                f"{indicator['name']}: the {breakdown['name'].lower()} breakdown adds up to "
                f"{parts:,}, not the total of {total:,}"
            )


def outlier_reason(value: Decimal, indicator: dict, past: list[Decimal]) -> str | None:
    low = Decimal(indicator["min"]) if indicator.get("min") is not None else None
    high = Decimal(indicator["max"]) if indicator.get("max") is not None else None
    if low is not None and value < low:
        return f"{value:,} is below the lowest expected value of {low:,}"
    if high is not None and value > high:
        return f"{value:,} is above the highest expected value of {high:,}"
    if len(past) >= MIN_HISTORY:
        mean = statistics.fmean(past)
        sd = statistics.pstdev(past)
        if sd and abs(float(value) - mean) > OUTLIER_SDS * sd:
            return (
                f"{value:,} is far from this indicator's usual values "
                f"(average {mean:,.0f} over {len(past)} periods)"
            )
    return None


def history(board: Board, spec: dict, before: date) -> dict[str, list[Decimal]]:
    """Past values of each figure in the spec (one query)."""
    ids = [i["id"] for i in spec["indicators"]]
    found: dict[str, list[Decimal]] = {}
    if not ids:
        return found
    rows = Observation.objects.filter(
        board=board, indicator_id__in=ids, period_start__lt=before
    ).values_list("indicator_id", "category_id", "value")
    for indicator_id, category_id, value in rows:
        key = f"{indicator_id}:{category_id}" if category_id else str(indicator_id)
        found.setdefault(key, []).append(value)
    return found


def check(spec: dict, content: dict, *, submitting: bool, past: dict | None = None) -> Checked:
    checked = Checked()
    past = past or {}
    if submitting:
        for q in spec["questions"]:
            if not content["questions"].get(q["id"]):
                checked.errors[f"q_{q['id']}"] = f"Enter an answer to “{q['text']}”"
    valid_statuses = {s.value for s in ActionStatus}
    for a in spec["actions"]:
        answer = content["actions"].get(a["id"], {})
        status = answer.get("status", "")
        name = f"a_{a['id']}_status"
        if status and status not in valid_statuses:
            checked.errors[name] = "Choose the action's status from the list"
        elif submitting and not status:
            checked.errors[name] = f"Choose a status for “{a['description'][:80]}”"
    for indicator in spec["indicators"]:
        _check_indicator(indicator, content, checked, submitting, past)
    return checked


def _check_indicator(indicator, content, checked: Checked, submitting: bool, past) -> None:
    labels = {c["id"]: c["label"] for b in indicator["breakdowns"] for c in b["categories"]}
    values: dict[str, Decimal] = {}
    reasons = []
    for key, category_id in figure_keys(indicator):
        label = figure_label(indicator, labels.get(category_id))
        text = content["figures"].get(key, "")
        if not text:
            if submitting:
                checked.errors[figure_field(key)] = f"Enter a figure for {label}"
            continue
        value, error = parse_figure(text, indicator, label)
        if error:
            checked.errors[figure_field(key)] = error
            continue
        values[key] = value
        checked.values[key] = value
        reason = outlier_reason(value, indicator, past.get(key, []))
        if reason:
            reasons.append(f"{label}: {reason}")
    _check_sums(indicator, values, checked)
    comment_field = f"c_{indicator['id']}"
    if reasons:
        checked.flags[comment_field] = "; ".join(reasons)
        if submitting and not content["comments"].get(indicator["id"]):
            checked.errors[comment_field] = (
                f"Explain the figures for {indicator['name']}: " + "; ".join(reasons)
            )

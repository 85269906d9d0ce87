"""Posting to forms in tests: the GOV.UK date input is three boxes (day, month, year)."""

from datetime import date


def date_parts(name: str, value: date | None) -> dict[str, str]:
    """The form data a person types into the date input `name`: {"date_0": "1", ...}."""
    if value is None:
        return {f"{name}_0": "", f"{name}_1": "", f"{name}_2": ""}
    day, month, year = str(value.day), str(value.month), str(value.year)
    return {f"{name}_0": day, f"{name}_1": month, f"{name}_2": year}

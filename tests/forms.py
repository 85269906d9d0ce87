"""Posting to forms in tests: the GOV.UK date input is three boxes (day, month, year)."""

from datetime import date


def date_parts(name: str, value: date | str | None) -> dict[str, str]:
    """The form data a person types into the date input `name`: a date, or what they type
    as "day/month/year" (which may be no real date, such as "31/2/2015")."""
    if value is None:
        return {f"{name}_0": "", f"{name}_1": "", f"{name}_2": ""}
    if isinstance(value, date):
        parts = [str(value.day), str(value.month), str(value.year)]
    else:
        parts = (value.split("/") + ["", ""])[:3]
    return {f"{name}_{i}": part for i, part in enumerate(parts)}

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


def fill_date(page, legend: str, value: date | str) -> None:
    """Type a date into the date input whose legend is `legend`, in a browser test."""
    group = page.get_by_role("group", name=legend, exact=True)
    parts = date_parts("date", value)
    for box, key in (("Day", "date_0"), ("Month", "date_1"), ("Year", "date_2")):
        group.get_by_label(box).fill(parts[key])

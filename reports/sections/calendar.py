"""Meeting calendar and work plan: the meetings of the year and those already planned for
the next, with their agenda items (board app). Printed as a list of dates (the default),
or with the setting `layout` "grid" as a months-across grid per financial year: a column
a month, a row a kind of meeting, each cell the days it meets in that month."""

from datetime import date

from django.db.models import Prefetch

from board.models import AgendaItem, Meeting, MeetingKind

from .registry import SectionType, register

GRID = "grid"


def gather(report, section) -> dict:
    items = Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position"))
    meetings = (
        Meeting.objects.filter(
            board=report.board, date__gte=report.year.start, date__lte=report.year.next().end
        )
        .prefetch_related(items)
        .order_by("date")
    )
    rows = [
        {"date": m.date, "kind": m.get_kind_display(), "kind_value": m.kind, "title": m.title,
         "items": [i.title for i in m.agenda_items.all()], "held": m.date <= report.year.end}
        for m in meetings
    ]  # fmt: skip
    layout = str((section.config or {}).get("layout", "")).strip().lower()
    data = {"rows": rows, "layout": GRID if layout == GRID else "list"}
    if data["layout"] == GRID:
        grids = [grid(report.year, rows), grid(report.year.next(), rows, planned=True)]
        data["grids"] = [g for g in grids if g["rows"]]
    return data


def _months(year) -> list[date]:
    return [date(year.start_year + (m < 4), m, 1) for m in (*range(4, 13), 1, 2, 3)]


def grid(year, rows: list[dict], planned: bool = False) -> dict:
    """One financial year's meetings: a row per kind of meeting (in the kinds' order),
    a cell per month with the days it meets."""
    months = _months(year)
    order = {value: index for index, value in enumerate(MeetingKind.values)}
    kinds: dict[str, dict] = {}
    for row in rows:
        if row["date"] in year:
            kind = kinds.setdefault(row["kind_value"], {"kind": row["kind"], "days": {}})
            kind["days"].setdefault((row["date"].year, row["date"].month), []).append(
                row["date"].day
            )
    return {
        "year": year.label,
        "planned": planned,
        "months": months,
        "rows": [
            {"kind": kind["kind"],
             "cells": [", ".join(str(d) for d in kind["days"].get((m.year, m.month), []))
                       for m in months]}
            for value, kind in sorted(kinds.items(), key=lambda item: order.get(item[0], 99))
        ],
    }  # fmt: skip


register(
    SectionType(
        "calendar",
        "Meeting calendar and work plan",
        gather,
        description="Meetings held in the year and planned for the next.",
        config_fields={
            "layout": "Write grid to print the meetings as a grid, the months of the year "
            "across and a row for each kind of meeting; leave empty for a list of dates "
            "with their agendas."
        },
    )
)

"""Meeting calendar and work plan: the meetings of the year and those already planned for
the next, with their agenda items (board app)."""

from django.db.models import Prefetch

from board.models import AgendaItem, Meeting

from .registry import SectionType, register


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
        {"date": m.date, "kind": m.get_kind_display(), "title": m.title,
         "items": [i.title for i in m.agenda_items.all()], "held": m.date <= report.year.end}
        for m in meetings
    ]  # fmt: skip
    return {"rows": rows}


register(
    SectionType(
        "calendar",
        "Meeting calendar and work plan",
        gather,
        description="Meetings held in the year and planned for the next.",
    )
)

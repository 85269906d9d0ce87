"""Meeting calendar and work plan: the meetings of the year and those already planned for
the next, with their agenda items (board app)."""

from django.db.models import Prefetch

from .common import model
from .registry import SectionType, missing, register

REASON = "The board's meetings are not recorded in this installation yet (issue 3)."


def gather(report, section) -> dict:
    meeting, agenda = model("board", "Meeting"), model("board", "AgendaItem")
    if meeting is None or agenda is None:
        return missing(REASON)
    items = Prefetch("agenda_items", queryset=agenda.objects.order_by("position"))
    meetings = (
        meeting.objects.filter(
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

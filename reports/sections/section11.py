"""Section 11 self-assessments: the agencies in a cycle, how many returns were received,
and per standard how many agencies rated themselves red, amber or green, with the
percentages worked out from the same ratings (reviews app).

Which cycle: `config["cycle"]`, the cycle's title; by default the latest cycle whose
returns were due by the end of the report's financial year."""

from reviews.assurance.models import Section11Cycle
from reviews.assurance.selectors.section11 import cycle_grid, latest_cycle_due_by

from .registry import SectionType, register


def _cycle(report, section):
    title = str((section.config or {}).get("cycle", "")).strip()
    if title:
        return Section11Cycle.objects.filter(board=report.board, title=title).first()
    return latest_cycle_due_by(board=report.board, day=report.year.end)


def gather(report, section) -> dict:
    cycle = _cycle(report, section)
    if cycle is None:
        return {"cycle": None}
    grid = cycle_grid(cycle=cycle)
    return {
        "cycle": {
            "title": cycle.title,
            "kind": cycle.get_kind_display(),
            "opens_on": cycle.opens_on,
            "due_on": cycle.due_on,
        },
        "agencies": [row.agency.name for row in grid.rows],
        "received": grid.received,
        "outstanding": [row.agency.name for row in grid.rows if not row.is_received],
        "standards": [
            {
                "number": count.standard.number,
                "text": count.standard.text,
                "red": count.red,
                "amber": count.amber,
                "green": count.green,
                "rated": count.rated,
                "red_percent": count.red_percent,
                "amber_percent": count.amber_percent,
                "green_percent": count.green_percent,
            }
            for count in grid.counts
        ],
    }


register(
    SectionType(
        "section11",
        "Section 11 self-assessments",
        gather,
        description="A cycle's agencies, returns received and the red, amber and green "
        "ratings of each standard.",
        config_fields={
            "cycle": "The cycle's title, exactly as listed. Leave empty for the latest cycle "
            "due by the end of the report's year."
        },
    )
)

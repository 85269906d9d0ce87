"""Section 11 self-assessments: the agencies in a cycle, how many returns were received,
and per standard how many agencies rated themselves red, amber or green, with the
percentages worked out from the same ratings (reviews app, issue 11).

Which cycle: `config["cycle"]`, the cycle's title; by default the latest cycle whose
returns were due by the end of the report's financial year."""

from .common import function, model
from .registry import SectionType, missing, register

REASON = "Section 11 self-assessments are not recorded in this installation yet (issue 11)."


def _cycle(report, section):
    cycle_model = model("reviews", "Section11Cycle")
    title = str((section.config or {}).get("cycle", "")).strip()
    if title:
        return cycle_model.objects.filter(board=report.board, title=title).first()
    latest = function("reviews.selectors.section11", "latest_cycle_due_by")
    return latest(board=report.board, day=report.year.end)


def gather(report, section) -> dict:
    grid_of = function("reviews.selectors.section11", "cycle_grid")
    if model("reviews", "Section11Cycle") is None or grid_of is None:
        return missing(REASON)
    cycle = _cycle(report, section)
    if cycle is None:
        return {"cycle": None}
    grid = grid_of(cycle=cycle)
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

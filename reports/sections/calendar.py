"""Meeting calendar and work plan: the meetings of the year, from the board app."""

from .common import model
from .registry import SectionType, missing, register

REASON = "The board's meetings are not recorded in this installation yet (issue 3)."


def gather(report, section) -> dict:
    if model("board", "Meeting") is None:
        return missing(REASON)
    return missing(REASON)  # replaced when the source lands


register(
    SectionType(
        "calendar",
        "Meeting calendar and work plan",
        gather,
        description="Meetings held in the year and planned.",
    )
)

"""Serious case reviews: started, completed and published in the year (reviews app)."""

from .common import model
from .registry import SectionType, missing, register

REASON = "Serious case reviews are not recorded in this installation yet (issue 6)."


def gather(report, section) -> dict:
    if model("reviews", "SeriousCaseReview") is None:
        return missing(REASON)
    return missing(REASON)  # replaced when the source lands


register(
    SectionType(
        "scr",
        "Serious case reviews",
        gather,
        description="Reviews started, completed and published in the year.",
    )
)

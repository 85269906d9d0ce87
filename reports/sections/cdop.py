"""Child death statistics: the panel's annual statistics for the year, with small numbers
suppressed as the board sets, from reviews.cdop_statistics (issue 7) once it exists."""

from .common import function
from .registry import SectionType, missing, register

REASON = "Child death reviews are not recorded in this installation yet (issue 7)."


def gather(report, section) -> dict:
    statistics = function("reviews.cdop_statistics", "cdop_annual_statistics")
    if statistics is None:
        return missing(REASON)
    result = statistics(board=report.board, year=report.year, suppress=True)
    return {"statistics": _plain(result)}


def _plain(result) -> dict:
    """The statistics as plain data (a dataclass or a dict), for hashing and templates."""
    if hasattr(result, "__dataclass_fields__"):
        from dataclasses import asdict

        return asdict(result)
    return dict(result)


register(
    SectionType(
        "cdop",
        "Child death statistics",
        gather,
        description="The Child Death Overview Panel's annual statistics, small numbers suppressed.",
    )
)

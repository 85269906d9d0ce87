"""Glossary: the board's terms and their meanings (the glossary page, reports:glossary)."""

from ..selectors import glossary
from .registry import SectionType, register


def gather(report, section) -> dict:
    terms = glossary(report.board).values_list("term", "meaning")
    return {"terms": [{"term": term, "meaning": meaning} for term, meaning in terms]}


register(
    SectionType(
        "glossary",
        "Glossary of the board's acronyms",
        gather,
        description="From the board's glossary (Annual reports, Glossary), A to Z.",
    )
)

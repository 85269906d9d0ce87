"""Glossary: the board's acronyms."""

from ..models import Acronym
from .registry import SectionType, register


def gather(report, section) -> dict:
    terms = Acronym.objects.filter(board=report.board).values_list("term", "meaning")
    return {"terms": [{"term": term, "meaning": meaning} for term, meaning in terms]}


register(
    SectionType(
        "glossary",
        "Glossary of the board's acronyms",
        gather,
        description="From the board's list of acronyms.",
    )
)

"""Narrative: the author's own text (foreword, statutory framework, conclusion...)."""

from .registry import SectionType, register


def gather(report, section) -> dict:
    return {}


register(
    SectionType(
        "narrative",
        "Narrative",
        gather,
        description="Text written by the section's author.",
        narrative_help="The section's text, in simple Markdown: blank lines between "
        "paragraphs, '- ' for lists, '### ' for a heading, **bold**.",
        authored=True,
    )
)

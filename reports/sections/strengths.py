"""Strengths and areas for development: two lists per theme, from the authored text.

Format: a line '## Theme', then lines starting '+ ' (a strength) or '- ' (an area for
development)."""

from .registry import SectionType, register


def parse(text: str) -> list[dict]:
    themes: list[dict] = []
    for raw in (text or "").splitlines():
        line = raw.strip()
        if line.startswith("#"):
            themes.append({"theme": line.lstrip("#").strip(), "strengths": [], "areas": []})
            continue
        if line[:2] not in ("+ ", "- "):
            continue
        if not themes:
            themes.append({"theme": "", "strengths": [], "areas": []})
        key = "strengths" if line[0] == "+" else "areas"
        themes[-1][key].append(line[2:].strip())
    return themes


def gather(report, section) -> dict:
    return {"themes": parse(section.narrative)}


register(
    SectionType(
        "strengths",
        "Strengths and areas for development",
        gather,
        description="Two lists per theme.",
        narrative_help="One theme per '## Theme' line; under it, '+ ' before each strength and "
        "'- ' before each area for development.",
        authored=True,
    )
)

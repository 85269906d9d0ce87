"""The registry of section types. Each module of reports/sections/ registers one type:
a `gather(report, section) -> dict` that reads everything the section shows in one batch
of queries, and a template under reports/templates/reports/sections/.

A section imports the selectors it reads (every source app is installed): a renamed
selector fails when the sections load, never as a section that prints "No records yet"."""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SectionType:
    key: str
    label: str
    gather: Callable[..., dict]
    description: str = ""
    # Authored text comes first in every section; `narrative_help` says what to write.
    narrative_help: str = "Optional introduction, in simple Markdown."
    # Keys of `config` the board manager may set in the browser, with their help text.
    config_fields: dict[str, str] = field(default_factory=dict)
    # A type whose content is its authored text (narrative, strengths, priorities).
    authored: bool = False

    @property
    def template(self) -> str:
        return f"reports/sections/{self.key}.html"


_types: dict[str, SectionType] = {}


def register(section_type: SectionType) -> SectionType:
    _types[section_type.key] = section_type
    return section_type


def types() -> dict[str, SectionType]:
    from . import load_all

    load_all()
    return _types


def get(key: str) -> SectionType:
    return types()[key]


def choices() -> list[tuple[str, str]]:
    return [(key, section_type.label) for key, section_type in types().items()]

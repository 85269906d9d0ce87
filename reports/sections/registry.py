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
    # Whether the write page offers the general Markdown help (paragraphs, '- ' lists,
    # headings, images) beside `narrative_help`: False for a type whose text has a format
    # of its own (strengths: '+ ' and '- ' mark its lists) or that has no text (contents).
    markdown_help: bool = True

    @property
    def template(self) -> str:
        return f"reports/sections/{self.key}.html"


_types: dict[str, SectionType] = {}
# What a setting may hold: built-in templates store a dataset's chart as true or false.
CONFIG_VALUES = (str, bool, int)


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


def config_errors(key: str, config) -> list[str]:
    """What is wrong with `config` for the type `key` (a template file's, say): each
    setting must be one the type has, holding text, a number or yes/no."""
    section_type = types().get(key)
    if section_type is None:
        return []  # an unknown type is reported on its own
    if not isinstance(config, dict):
        return [f"the settings of a “{section_type.label}” section must be a set of names "
                "and values"]  # fmt: skip
    errors = []
    for name, value in config.items():
        if name not in section_type.config_fields:
            known = ", ".join(section_type.config_fields) or "none"
            errors.append(f"a “{section_type.label}” section has no setting “{name}” "
                          f"(its settings: {known})")  # fmt: skip
        elif not isinstance(value, CONFIG_VALUES):
            errors.append(f"the setting “{name}” must be text, a number or yes/no")
    return errors

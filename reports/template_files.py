"""A report template as a file, so that boards can share them: JSON with a format name and
a version number, read back only after every part of it has been checked.

    {"format": "lscb-report-template", "version": 1,
     "name": "...", "description": "...", "report_title": "...", "report_subtitle": "...",
     "kind": "annual" | "partnership",  (optional: annual)
     "sections": [{"type": "narrative", "title": "Introduction", "config": {},
                   "new_page": false}, ...]}

A section's text and author are the report's, never the template's, so a file carries
neither. A file of a later version is refused with a message saying so rather than read
in part."""

import json

from django.core.exceptions import ValidationError

from .models import ReportKind, ReportTemplate
from .sections import registry

FORMAT = "lscb-report-template"
VERSION = 1
MAX_SECTIONS = 200
TEXT_LIMITS = {"name": 200, "description": 5000, "report_title": 200, "report_subtitle": 300}


def template_data(template: ReportTemplate) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "name": template.name,
        "description": template.description,
        "report_title": template.report_title,
        "report_subtitle": template.report_subtitle,
        "kind": template.kind,
        "sections": [
            {"type": s.section_type, "title": s.title, "config": s.config,
             "new_page": s.new_page}
            for s in template.sections.order_by("order", "created_at")
        ],
    }  # fmt: skip


def template_file(template: ReportTemplate) -> bytes:
    return json.dumps(template_data(template), indent=2, ensure_ascii=False).encode()


def file_name(template: ReportTemplate) -> str:
    from django.utils.text import slugify

    return f"{slugify(template.name) or 'template'}.json"


def read(content: bytes) -> dict:
    """The file's template, checked; a ValidationError lists every problem found (each
    section named by its number and title)."""
    try:
        data = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValidationError(
            "The selected file is not a report template: save it again from “Download the template”"
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError("The selected file is not a report template")
    version = data.get("version")
    if version != VERSION:
        raise ValidationError(
            f"The selected file is a template of version {version}; this service reads "
            f"version {VERSION}"
        )
    errors = _text_errors(data)
    if data.setdefault("kind", ReportKind.ANNUAL) not in ReportKind.values:
        errors.append("The template's kind must be one of: " + ", ".join(ReportKind.values))
    sections = data.get("sections")
    if not isinstance(sections, list) or not sections:
        errors.append("The template must have at least one section")
    elif len(sections) > MAX_SECTIONS:
        errors.append(f"The template must have at most {MAX_SECTIONS} sections")
    else:
        for number, section in enumerate(sections, 1):
            errors += _section_errors(number, section)
    if errors:
        raise ValidationError(errors)
    return data


def _text_errors(data: dict) -> list[str]:
    errors = []
    for key, limit in TEXT_LIMITS.items():
        value = data.get(key, "")
        if not isinstance(value, str):
            errors.append(f"The template's {key.replace('_', ' ')} must be text")
        elif len(value) > limit:
            errors.append(f"The template's {key.replace('_', ' ')} must be {limit} "
                          "characters or fewer")  # fmt: skip
    if isinstance(data.get("name"), str) and not data["name"].strip():
        errors.append("The template must have a name")
    return errors


def _section_errors(number: int, section) -> list[str]:
    if not isinstance(section, dict):
        return [f"Section {number} must have a type and a title"]
    title = section.get("title")
    where = f"Section {number} (“{title}”)" if isinstance(title, str) and title else (
        f"Section {number}"
    )  # fmt: skip
    errors = []
    key = section.get("type")
    if key not in registry.types():
        errors.append(f"{where} is of a type this service does not know: “{key}”")
    if not isinstance(title, str) or not title.strip():
        errors.append(f"{where} must have a title")
    elif len(title) > 200:
        errors.append(f"{where}: the title must be 200 characters or fewer")
    if not isinstance(section.get("new_page", True), bool):
        errors.append(f"{where}: “new_page” must be true or false")
    errors += [
        f"{where}: {error}" for error in registry.config_errors(key, section.get("config", {}))
    ]
    return errors

"""Sections print authored text or records, never a "No records yet" line under the
text: for every type in the registry, a section with text and no records prints its
heading and the text alone; without text it still says what is missing."""

import re

import pytest

from reports.rendering import gather_section, render_section_html
from reports.sections import registry
from tests.factories import SubGroupFactory

from .test_content_detection import ALWAYS, report_with

TEXT = "A paragraph written for the year."
TYPES = sorted(set(registry.types()) - ALWAYS)


def shown(report) -> str:
    section = report.sections.get()
    return render_section_html(report, gather_section(report, section))


def _setting_up(board, section_type: str) -> None:
    if section_type == "subgroup_report":
        SubGroupFactory(board=board, name="Health")  # the sub-group, with no approved return


@pytest.mark.parametrize("section_type", TYPES)
def test_text_without_records_prints_the_text_alone(board, section_type):
    _setting_up(board, section_type)
    html = shown(report_with(board, section_type, narrative=TEXT))
    assert TEXT in html
    assert "No records yet" not in html and "no-records" not in html
    # The heading and the text's one paragraph: nothing of the type's own part.
    body = re.sub(r"<h2.*?</h2>", "", html, flags=re.S)
    assert body.count("<p") == 1 and "<table" not in body and "<h3" not in body, body


NO_RECORDS_LINE = {
    "audits", "budget", "business_plan", "calendar", "dataset", "glossary", "membership",
    "section11", "strengths", "subgroup_report", "training",
}  # fmt: skip


@pytest.mark.parametrize("section_type", sorted(NO_RECORDS_LINE))
def test_without_text_or_records_the_section_says_what_is_missing(board, section_type):
    _setting_up(board, section_type)
    html = shown(report_with(board, section_type))
    assert "no-records" in html


def test_every_type_with_a_no_records_line_is_listed_here():
    from pathlib import Path

    from django.conf import settings

    folder = Path(settings.BASE_DIR) / "reports" / "templates" / "reports" / "sections"
    found = {path.stem for path in folder.glob("[!_]*.html") if "no-records" in path.read_text()}
    assert found == NO_RECORDS_LINE

"""The report's sections import the selectors they read: a renamed or removed selector
fails when the section is loaded, never as a section printing "No records yet"."""

import importlib

import pytest

import reports.sections

SOURCES = [
    ("audits", "reviews.assurance.selectors.audits", "audits_for_year"),
    ("section11", "reviews.assurance.selectors.section11", "cycle_grid"),
    ("section11", "reviews.assurance.selectors.section11", "latest_cycle_due_by"),
    ("inspections", "reviews.assurance.selectors.inspections", "year_summary"),
    ("scr", "reviews.case_reviews.selectors.reviews", "case_review_year_summary"),
    ("cdop", "reviews.child_deaths.statistics", "cdop_annual_statistics"),
    ("training", "board.selectors.training", "year_summary"),
    ("budget", "board.selectors.budget", "budget_for_year"),
    ("business_plan", "board.selectors.plan", "plan_priorities"),
    ("membership", "board.selectors.meetings", "attendance_rates"),
    ("dataset_gather", "datasets.services.compute", "Calculator"),
    ("dataset_gather", "datasets.charts", "line_chart"),
    ("dataset_gather", "datasets.charts", "form_for"),
]


@pytest.mark.parametrize(("section", "source", "name"), SOURCES)
def test_a_section_whose_source_was_renamed_fails_to_load(monkeypatch, section, source, name):
    module = importlib.import_module(f"reports.sections.{section}")
    monkeypatch.delattr(importlib.import_module(source), name)
    with pytest.raises(ImportError, match=name):
        importlib.reload(module)


def test_sections_have_no_fallback_for_a_missing_source():
    """No "not in this installation" path is left: every source app is installed."""
    from reports.sections import registry

    assert not hasattr(registry, "missing")
    assert importlib.util.find_spec("reports.sections.common") is None
    assert importlib.util.find_spec("reports.charts") is None
    reports.sections.load_all()

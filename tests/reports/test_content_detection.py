""" "The section has no content" for every type of section in the registry: each type is
given the records (or text) it prints and must not be flagged, and without them must be
flagged once. A new type fails here until it has a content rule (reports/content.py
CONTENT) and records below. Section 11 and Inspections, which print full pages, were
once flagged empty: their data has keys of its own."""

from datetime import date

import pytest

from board.models import ActionSource
from reports import services
from reports.checks import find_problems
from reports.content import CONTENT
from reports.models import ReportTemplate
from reports.rendering import gather_all
from reports.sections import registry
from tests.board.factories import (
    ActionFactory,
    ExpenditureLineFactory,
    MeetingFactory,
    MembershipFactory,
)
from tests.factories import AgencyFactory, SubGroupFactory
from tests.reviews.case_reviews.factories import initiated_review
from tests.reviews.child_deaths.factories import notify

from .factories import YEAR, acronyms, business_plan_actions, dataset, subgroup_with_returns
from .test_audits_section import audit
from .test_inspections_section import inspection
from .test_section11_section import cycle
from .test_training_section import programme

STRENGTHS = "## Early help\n+ Quicker assessments\n- Too few health visitors"


def _section11(board):
    police = AgencyFactory(board=board, name="Police")
    cycle(board, "Section 11 2014-16", date(2015, 3, 31), [police])


# Each type: what it is given to print (records for the year, or its text), and its
# settings. Called on a board with nothing else.
RECORDS = {
    "audits": lambda board: audit(board),
    "budget": lambda board: ExpenditureLineFactory(board=board, year=YEAR.start_year),
    "business_plan": lambda board: business_plan_actions(board),
    "calendar": lambda board: MeetingFactory(board=board, date=date(2014, 7, 3)),
    "cdop": lambda board: notify(board, date_of_death=date(2014, 6, 1)),
    "dataset": lambda board: dataset(board),
    "glossary": acronyms,
    "inspections": lambda board: inspection(board),
    "membership": lambda board: MembershipFactory(board=board),
    "narrative": None,  # its text is its content
    "priorities": lambda board: ActionFactory(
        board=board, source_type=ActionSource.BUSINESS_PLAN, due_date=date(2015, 9, 30)
    ),
    "scr": lambda board: initiated_review(board, decision_on=date(2014, 6, 2)),
    "section11": _section11,
    "strengths": None,
    "subgroup_report": lambda board: subgroup_with_returns(board, name="Health"),
    "training": programme,
}
TEXT = {"narrative": "The board's year in brief.", "strengths": STRENGTHS}
CONFIG = {"dataset": {"indicators": "referrals"}, "subgroup_report": {"subgroup": "Health"}}
# Printed from the report itself: never empty.
ALWAYS = {"contents"}
TYPES = sorted(registry.types())


def report_with(board, section_type: str, narrative: str = ""):
    """A report of the one section, so any "empty" problem is that section's."""
    template = ReportTemplate.objects.create(board=board, name="Empty")
    report = services.report_create(board=board, year=YEAR, template=template)
    section = services.section_add(owner=report, section_type=section_type, title="Section",
                                   config=CONFIG.get(section_type))  # fmt: skip
    if narrative:
        services.section_update(section=section, narrative=narrative)
    return report


def empty_problems(report) -> list[str]:
    """From the checks page's gather and from the PDF's full gather: the two agree."""
    quick = [p.message for p in find_problems(report) if p.kind == "empty"]
    full = [p.message for p in find_problems(report, gather_all(report)) if p.kind == "empty"]
    assert quick == full
    return quick


def test_every_type_in_the_registry_has_a_content_rule_and_records_here():
    assert sorted(CONTENT) == TYPES
    assert sorted([*RECORDS, *ALWAYS]) == TYPES


@pytest.mark.parametrize("section_type", sorted(set(TYPES) - ALWAYS))
def test_a_section_given_its_records_or_text_is_not_flagged_empty(board, section_type):
    make = RECORDS[section_type]
    if make is not None:
        make(board)
    report = report_with(board, section_type, narrative=TEXT.get(section_type, ""))
    assert empty_problems(report) == []


@pytest.mark.parametrize("section_type", sorted(set(TYPES) - ALWAYS))
def test_a_section_without_records_or_text_is_flagged_empty_once(board, section_type):
    if section_type == "subgroup_report":
        SubGroupFactory(board=board, name="Health")  # the sub-group, with no approved return
    report = report_with(board, section_type)
    assert empty_problems(report) == ["The section has no content."]


@pytest.mark.parametrize("section_type", sorted(set(TYPES) - ALWAYS))
def test_authored_text_is_content_for_every_type(board, section_type):
    report = report_with(board, section_type, narrative="A paragraph written for the year.")
    assert empty_problems(report) == []


@pytest.mark.parametrize("section_type", sorted(ALWAYS))
def test_the_contents_page_is_never_flagged_empty(board, section_type):
    assert empty_problems(report_with(board, section_type)) == []


def test_section11_and_inspections_with_records_print_pages_and_are_not_flagged(board):
    """The two known false positives, in one report of the full template."""
    _section11(board)
    inspection(board)
    report = services.report_create(
        board=board, year=YEAR,
        template=services.template_copy_builtin(board=board, key="annual-review"),
    )  # fmt: skip
    flagged = {p.section_title for p in find_problems(report) if p.kind == "empty"}
    assert "Section 11 self-assessments" not in flagged
    assert "Inspections" not in flagged
    assert "Learning and development" in flagged  # no training recorded: still caught

"""A sub-group's section: the chair's summary, then the year's approved returns (answers by
question across the quarters, action progress), in a constant number of queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.rendering import gather_section, render_section_html
from subgroups.models import ReturnStatus
from subgroups.services.spec import template_spec

from .factories import (
    business_plan_actions,
    report_for,
    return_for_quarter,
    subgroup_with_returns,
)

SUMMARY = "### Achievements\nThe Health sub-group met every quarter."


def section_for(report, name="Health"):
    return report.sections.get(section_type="subgroup_report", title=name)


def shown(report, name="Health") -> str:
    section = section_for(report, name)
    return render_section_html(report, gather_section(report, section))


def test_the_section_shows_the_summary_answers_by_question_and_action_progress(board):
    actions = business_plan_actions(board, count=2)
    subgroup = subgroup_with_returns(
        board, approved=(1, 3), others={2: ReturnStatus.SUBMITTED, 4: ReturnStatus.DRAFT},
        actions=actions,
    )  # fmt: skip
    spec = template_spec(subgroup)
    return_for_quarter(subgroup, 3, ReturnStatus.APPROVED, spec, action_status="at_risk")
    report = report_for(board, template_key="annual-review")
    section = section_for(report)
    section.narrative = SUMMARY
    section.save()

    html = shown(report)
    assert "The Health sub-group met every quarter." in html  # the chair's summary
    # Answers grouped by question, quarter by quarter; nothing from returns not approved.
    impact = html.index("<h4>Impact on children</h4>")
    q1 = html.index("Q1 answer to Impact on children", impact)
    q3 = html.index("Q3 answer to Impact on children", impact)
    assert impact < q1 < q3 < html.index("<h4>Impact on practice</h4>")
    assert "Q2 answer" not in html and "Q4 answer" not in html
    assert "No approved return for Q2 2014/15 or Q4 2014/15." in html
    # Each action's status in each approved quarter, and its latest comment.
    assert '<th scope="col">Q1 2014/15</th><th scope="col">Q3 2014/15</th>' in html
    row = f"<td>{actions[0].description}</td><td>Jun 2014</td><td>On track</td><td>At risk</td>"
    assert row in html
    assert "Q3 progress (Q3 2014/15)" in html


def test_without_approved_returns_the_section_says_what_is_missing_once(board):
    subgroup_with_returns(board, approved=(), others={1: ReturnStatus.SUBMITTED})
    report = report_for(board, template_key="annual-review")
    html = shown(report)
    assert html.count("No quarterly return from Health for 2014/15 has been approved.") == 1
    assert "No records yet." not in html and html.count("<p") == 1
    assert "Q1 answer" not in html and "<table" not in html


def test_a_panel_without_returns_points_to_the_section_that_reports_its_year(board):
    from subgroups.models import SubGroupKind

    panel = subgroup_with_returns(board, name="Child Death Overview Panel", approved=())
    panel.kind = SubGroupKind.CDOP
    panel.save()
    report = report_for(board, template_key="annual-review")
    html = shown(report, "Child Death Overview Panel")
    assert (
        "No quarterly return from Child Death Overview Panel for 2014/15 has been approved. "
        "Its work in the year is reported in the section “Child deaths”."
    ) in html


def test_another_boards_and_another_years_returns_are_not_shown(board, other_board):
    subgroup_with_returns(other_board, approved=(1, 2, 3, 4))
    subgroup = subgroup_with_returns(board, approved=())
    later = return_for_quarter(subgroup, 1, ReturnStatus.APPROVED, template_spec(subgroup))
    later.period_start = later.period_start.replace(year=2015)
    later.save()
    html = shown(report_for(board, template_key="annual-review"))
    assert "has been approved." in html and "answer to" not in html


def test_the_queries_are_the_same_for_one_return_and_for_four(board, django_assert_num_queries):
    subgroup = subgroup_with_returns(board, approved=(1,), actions=business_plan_actions(board))
    report = report_for(board, template_key="annual-review")
    section = section_for(report)
    with CaptureQueriesContext(connection) as one:
        data = gather_section(report, section).data
    assert len(data["returns"]) == 1
    spec = template_spec(subgroup)
    for number in (2, 3, 4):
        return_for_quarter(subgroup, number, ReturnStatus.APPROVED, spec)
    with django_assert_num_queries(len(one.captured_queries)):
        data = gather_section(report, section).data
        assert len(data["returns"]) == 4 and len(data["actions"]) == 3

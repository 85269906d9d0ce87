"""The report's words read right for the records: one action or several, the cover for
each state of the report, and no column printed where no line has a figure for it."""

import datetime
import re
from decimal import Decimal

import pytest

from board.models import ActionStatus
from reports import services
from reports.models import ReportState
from reports.rendering import gather_section, render_html, render_section_html
from tests.board.factories import ExpenditureLineFactory, IncomeLineFactory, MembershipFactory
from tests.factories import AgencyFactory

from .factories import business_plan_actions, report_for
from .test_inspections_section import inspection, recommend

A_DAY = datetime.datetime(2015, 6, 3, 12, tzinfo=datetime.UTC)
LATER = datetime.datetime(2015, 7, 14, 12, tzinfo=datetime.UTC)


def section_html(report, section_type: str) -> str:
    section = report.sections.filter(section_type=section_type).first()
    return render_section_html(report, gather_section(report, section))


@pytest.mark.parametrize(
    ("statuses", "sentence"),
    [
        ([ActionStatus.COMPLETE],
         "The one action from these recommendations is complete as this report is written."),
        ([ActionStatus.ON_TRACK],
         "The one action from these recommendations is not yet complete as this report is "
         "written."),
        ([ActionStatus.COMPLETE, ActionStatus.ON_TRACK, ActionStatus.ON_TRACK],
         "Of the 3 actions from these recommendations, 1 (33%) is complete as this report"),
        ([ActionStatus.ON_TRACK, ActionStatus.ON_TRACK],
         "Of the 2 actions from these recommendations, none is complete as this report"),
    ],
)  # fmt: skip
def test_the_actions_sentence_agrees_with_the_number_of_actions(board, statuses, sentence):
    agency = AgencyFactory(board=board)
    found = inspection(board)
    for number, status in enumerate(statuses):
        recommend(found, agency, f"Recommendation {number}", status)
    report = report_for(board)
    services.section_add(owner=report, section_type="inspections", title="Inspections")
    html = " ".join(section_html(report, "inspections").split())
    assert sentence in html
    assert "Of the 1 action" not in html and "1 (100%) are" not in html


def test_a_business_plan_of_one_action_says_one_action(board):
    business_plan_actions(board, count=1)
    html = section_html(report_for(board, template_key="annual-review"), "business_plan")
    assert "(1 action)" in html and "(1 actions)" not in html


@pytest.mark.parametrize(
    ("state", "approved_at", "published_at", "sentence"),
    [
        (ReportState.DRAFTING, None, None,
         "This is a draft that is still being written. It is not for publication."),
        (ReportState.IN_REVIEW, None, None,
         "This is a draft for the board to review. It is not for publication."),
        (ReportState.APPROVED, A_DAY, None, "Approved by the board on 3 June 2015."),
        (ReportState.PUBLISHED, A_DAY, LATER,
         "Approved by the board on 3 June 2015 and published on 14 July 2015."),
    ],
)  # fmt: skip
def test_the_cover_says_in_one_sentence_what_state_the_report_is_in(
    board, state, approved_at, published_at, sentence
):
    report = report_for(board)
    report.state, report.approved_at, report.published_at = state, approved_at, published_at
    html = render_html(report, [])
    cover = html[html.index('<div class="cover">') : html.index("</div>")]
    assert f'<p class="cover-status">{sentence}</p>' in cover
    assert cover.count('class="cover-status"') == 1
    assert "Draft: " not in cover


def budget_headers(html: str, caption: str) -> list[str]:
    table = html[html.index(caption) :]
    head = table[table.index("<thead>") : table.index("</thead>")]
    return re.findall(r"<th[^>]*>([^<]*)</th>", head)


def test_a_budget_with_no_budget_set_leaves_out_the_budget_and_variance_columns(board):
    ExpenditureLineFactory(board=board, item="Chair", budget=None, outturn=Decimal("31250"))
    ExpenditureLineFactory(board=board, item="Manager", budget=None, outturn=Decimal("48000"))
    IncomeLineFactory(board=board, actual=Decimal("90000"), budget=None)
    html = section_html(report_for(board, template_key="annual-review"), "budget")
    assert budget_headers(html, "Expenditure, 2014/15") == ["Heading", "Outturn"]
    assert budget_headers(html, "Income, 2014/15") == ["Source", "Actual"]
    assert "Not recorded" not in html
    assert 'Total expenditure</th><td class="num">79,250</td></tr>' in html


def test_a_budget_set_on_one_line_keeps_the_columns(board):
    ExpenditureLineFactory(board=board, item="Chair", budget=Decimal("30000"),
                           outturn=Decimal("31250"))  # fmt: skip
    ExpenditureLineFactory(board=board, item="Manager", budget=None, outturn=Decimal("48000"))
    IncomeLineFactory(board=board, actual=Decimal("90000"), budget=None)
    html = section_html(report_for(board, template_key="annual-review"), "budget")
    assert budget_headers(html, "Expenditure, 2014/15") == [
        "Heading", "Budget", "Outturn", "Variance"
    ]  # fmt: skip
    assert budget_headers(html, "Income, 2014/15") == ["Source", "Actual"]


@pytest.mark.parametrize(("post", "shown"), [("", False), ("Director of Education", True)])
def test_the_post_column_is_printed_only_when_a_member_has_a_post(board, post, shown):
    MembershipFactory(board=board, post_title=post)
    html = section_html(report_for(board, template_key="annual-review"), "membership")
    assert ('<th scope="col">Post</th>' in html) is shown

"""Each consistency check catches its problem; approval waits until every problem is
resolved or accepted with a reason."""

import pytest
from django.core.exceptions import ValidationError

from reports import services
from reports.checks import find_problems, outstanding_problems
from reports.models import CheckAcceptance, ReportState

from .factories import YEAR, dataset, report_for, set_section, subgroup_with_returns

INTRO = "Introduction_from_the_independent_chair"


def kinds(report) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for problem in find_problems(report):
        found.setdefault(problem.kind, []).append(problem.message)
    return found


@pytest.mark.parametrize(
    "text",
    ["Referrals rose by TBC.", "We saw XX children.", "[insert chart here]",
     "JS - please check this paragraph", "TODO: ask the police"],
)  # fmt: skip
def test_placeholders_and_draft_notes_are_caught(board, text):
    report = report_for(board, **{INTRO: f"Opening words. {text}"})
    assert "placeholder" in kinds(report)


def test_an_acronym_followed_by_a_dash_is_not_taken_for_initials(board):
    from reports.models import Acronym

    Acronym.objects.create(board=board, term="CDOP", meaning="Child Death Overview Panel")
    report = report_for(board, **{INTRO: "CDOP - the panel - met monthly."})
    assert "placeholder" not in kinds(report)


def test_a_typed_figure_that_differs_from_the_stored_value_is_caught(board):
    dataset(board)  # the year's referrals: 460
    report = report_for(
        board, **{INTRO: "Referrals to children's social care were 470 in the year."}
    )
    set_section(report, "dataset", config={"indicators": "referrals"})
    messages = kinds(report)["figure"]
    assert messages == [
        "The text gives Referrals to children's social care as 470; the stored value for "
        "2014/15 is 460."
    ]
    set_section(report, "narrative", narrative="Referrals to children's social care were 460.")
    assert "figure" not in kinds(report)


def test_indicators_missing_periods_are_caught(board):
    dataset(board, values=(100, None, 120, 130))
    report = report_for(board, **{INTRO: "Text."})
    set_section(report, "dataset", config={"indicators": "referrals, nonsense"})
    messages = kinds(report)["periods"]
    assert "Referrals to children's social care has no value for Q2 2014/15." in messages
    assert "No indicator has the code nonsense." in messages


def test_an_image_without_a_text_alternative_is_caught(board):
    report = report_for(board, **{INTRO: "See ![](chart.png) below."})
    assert "alternative" in kinds(report)
    set_section(report, "narrative", narrative="See ![Referrals by quarter](chart.png).")
    assert "alternative" not in kinds(report)


def test_sections_with_no_content_are_caught(board):
    report = report_for(board)
    empty = kinds(report)["empty"]
    assert any("Introduction" not in message for message in empty)
    assert len(empty) >= 3  # introduction, strengths, priorities, the calendar...


def test_approval_waits_for_every_problem_to_be_resolved_or_accepted(board, manager):
    report = report_for(board, **{INTRO: "Figures TBC."})
    services.report_transition(report=report, to=ReportState.IN_REVIEW, by=manager)
    with pytest.raises(ValidationError):
        services.report_transition(report=report, to=ReportState.APPROVED, by=manager)
    for problem in outstanding_problems(report):
        CheckAcceptance.objects.create(
            board=board, report=report, key=problem.key, reason="Agreed", accepted_by=manager
        )
    # Accepted problems no longer block; editing the text makes a new problem.
    assert outstanding_problems(report) == []
    set_section(report, "narrative", narrative="Figures TBC, still.")
    assert len(outstanding_problems(report)) == 1
    set_section(report, "narrative", narrative="Figures final.")
    report = services.report_transition(report=report, to=ReportState.APPROVED, by=manager)
    assert report.state == ReportState.APPROVED and report.approved_by == manager


def _due(number: int):
    from subgroups.services.deadlines import due_date

    return due_date(YEAR.quarter(number), 20)  # the board's default: 20 working days


def _on(number: int) -> str:
    day = _due(number)
    return f"{day.day} {day:%B %Y}"


def test_each_due_return_not_approved_is_named_by_sub_group_and_quarter(board, other_board):
    from subgroups.models import ReturnStatus

    subgroup_with_returns(board, approved=(1,), others={2: ReturnStatus.SUBMITTED,
                                                        3: ReturnStatus.DRAFT})  # fmt: skip
    subgroup_with_returns(board, name="Education", approved=(1, 2, 3, 4))
    subgroup_with_returns(other_board, approved=(), others={1: ReturnStatus.DRAFT})
    report = report_for(board)  # long after every 2014/15 deadline
    assert kinds(report)["returns"] == [
        f"The return from Health for Q2 2014/15, due {_on(2)}, is not approved (submitted).",
        f"The return from Health for Q3 2014/15, due {_on(3)}, is not approved (draft).",
        f"The return from Health for Q4 2014/15, due {_on(4)}, is not approved (not started).",
    ]


def test_returns_not_yet_due_are_not_flagged_unless_submitted(board):
    import datetime

    from reports.checks import _returns_not_approved
    from subgroups.models import ReturnStatus

    subgroup_with_returns(board, approved=(), others={2: ReturnStatus.DRAFT})
    subgroup_with_returns(board, name="Education", approved=(1,),
                          others={2: ReturnStatus.SUBMITTED})  # fmt: skip
    report = report_for(board)
    # Between Q1's deadline and Q2's: Health's Q1 (never started) is overdue; its Q2 draft
    # and every later quarter are not due yet; Education's Q2 is in, awaiting approval.
    today = _due(1) + datetime.timedelta(days=1)
    assert today < _due(2)
    messages = [p.message for p in _returns_not_approved(report, today=today)]
    assert len(messages) == 2
    assert messages[0].startswith("The return from Education for Q2 2014/15")
    assert messages[1].startswith("The return from Health for Q1 2014/15")
    assert messages[1].endswith("is not approved (not started).")
    on_the_deadline = [p.message for p in _returns_not_approved(report, today=_due(1))]
    assert not any("Health for Q1" in m for m in on_the_deadline)


def test_a_report_with_every_return_approved_has_no_returns_problem(board):
    subgroup_with_returns(board, approved=(1, 2, 3, 4))
    assert "returns" not in kinds(report_for(board))

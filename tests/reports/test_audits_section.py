"""The audits section: the audits whose period ends in the report's year, each rating level
with its count and a percentage computed from the counts, findings, and how many of the
tracker's actions from the recommendations are complete; one batch of queries."""

from datetime import date

from board.models import Action, ActionStatus
from board.services.actions import action_add_update
from reports.rendering import gather_section, render_pdf, render_section_html
from reviews.assurance.services.audits import (
    audit_create,
    audit_finding_add,
    audit_recommendation_create,
    rating_levels,
)
from tests.factories import AgencyFactory

from .factories import pdf_pages, report_for


def audit(board, title="MASH decisions", ends=date(2015, 1, 31), counts=None):
    levels = {level.name: level for level in rating_levels(board=board)}
    counts = counts if counts is not None else {"Outstanding": 20, "Good": 76, "Inadequate": 9}
    return audit_create(
        board=board,
        counts={levels[name]: count for name, count in counts.items()},
        title=title,
        audit_type="multi_agency",
        commissioned_by="Quality assurance sub-group",
        period_start=date(2014, 10, 1) if ends > date(2014, 10, 1) else date(2013, 10, 1),
        period_end=ends,
        sample_size=135,
    )


def recommend(audit_, agency, text, author, complete=False):
    recommendation = audit_recommendation_create(
        audit=audit_, text=text, owner_agency=agency, due_date=date(2015, 6, 30),
        created_by=author,
    )  # fmt: skip
    if complete:
        action = Action.objects.for_source(recommendation).get()
        action_add_update(action=action, author=author, text="Done", status=ActionStatus.COMPLETE)
    return recommendation


def gathered(board):
    report = report_for(board, template_key="annual-review")
    section = report.sections.get(section_type="audits")
    return report, gather_section(report, section)


def test_the_built_in_annual_review_has_the_audits_and_training_sections(board):
    report = report_for(board, template_key="annual-review")
    types = list(report.sections.values_list("section_type", flat=True))
    assert types.index("cdop") < types.index("audits") < types.index("training")


def test_only_audits_whose_period_ends_in_the_year_are_shown(board):
    audit(board, "Ends on the first day", ends=date(2014, 4, 1))
    audit(board, "Ends on the last day", ends=date(2015, 3, 31))
    audit(board, "Ends the year before", ends=date(2014, 3, 31))
    audit(board, "Ends the year after", ends=date(2015, 4, 1))
    _, item = gathered(board)
    titles = [row["title"] for row in item.data["rows"]]
    assert titles == ["Ends on the first day", "Ends on the last day"]


def test_each_level_has_its_count_and_a_percentage_of_the_sample(board, manager):
    mash = audit(board, counts={"Outstanding": 20, "Good": 76, "Requires improvement": 30})
    audit_finding_add(audit=mash, text="Decision making was generally sound.")
    agency = AgencyFactory(board=board)
    recommend(mash, agency, "Audit police protection", manager, complete=True)
    recommend(mash, agency, "Agree a step-down process", manager)
    _, item = gathered(board)
    row = item.data["rows"][0]
    ratings = {r["name"]: (r["count"], str(r["percent"])) for r in row["ratings"]}
    # 20 of 135 is 14.81..%, 76 is 56.29..%, 30 is 22.22..%: one decimal, half-up.
    assert ratings == {
        "Outstanding": (20, "14.8"),
        "Good": (76, "56.3"),
        "Requires improvement": (30, "22.2"),
    }
    assert row["rated"] == 126 and row["sample_size"] == 135
    assert row["findings"] == ["Decision making was generally sound."]
    assert [(r["number"], r["actions"], r["complete"]) for r in row["recommendations"]] == [
        (1, 1, 1),
        (2, 1, 0),
    ]
    assert (row["actions_total"], row["actions_complete"]) == (2, 1)


def test_96_of_135_is_71_point_1_percent_and_no_levels_are_added_together(board):
    audit(board, counts={"Good": 96, "Requires improvement": 39})
    _, item = gathered(board)
    ratings = item.data["rows"][0]["ratings"]
    assert [(r["name"], r["count"], str(r["percent"])) for r in ratings] == [
        ("Good", 96, "71.1"),
        ("Requires improvement", 39, "28.9"),
    ]


def test_another_boards_audits_are_not_shown(board, other_board):
    audit(other_board, "Elsewhere's audit")
    _, item = gathered(board)
    assert item.data == {"rows": []}


def test_the_section_reads_in_one_batch_of_queries(board, manager, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    agency = AgencyFactory(board=board)
    recommend(audit(board, "First"), agency, "One", manager, complete=True)
    report, _ = gathered(board)
    section = report.sections.get(section_type="audits")
    gather_section(report, section)  # the content type is cached from here on
    with CaptureQueriesContext(connection) as small:
        gather_section(report, section)
    for number in range(5):
        found = audit(board, f"Audit {number}")
        audit_finding_add(audit=found, text="A finding")
        for text in ("A", "B"):
            recommend(found, agency, text, manager, complete=number % 2 == 0)
    with django_assert_num_queries(len(small.captured_queries)):
        assert len(gather_section(report, section).data["rows"]) == 6


def test_the_pdf_prints_the_computed_figures(board, manager):
    mash = audit(board, counts={"Outstanding": 20, "Good": 76, "Requires improvement": 30})
    audit_finding_add(audit=mash, text="Thresholds were applied appropriately.")
    agency = AgencyFactory(board=board)
    recommend(mash, agency, "Audit police protection", manager, complete=True)
    recommend(mash, agency, "Agree a step-down process", manager)
    report, item = gathered(board)
    html = render_section_html(report, item)
    assert "Thresholds were applied appropriately." in html
    text = " ".join("\n".join(pdf_pages(render_pdf(report)[0])).split())
    assert "Outstanding 20 14.8%" in text
    assert "Good 76 56.3%" in text
    assert "Requires improvement 30 22.2%" in text
    assert "Rated 126 of 135" in text
    assert "135 cases audited" in text
    assert "Of the 2 actions in the board's tracker from these recommendations, 1 is complete" in (
        text
    )


def test_a_year_without_audits_says_so(board):
    report, item = gathered(board)
    assert item.data == {"rows": []}
    assert "No audit covering a period that ended in 2014/15" in render_section_html(report, item)

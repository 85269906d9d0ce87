"""The inspections section: the year's published reports with their judgement per area,
recommendations and action completion, all computed from the records, in a constant
number of queries."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from board.models import Action, ActionStatus
from reports import services
from reports.rendering import gather_section, render_pdf, render_section_html
from reviews.assurance.services.inspections import (
    JudgementInput,
    inspection_create,
    inspection_judgements_set,
    inspection_recommendation_create,
)
from tests.factories import AgencyFactory, UserFactory

from .factories import pdf_pages, report_for

TITLE = "Children's services and review of the LSCB"


def inspection(board, title=TITLE, published_on=date(2014, 11, 20), **fields):
    return inspection_create(
        board=board,
        inspectorate="ofsted",
        title=title,
        start_date=date(2014, 9, 1),
        end_date=date(2014, 9, 24),
        published_on=published_on,
        overall_judgement="requires_improvement",
        **fields,
    )


def recommend(found, agency, text, status=ActionStatus.NOT_STARTED):
    recommendation = inspection_recommendation_create(
        inspection=found, text=text, owner_agency=agency, due_date=date(2015, 9, 30),
        created_by=UserFactory(),
    )  # fmt: skip
    Action.objects.for_source(recommendation).update(status=status)
    return recommendation


def with_section(board):
    report = report_for(board)
    section = services.section_add(owner=report, section_type="inspections", title="Inspections")
    return report, section


def test_the_section_shows_judgements_recommendations_and_completion(board):
    agency = AgencyFactory(board=board, name="Testshire Council")
    found = inspection(board)
    inspection_judgements_set(
        inspection=found,
        judgements=[
            JudgementInput("Children who need help and protection", "requires_improvement"),
            JudgementInput("The effectiveness of the LSCB", "requires_improvement", "to be good"),
            JudgementInput("Adoption performance", "good"),
        ],
    )
    recommend(found, agency, "Improve the <quality> of assessments", ActionStatus.COMPLETE)
    recommend(found, agency, "Evaluate early help", ActionStatus.ON_TRACK)
    recommend(found, agency, "Audit missing children's return interviews", ActionStatus.COMPLETE)
    # Not in the section: published the year after, or by another board.
    inspection(board, title="Published later", published_on=date(2015, 5, 1))
    inspection(AgencyFactory().board, title="Another board's inspection")
    report, section = with_section(board)

    gathered = gather_section(report, section)
    assert gathered.data["judgements"] == 3
    assert gathered.data["grades"] == [
        {"grade": "Outstanding", "count": 0},
        {"grade": "Good", "count": 1},
        {"grade": "Requires improvement", "count": 2},
        {"grade": "Inadequate", "count": 0},
    ]
    assert (gathered.data["actions_complete"], gathered.data["actions_total"]) == (2, 3)
    assert str(gathered.data["actions_percent"]) == "67"  # 2 of 3, half-up
    html = render_section_html(report, gathered)
    assert "<td>The effectiveness of the LSCB</td><td>Requires improvement to be good</td>" in html
    assert "Improve the &lt;quality&gt; of assessments" in html
    assert "Of the 3 actions from these recommendations, 2 (67%) are complete" in html
    assert "Published later" not in html and "Another board" not in html
    text = "\n".join(pdf_pages(render_pdf(report)[0]))
    assert "Overall judgement: requires improvement." in text


def test_a_year_without_inspections_says_so(board):
    report, section = with_section(board)
    html = render_section_html(report, gather_section(report, section))
    assert "No inspection reports about the area's services or the board were published" in html


def test_gathering_takes_a_constant_number_of_queries(board):
    agency = AgencyFactory(board=board)
    report, section = with_section(board)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            gather_section(report, section)
        return len(captured.captured_queries)

    found = inspection(board)
    recommend(found, agency, "One")
    small = queries()
    for number in range(5):
        more = inspection(board, title=f"Inspection {number}")
        inspection_judgements_set(inspection=more, judgements=[JudgementInput("Area", "good")])
        recommend(more, agency, f"Recommendation {number}")
    assert queries() == small

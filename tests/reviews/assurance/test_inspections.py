"""Inspections: recommendations become actions in the board's tracker, judgements are saved
all together or not at all, bad and hostile input is refused with nothing saved, another
board's inspection is not found, readers cannot write, the year summary is computed from
the records, and the list's queries do not grow with the number of inspections."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from board.models import Action
from reviews.assurance import action_sources
from reviews.assurance.models import Inspection, InspectionJudgement, InspectionRecommendation
from reviews.assurance.services.inspections import (
    JudgementInput,
    inspection_judgements_set,
    inspection_recommendation_create,
)
from tests.factories import AgencyFactory
from tests.forms import date_parts

from .inspection_factories import (
    AREAS,
    form_data,
    judgement_data,
    ofsted,
    recommend,
    url,
)


def test_a_recommendation_becomes_an_action_the_manager_sees_in_the_tracker(
    board, manager, viewer, client_for
):
    inspection = ofsted(board)
    council = AgencyFactory(board=board, name="Testshire Children's Social Care")
    response = client_for(manager).post(
        url(board, "inspection-recommendation-add", inspection_id=inspection.pk),
        {
            "text": "Ensure the LSCB evaluates the impact of early help",
            "owner_agency": str(council.pk),
            **date_parts("due_date", "31/3/2016"),
        },
    )
    assert response.status_code == 302
    recommendation = InspectionRecommendation.objects.get()
    assert recommendation.number == 1 and recommendation.board == board
    action = Action.objects.for_source(recommendation).get()
    assert action.source_type == action_sources.INSPECTION
    assert action.owner_agency == council
    assert action.due_date == date(2016, 3, 31)
    assert action.created_by == manager
    tracker = client_for(manager).get(reverse("action-list", kwargs={"board_slug": board.slug}))
    assert "Ensure the LSCB evaluates the impact of early help" in tracker.content.decode()
    detail = client_for(viewer).get(url(board, "inspection-detail", inspection_id=inspection.pk))
    body = detail.content.decode()
    assert "Ensure the LSCB evaluates the impact of early help" in body
    assert "Not started" in body  # the action's status, shown with the recommendation


def test_recommendations_are_numbered_per_inspection(board):
    agency = AgencyFactory(board=board)
    first, second = ofsted(board), ofsted(board, title="CQC review of health services")
    assert [recommend(first, agency).number for _ in range(2)] == [1, 2]
    assert recommend(second, agency).number == 1


def test_without_an_owner_or_due_date_nothing_is_saved(board, manager, client_for):
    inspection = ofsted(board)
    with pytest.raises(ValidationError) as refused:
        inspection_recommendation_create(
            inspection=inspection, text="Do better", owner_agency=None, due_date=None,
            created_by=None,
        )  # fmt: skip
    assert set(refused.value.message_dict) == {"owner_agency", "due_date"}
    response = client_for(manager).post(
        url(board, "inspection-recommendation-add", inspection_id=inspection.pk),
        {"text": "Do better", "owner_agency": "", "due_date": ""},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Choose the agency that owns this recommendation" in body
    assert "Enter the action due by" in body
    assert not InspectionRecommendation.objects.exists()
    assert not Action.objects.exists()


def test_another_boards_agency_is_refused(board, other_board, manager, client_for):
    inspection = ofsted(board)
    elsewhere = AgencyFactory(board=other_board, name="Elsewhere Police")
    response = client_for(manager).post(
        url(board, "inspection-recommendation-add", inspection_id=inspection.pk),
        {
            "text": "Do better",
            "owner_agency": str(elsewhere.pk),
            **date_parts("due_date", "31/3/2016"),
        },
    )
    assert response.status_code == 200
    assert "Choose an agency of this board" in response.content.decode()
    with pytest.raises(ValidationError, match="agency of this board"):
        recommend(inspection, elsewhere)
    assert not InspectionRecommendation.objects.exists()
    assert not Action.objects.exists()


def test_the_inspected_agency_must_be_of_this_board(board, other_board, manager, client_for):
    elsewhere = AgencyFactory(board=other_board)
    with pytest.raises(ValidationError, match="agency of this board"):
        ofsted(board, inspected_agency=elsewhere)
    data = form_data(inspected_agency=str(elsewhere.pk))
    response = client_for(manager).post(url(board, "inspection-create"), data)
    assert response.status_code == 200
    assert not Inspection.objects.exists()


# Judgements: all or nothing


def test_judgements_are_saved_per_area_and_replaced_as_a_whole(board, manager, client_for):
    inspection = ofsted(board)
    rows = [
        ("Children who need help and protection", "requires_improvement", ""),
        ("The effectiveness of the LSCB", "requires_improvement", "to be good"),
        ("", "", ""),  # an empty row is no judgement
    ]
    client = client_for(manager)
    target = url(board, "inspection-judgements", inspection_id=inspection.pk)
    response = client.post(target, judgement_data(rows))
    assert response.status_code == 302
    saved = list(inspection.judgements.all())
    assert [j.judgement for j in saved] == [
        "Requires improvement",
        "Requires improvement to be good",
    ]
    # The page shows the saved rows; emptying one removes it.
    page = client.get(target).content.decode()
    assert 'value="The effectiveness of the LSCB"' in page
    response = client.post(target, judgement_data([("", "", ""), rows[1]]))
    assert response.status_code == 302
    assert [j.area for j in inspection.judgements.all()] == ["The effectiveness of the LSCB"]


def test_replacing_judgements_leaves_an_audit_entry_for_each_row(board):
    from board.audit import entries_for_board
    from board.models import AuditEntry

    inspection = ofsted(board)
    inspection_judgements_set(inspection=inspection, judgements=AREAS)
    inspection_judgements_set(inspection=inspection, judgements=AREAS[:1])
    entries = entries_for_board(board).filter(content_type__model="inspectionjudgement")
    assert entries.filter(action=AuditEntry.Action.CREATE).count() == 4
    assert entries.filter(action=AuditEntry.Action.DELETE).count() == 3


def test_a_duplicate_area_refuses_every_row(board, manager, client_for):
    inspection = ofsted(board)
    inspection_judgements_set(inspection=inspection, judgements=AREAS[:1])
    rows = [
        ("", "", ""),  # an empty row: the page still counts it
        ("The effectiveness of the LSCB", "good", ""),
        ("the effectiveness of  the LSCB", "inadequate", ""),
    ]
    response = client_for(manager).post(
        url(board, "inspection-judgements", inspection_id=inspection.pk), judgement_data(rows)
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert "Row 3: “the effectiveness of the LSCB” is judged twice" in body
    assert 'href="#id_form-2-area"' in body  # the summary points to the repeated row
    assert "Nothing has been saved" in body
    # The earlier judgement is untouched, and none of the new rows was saved.
    assert [j.area for j in inspection.judgements.all()] == [AREAS[0].area]


def test_an_invalid_grade_refuses_every_row(board, manager, client_for):
    inspection = ofsted(board)
    with pytest.raises(ValidationError, match="Row 2, grade"):
        inspection_judgements_set(
            inspection=inspection,
            judgements=[AREAS[0], JudgementInput("The effectiveness of the LSCB", "adequate")],
        )
    assert not InspectionJudgement.objects.exists()
    rows = [(AREAS[0].area, "good", ""), ("The effectiveness of the LSCB", "superb", "")]
    response = client_for(manager).post(
        url(board, "inspection-judgements", inspection_id=inspection.pk), judgement_data(rows)
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Row 2: Choose the grade from the list" in body
    assert 'href="#id_form-1-grade"' in body  # the summary links to the field
    assert "govuk-select--error" in body
    assert not InspectionJudgement.objects.exists()


def test_a_row_without_an_area_or_a_tampered_formset_saves_nothing(board, manager, client_for):
    inspection = ofsted(board)
    client = client_for(manager)
    target = url(board, "inspection-judgements", inspection_id=inspection.pk)
    response = client.post(target, judgement_data([("", "good", "")]))
    assert response.status_code == 200
    assert "Enter the area judged" in response.content.decode()
    response = client.post(target, {"form-0-area": "No management form", "form-0-grade": "good"})
    assert response.status_code == 200
    response = client.post(target, judgement_data([("Area", "good", "")], total=5000))
    assert response.status_code == 200
    assert not InspectionJudgement.objects.exists()


# Dates and bad input


def test_the_dates_must_be_in_order_and_publication_not_in_the_future(board):
    with pytest.raises(ValidationError, match="must not be before its first day"):
        ofsted(board, end_date=date(2015, 1, 30))
    with pytest.raises(ValidationError, match="cannot be published before the inspection"):
        ofsted(board, published_on=date(2015, 2, 20))
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError, match="cannot be in the future"):
        ofsted(board, published_on=tomorrow)
    assert not Inspection.objects.exists()


def test_bad_input_on_the_inspection_form_shows_errors_and_saves_nothing(
    board, manager, client_for
):
    client = client_for(manager)
    cases = [
        (date_parts("start_date", "31/2/2015"), "First day of the inspection must be a real date"),
        (date_parts("end_date", "1/1/2015"), "must not be before its first day"),
        (date_parts("published_on", "1/1/2099"), "cannot be in the future"),
        ({"inspectorate": "ombudsman"}, "Choose the inspectorate from the list"),
        ({"overall_judgement": "adequate"}, "Choose the overall judgement from the list"),
        ({"report_url": "javascript:alert(1)"}, "Enter the web address of the report"),
        ({"title": ""}, "Enter the title"),
    ]
    for change, message in cases:
        response = client.post(url(board, "inspection-create"), form_data(**change))
        assert response.status_code == 200, change
        body = response.content.decode()
        assert message in body, change
        assert "govuk-error-summary" in body
    assert not Inspection.objects.exists()


def test_an_edit_with_dates_out_of_order_is_refused(board, manager, client_for):
    inspection = ofsted(board)
    response = client_for(manager).post(
        url(board, "inspection-edit", inspection_id=inspection.pk),
        form_data(**date_parts("start_date", "1/3/2015")),
    )
    assert response.status_code == 200
    assert "must not be before its first day" in response.content.decode()
    inspection.refresh_from_db()
    assert inspection.start_date == date(2015, 2, 2)

"""Bad input to the register: clear errors, nothing half-saved."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from board.models import Action
from reviews.case_reviews.models import CaseReview, Milestone, Recommendation
from reviews.case_reviews.services.reviews import milestone_add
from tests.forms import date_parts

from .factories import agency, initiated_review, review_for


def test_publication_before_board_sign_off_is_refused(board):
    review = initiated_review(board)
    milestone_add(review=review, kind="board_sign_off", actual_on=date(2014, 9, 20))
    with pytest.raises(ValidationError, match="cannot be before the board sign-off"):
        milestone_add(
            review=review,
            kind="publication",
            actual_on=date(2014, 9, 1),
            web_address="https://example.org/report.pdf",
        )
    assert Milestone.objects.count() == 1


def test_publication_needs_a_sign_off_and_a_web_address(board):
    review = initiated_review(board)
    with pytest.raises(ValidationError, match="Record the board sign-off before"):
        milestone_add(
            review=review,
            kind="publication",
            actual_on=date(2014, 9, 1),
            web_address="https://example.org/report.pdf",
        )
    milestone_add(review=review, kind="board_sign_off", actual_on=date(2014, 9, 1))
    with pytest.raises(ValidationError, match="web address"):
        milestone_add(review=review, kind="publication", actual_on=date(2014, 10, 1))


def test_a_sign_off_cannot_move_before_the_final_panel(board):
    review = initiated_review(board)
    milestone_add(review=review, kind="final_panel", actual_on=date(2014, 8, 1))
    with pytest.raises(ValidationError, match="cannot be before the final panel"):
        milestone_add(review=review, kind="board_sign_off", actual_on=date(2014, 7, 1))


def test_an_agency_report_names_its_agency_and_is_received_after_the_request(board):
    review = initiated_review(board)
    police = agency(board)
    with pytest.raises(ValidationError, match="Choose the agency"):
        milestone_add(review=review, kind="agency_requested", actual_on=date(2014, 4, 1))
    milestone_add(review=review, kind="agency_requested", agency=police, actual_on=date(2014, 4, 1))
    with pytest.raises(ValidationError, match="cannot be before the agency report requested"):
        milestone_add(
            review=review, kind="agency_received", agency=police, actual_on=date(2014, 3, 30)
        )


def test_another_boards_agency_is_refused(board, other_board):
    review = initiated_review(board)
    with pytest.raises(ValidationError, match="agency of this board"):
        milestone_add(
            review=review,
            kind="agency_requested",
            agency=agency(other_board),
            actual_on=date(2014, 4, 1),
        )


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"notified_on": date(2014, 3, 1)}, "on or after the incident"),
        ({"review_type": "joint"}, "other board of this joint review"),
        (
            {"incident_on": date(2099, 1, 1), "notified_on": date(2099, 1, 2)},
            "today or in the past",
        ),
    ],
)
def test_a_review_with_bad_dates_or_details_is_not_saved(board, fields, message):
    with pytest.raises(ValidationError, match=message):
        review_for(board, **fields)
    assert not CaseReview.objects.exists()


def test_a_recommendation_without_an_owner_saves_nothing(board, scr_member, client_for):
    review = initiated_review(board)
    url = f"/boards/{board.slug}/reviews/case-reviews/{review.pk}/recommendations/new/"
    data = {
        "text": "Improve escalation",
        "scope": "multi",
        "owner_agency": "",
        **date_parts("due_date", "31/3/2015"),
    }
    response = client_for(scr_member).post(url, data)
    assert response.status_code == 200
    assert "Choose the agency that owns this recommendation" in response.content.decode()
    assert not Recommendation.objects.exists() and not Action.objects.exists()


def test_a_recommendation_before_the_decision_to_initiate_is_refused(board, scr_member, client_for):
    review = review_for(board)
    police = agency(board)
    url = f"/boards/{board.slug}/reviews/case-reviews/{review.pk}/recommendations/new/"
    data = {
        "text": "X",
        "scope": "single",
        "owner_agency": str(police.pk),
        **date_parts("due_date", "31/3/2015"),
    }
    response = client_for(scr_member).post(url, data)
    assert "review the board has initiated" in response.content.decode()
    assert not Recommendation.objects.exists()


def test_a_decision_needs_reasons_and_a_date_after_notification(board, scr_member, client_for):
    review = review_for(board)
    url = f"/boards/{board.slug}/reviews/case-reviews/{review.pk}/decision/"
    data = {
        "decision": "initiate",
        **date_parts("decision_on", "1/3/2014"),
        "decision_reasons": "Met",
        "decided_by": "Chair",
        "methodology": "silp",
    }
    response = client_for(scr_member).post(url, data)
    assert "on or after the notification" in response.content.decode()
    review.refresh_from_db()
    assert review.decision == ""


def test_completing_an_action_needs_evidence_and_sign_off_is_for_the_sub_group(
    board, scr_member, manager, client_for
):
    from reviews.case_reviews.services.actions import recommendation_create

    review = initiated_review(board)
    recommendation_create(
        review=review,
        text="Audit",
        scope="single",
        owner_agency=agency(board),
        due_date=date(2015, 3, 31),
        created_by=scr_member,
    )
    action = Action.objects.get()
    progress = f"/boards/{board.slug}/reviews/case-reviews/actions/{action.pk}/progress/"
    response = client_for(manager).post(
        progress, {"status": "complete", "text": "Done", "evidence": ""}
    )
    assert "Enter the evidence" in response.content.decode()
    action.refresh_from_db()
    assert action.status == "not_started"
    client_for(manager).post(
        progress, {"status": "complete", "text": "Done", "evidence": "Audit report"}
    )
    sign_off = f"/boards/{board.slug}/reviews/case-reviews/actions/{action.pk}/sign-off/"
    assert client_for(manager).post(sign_off).status_code == 403
    assert client_for(scr_member).post(sign_off).status_code == 302
    action.refresh_from_db()
    assert action.is_signed_off and action.signed_off_by == scr_member

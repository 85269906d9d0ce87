"""The reviewer and panel chair must be independent of every agency involved."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from reviews.case_reviews.models import Appointment
from reviews.case_reviews.services.reviews import appointment_add, case_review_update
from tests.forms import date_parts

from .factories import agency, initiated_review

APPOINTMENT = {
    "role": "reviewer",
    "name": "Jane Author",
    "affiliation": "Independent consultant",
    "declared_independent": True,
    "declaration_on": date(2014, 4, 1),
    "references_taken_up": True,
    "trained_on": date(2013, 11, 1),
}


def test_an_appointment_from_an_agency_involved_is_refused(board):
    police = agency(board)
    review = initiated_review(board, agencies=[police])
    with pytest.raises(ValidationError) as error:
        appointment_add(review=review, **{**APPOINTMENT, "employing_agency": police})
    assert "is involved in this case" in str(error.value)
    assert not Appointment.objects.exists()


def test_an_appointment_without_a_declaration_is_refused(board):
    review = initiated_review(board)
    with pytest.raises(ValidationError, match="declaration of independence"):
        appointment_add(review=review, **{**APPOINTMENT, "declared_independent": False})
    assert not Appointment.objects.exists()


def test_someone_from_an_agency_not_involved_can_be_appointed(board):
    review = initiated_review(board, agencies=[agency(board)])
    other = agency(board, "Testshire Health")
    appointment = appointment_add(review=review, **{**APPOINTMENT, "employing_agency": other})
    assert appointment.pk
    with pytest.raises(ValidationError, match="could not stay independent"):
        case_review_update(review=review, agencies_involved=[other])


def test_the_page_shows_the_refusal(board, scr_member, client_for):
    police = agency(board)
    review = initiated_review(board, agencies=[police])
    url = f"/boards/{board.slug}/reviews/case-reviews/{review.pk}/appointments/new/"
    data = {
        "role": "panel_chair",
        "name": "Sam Chair",
        "affiliation": "Testshire Police",
        "employing_agency": str(police.pk),
        "declared_independent": "on",
        **date_parts("declaration_on", "1/4/2014"),
    }
    response = client_for(scr_member).post(url, data)
    assert response.status_code == 200
    assert "is involved in this case" in response.content.decode()
    assert not Appointment.objects.exists()

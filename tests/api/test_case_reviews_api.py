"""Case reviews and their actions through the API: SCR roles, the manager and the chair."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from api.services import api_token_create
from reviews.case_reviews.services.actions import recommendation_create

from ..reviews.case_reviews.factories import agency, initiated_review


def token_client(user) -> Client:
    _, secret = api_token_create(user=user, name="test", valid_days=None)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def actions_url(board) -> str:
    return reverse("api:case-review-action-list", kwargs={"board_slug": board.slug})


@pytest.fixture
def review_with_action(board, scr_member):
    review = initiated_review(board, reference="Child M")
    recommendation_create(
        review=review,
        text="Improve pre-birth planning",
        scope="single",
        owner_agency=agency(board),
        due_date=date(2015, 9, 30),
        created_by=scr_member,
    )
    return review


def test_an_scr_member_reads_reviews_and_their_actions(scr_member, board, review_with_action):
    client = token_client(scr_member)
    reviews = client.get(reverse("api:case-review-list", kwargs={"board_slug": board.slug}))
    assert [r["reference"] for r in reviews.json()["results"]] == ["Child M"]
    actions = client.get(actions_url(board)).json()["results"]
    assert actions[0]["review"] == "Child M"
    assert actions[0]["recommendation"] == "Improve pre-birth planning"


@pytest.mark.parametrize("persona", ["board_member", "cdop_member", "viewer"])
def test_other_board_roles_get_403(persona, request, board, review_with_action):
    user = request.getfixturevalue(persona)
    assert token_client(user).get(actions_url(board)).status_code == 403

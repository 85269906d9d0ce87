"""Indicators written through the API: the board manager adds and changes them with the
API's permissions, strict input and Idempotency-Key; the period type is refused while
the indicator has figures."""

import pytest
from django.test import Client
from django.urls import reverse

from api.services import api_token_create
from datasets.models import CategorySet, Indicator
from tests.datasets.factories import catalogue, load


def token_client(user) -> Client:
    _, secret = api_token_create(user=user, name="test", valid_days=None)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def list_url(board) -> str:
    return reverse("api:indicator-list", kwargs={"board_slug": board.slug})


def detail_url(board, indicator) -> str:
    return reverse("api:indicator-detail", kwargs={"board_slug": board.slug, "id": indicator.pk})


BODY = {"code": "assessments", "name": "Assessments completed", "theme": "Assessments",
        "unit": "count", "period_type": "quarter", "rollup": "sum"}  # fmt: skip


def test_the_manager_adds_an_indicator(manager, board):
    CategorySet.objects.create(board=board, code="timeliness", name="Timeliness")
    response = token_client(manager).post(
        list_url(board), {**BODY, "breakdown_sets": ["timeliness"]}, content_type="application/json"
    )
    assert response.status_code == 201, response.json()
    indicator = Indicator.objects.get(board=board, code="assessments")
    assert [s.code for s in indicator.breakdown_sets.all()] == ["timeliness"]
    assert response.json()["name"] == "Assessments completed"


def test_a_retried_create_with_the_same_key_is_answered_once(manager, board):
    client = token_client(manager)
    first = client.post(
        list_url(board), BODY, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1"
    )
    again = client.post(
        list_url(board), BODY, content_type="application/json", HTTP_IDEMPOTENCY_KEY="k1"
    )
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    assert Indicator.objects.filter(board=board).count() == 1


def test_a_ratio_names_its_parts_by_code(manager, board):
    indicators = catalogue(board)
    body = {**BODY, "code": "rate", "unit": "percentage", "rollup": "ratio",
            "numerator": "assessments_45", "denominator": "assessments"}  # fmt: skip
    response = token_client(manager).post(list_url(board), body, content_type="application/json")
    assert response.status_code == 201, response.json()
    rate = Indicator.objects.get(board=board, code="rate")
    assert rate.numerator == indicators["assessments_45"]


@pytest.mark.parametrize(
    "body, field",
    [
        ({**BODY, "code": ""}, "code"),
        ({**BODY, "unit": "furlongs"}, "unit"),
        ({**BODY, "colour": "red"}, "colour"),
        ({**BODY, "rollup": "ratio", "unit": "percentage"}, "rollup"),
        ({**BODY, "numerator": "nope"}, "numerator"),
        ({**BODY, "breakdown_sets": ["nope"]}, "breakdown_sets"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(manager, board, body, field):
    response = token_client(manager).post(list_url(board), body, content_type="application/json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Indicator.objects.filter(board=board).exists()


def test_a_code_taken_on_the_board_is_refused(manager, board):
    client = token_client(manager)
    client.post(list_url(board), BODY, content_type="application/json")
    response = client.post(list_url(board), BODY, content_type="application/json")
    assert response.status_code in (400, 409)
    assert Indicator.objects.filter(board=board).count() == 1


def test_another_boards_indicator_is_not_a_numerator(manager, board, other_board):
    catalogue(other_board)
    body = {**BODY, "code": "rate", "unit": "percentage", "rollup": "ratio",
            "numerator": "assessments_45", "denominator": "assessments"}  # fmt: skip
    response = token_client(manager).post(list_url(board), body, content_type="application/json")
    assert response.status_code == 400 and "numerator" in response.json()


def test_the_manager_changes_an_indicator(manager, board):
    indicator = catalogue(board)["cp_plans"]
    response = token_client(manager).patch(
        detail_url(board, indicator),
        {"name": "Children on a plan"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    indicator.refresh_from_db()
    assert indicator.name == "Children on a plan"


def test_the_period_type_is_refused_while_there_are_figures(manager, board):
    catalogue(board)
    load(board, [["cp_plans", "2014-15 Q1", "total", "392"]])
    indicator = Indicator.objects.get(board=board, code="cp_plans")
    response = token_client(manager).patch(
        detail_url(board, indicator), {"period_type": "month"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert "cannot change while the indicator has figures" in str(response.json()["period_type"])
    indicator.refresh_from_db()
    assert indicator.period_type == "quarter"


def test_a_board_member_reads_but_cannot_write(board_member, board):
    client = token_client(board_member)
    assert client.get(list_url(board)).status_code == 200
    assert client.post(list_url(board), BODY, content_type="application/json").status_code == 403


def test_another_boards_manager_gets_404(other_board_manager, board):
    response = token_client(other_board_manager).post(
        list_url(board), BODY, content_type="application/json"
    )
    assert response.status_code == 404

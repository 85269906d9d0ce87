"""Quarterly returns through the API: a chair's token reaches only that chair's sub-group."""

from django.test import Client
from django.urls import reverse

from api.services import api_token_create
from subgroups.models import QuarterlyReturn, ReturnStatus
from subgroups.services.spec import template_spec

from ..subgroups.factories import add_referrals, subgroup_with_chair


def token_client(user) -> Client:
    _, secret = api_token_create(user=user, name="test", valid_days=None)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def url(board, what: str) -> str:
    return reverse(f"api:return-{what}", kwargs={"board_slug": board.slug})


def complete_content(subgroup, total="10", police="6", health="4") -> dict:
    spec = template_spec(subgroup)
    indicator = spec["indicators"][0]
    categories = [c for b in indicator["breakdowns"] for c in b["categories"]]
    figures = {indicator["id"]: total}
    for category, value in zip(categories, [police, health], strict=True):
        figures[f"{indicator['id']}:{category['id']}"] = value
    return {
        "questions": {q["id"]: "Done" for q in spec["questions"]},
        "figures": figures,
    }


def body(subgroup, content, version=0) -> dict:
    return {
        "subgroup": str(subgroup.pk),
        "quarter": "2014-15 Q1",
        "version": version,
        "content": content,
    }


def test_a_chair_submits_their_sub_groups_return(board, subgroup_chair):
    health = subgroup_with_chair(board, subgroup_chair)
    add_referrals(health)
    response = token_client(subgroup_chair).post(
        url(board, "submit"),
        body(health, complete_content(health)),
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == ReturnStatus.SUBMITTED
    assert QuarterlyReturn.objects.get(subgroup=health).status == ReturnStatus.SUBMITTED


def test_a_chair_cannot_submit_another_sub_groups_return(board, subgroup_chair, manager):
    subgroup_with_chair(board, subgroup_chair, name="Health")
    education = subgroup_with_chair(board, manager, name="Education")
    response = token_client(subgroup_chair).post(
        url(board, "submit"),
        body(education, complete_content_without_figures(education)),
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not QuarterlyReturn.objects.filter(subgroup=education).exists()


def complete_content_without_figures(subgroup) -> dict:
    return {"questions": {q["id"]: "Done" for q in template_spec(subgroup)["questions"]}}


def test_a_board_members_token_cannot_write_returns(board, board_member, subgroup_chair):
    health = subgroup_with_chair(board, subgroup_chair)
    response = token_client(board_member).post(
        url(board, "save"), body(health, {}), content_type="application/json"
    )
    assert response.status_code == 403


def test_a_breakdown_that_does_not_add_up_is_refused_with_the_reason(board, subgroup_chair):
    health = subgroup_with_chair(board, subgroup_chair)
    add_referrals(health)
    content = complete_content(health, total="10", police="6", health="5")
    response = token_client(subgroup_chair).post(
        url(board, "submit"), body(health, content), content_type="application/json"
    )
    assert response.status_code == 400
    assert "content" in response.json()
    assert QuarterlyReturn.objects.filter(status=ReturnStatus.SUBMITTED).count() == 0


def test_an_id_not_in_the_template_is_refused(board, subgroup_chair):
    health = subgroup_with_chair(board, subgroup_chair)
    response = token_client(subgroup_chair).post(
        url(board, "save"),
        body(health, {"questions": {"no-such-question": "x"}}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "no-such-question" in str(response.json())


def test_a_stale_version_is_a_conflict_and_changes_nothing(board, subgroup_chair):
    health = subgroup_with_chair(board, subgroup_chair)
    client = token_client(subgroup_chair)
    first = complete_content_without_figures(health)
    assert (
        client.post(
            url(board, "save"), body(health, first), content_type="application/json"
        ).status_code
        == 200
    )
    second = {"questions": {key: "Changed" for key in first["questions"]}}
    response = client.post(
        url(board, "save"), body(health, second, version=0), content_type="application/json"
    )
    assert response.status_code == 409
    saved = QuarterlyReturn.objects.get(subgroup=health)
    assert set(saved.content["questions"].values()) == {"Done"}


def test_return_readers_read_a_draft_and_a_viewer_is_refused_as_on_the_page(
    board, subgroup_chair, board_member, viewer
):
    health = subgroup_with_chair(board, subgroup_chair)
    token_client(subgroup_chair).post(
        url(board, "save"), body(health, complete_content_without_figures(health)),
        content_type="application/json",
    )  # fmt: skip
    listing = token_client(board_member).get(url(board, "list")).json()
    assert listing["count"] == 1
    assert listing["results"][0]["quarter"] == "2014-15 Q1"
    assert token_client(viewer).get(url(board, "list")).status_code == 403

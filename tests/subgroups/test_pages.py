from django.urls import reverse

from board.models import Person
from subgroups.models import SubGroup, SubGroupMembership
from subgroups.services.groups import returns_settings
from tests.forms import date_parts

from .factories import subgroup_with_chair
from .test_workflow import submit


def _many(board, user, count):
    for n in range(count):
        subgroup_with_chair(board, user, name=f"Group {n}")


def _queries(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_list_and_completeness_pages_issue_the_same_queries_for_2_or_20_groups(
    board, manager, client_for, django_assert_max_num_queries
):
    returns_settings(board)  # created on first use: not part of what is measured
    client = client_for(manager)
    slug = {"board_slug": board.slug}
    urls = [
        reverse("subgroups:subgroup-list", kwargs=slug),
        reverse("subgroups:completeness", kwargs=slug),
    ]
    _many(board, manager, 2)
    small = [_queries(client, url, django_assert_max_num_queries, 40) for url in urls]
    _many(board, manager, 20)
    large = [_queries(client, url, django_assert_max_num_queries, 40) for url in urls]
    assert small == large


def test_the_manager_adds_a_sub_group_with_default_questions_and_a_bad_seat_is_refused(
    board, other_board, manager, client_for
):
    client = client_for(manager)
    url = reverse("subgroups:subgroup-create", kwargs={"board_slug": board.slug})
    assert "Enter the name" in client.post(url, {"kind": "general"}).content.decode()
    response = client.post(url, {"name": "Neglect", "kind": "general"})
    subgroup = SubGroup.objects.get(board=board, name="Neglect")
    assert response.status_code == 302 and subgroup.questions.count() == 5
    stranger = Person.objects.create(board=other_board, full_name="Someone elsewhere")
    seat_url = reverse(
        "subgroups:seat-add", kwargs={"board_slug": board.slug, "subgroup_id": subgroup.pk}
    )
    response = client.post(
        seat_url, {"person": stranger.pk, "role": "chair", **date_parts("start_date", "1/4/2014")}
    )
    assert "Choose the person" in response.content.decode()
    assert not SubGroupMembership.objects.exists()


def test_a_second_cdop_sub_group_is_refused(board, manager, client_for):
    SubGroup.objects.create(board=board, name="CDOP", kind="cdop")
    url = reverse("subgroups:subgroup-create", kwargs={"board_slug": board.slug})
    response = client_for(manager).post(url, {"name": "Another panel", "kind": "cdop"})
    assert "already has a sub-group of this kind" in response.content.decode()


def test_another_boards_sub_group_is_not_found(board, other_board, manager, client_for):
    theirs = SubGroup.objects.create(board=other_board, name="Theirs")
    url = reverse(
        "subgroups:subgroup-detail", kwargs={"board_slug": board.slug, "subgroup_id": theirs.pk}
    )
    assert client_for(manager).get(url).status_code == 404


def test_the_return_page_shows_its_history(board, health, subgroup_chair, manager, client_for):
    submit(health, subgroup_chair)
    url = reverse(
        "subgroups:return-detail",
        kwargs={"board_slug": board.slug, "subgroup_id": health.pk, "quarter": "2014-15-q1"},
    )
    page = client_for(manager).get(url).content.decode()
    assert "Submitted (late)" in page and "Subgroupchair" in page

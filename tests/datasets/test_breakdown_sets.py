"""Breakdown sets and their categories, made and changed in the browser's forms; deleted
only after confirming, and never while in use."""

import pytest
from django.urls import reverse

from datasets.models import Category, CategorySet, Observation

from .factories import catalogue, load


def url(board, name, **kwargs):
    return reverse(f"datasets:{name}", kwargs={"board_slug": board.slug, **kwargs})


@pytest.fixture
def timeliness(board):
    bands = CategorySet.objects.create(board=board, code="timeliness", name="Assessment timeliness")
    Category.objects.create(
        board=board, category_set=bands, code="within_45", label="Within 45 days"
    )
    return bands


def test_the_manager_adds_a_set_and_its_categories(board, manager, client_for):
    client = client_for(manager)
    response = client.post(
        url(board, "breakdown-create"), {"name": "Assessment timeliness", "code": ""}
    )
    bands = CategorySet.objects.get(board=board)
    assert bands.code == "assessment_timeliness"  # made from the name
    assert response.url == url(board, "breakdown-detail", pk=bands.pk)
    client.post(
        url(board, "category-create", set_pk=bands.pk),
        {"label": "Within 45 days", "code": "", "order": "1"},
    )
    client.post(
        url(board, "category-create", set_pk=bands.pk),
        {"label": "Over 45 days", "code": "over_45", "order": "2"},
    )
    page = client.get(url(board, "breakdown-detail", pk=bands.pk)).text
    assert "assessment_timeliness:within_45_days" in page
    assert "assessment_timeliness:over_45" in page
    assert "Over 45 days" in client.get(url(board, "breakdown-list")).text


@pytest.mark.parametrize(
    "data, message",
    [
        ({"name": "", "code": ""}, "Enter the name of the breakdown set"),
        ({"name": "Bands", "code": "not a code!"}, "only letters, numbers"),
        ({"name": "assessment TIMELINESS", "code": ""}, "has a breakdown set with this name"),
        ({"name": "Other", "code": "timeliness"}, "has a breakdown set with this code"),
    ],
)
def test_bad_input_on_the_set_form_is_named(board, manager, client_for, timeliness, data, message):
    response = client_for(manager).post(url(board, "breakdown-create"), data)
    assert response.status_code == 200
    assert message in response.text
    assert CategorySet.objects.count() == 1


@pytest.mark.parametrize(
    "data, message",
    [
        ({"label": "", "code": "", "order": "0"}, "Enter the name of the category"),
        ({"label": "within 45 DAYS", "code": "", "order": "0"}, "has a category with this name"),
        ({"label": "Later", "code": "within_45", "order": "0"}, "has a category with this code"),
        ({"label": "Later", "code": "", "order": "first"}, "Enter the position as a"),
    ],
)
def test_bad_input_on_the_category_form_is_named(
    board, manager, client_for, timeliness, data, message
):
    response = client_for(manager).post(url(board, "category-create", set_pk=timeliness.pk), data)
    assert response.status_code == 200
    assert message in response.text
    assert Category.objects.count() == 1


def test_a_category_is_renamed(board, manager, client_for, timeliness):
    category = timeliness.categories.get()
    client_for(manager).post(
        url(board, "category-edit", pk=category.pk),
        {"label": "In 45 working days", "code": "within_45", "order": "0"},
    )
    category.refresh_from_db()
    assert category.label == "In 45 working days"


def test_a_set_is_deleted_after_confirming(board, manager, client_for, timeliness):
    client = client_for(manager)
    confirm = client.get(url(board, "breakdown-delete", pk=timeliness.pk))
    assert "Are you sure you want to delete this breakdown set?" in confirm.text
    assert CategorySet.objects.exists()
    client.post(url(board, "breakdown-delete", pk=timeliness.pk))
    assert not CategorySet.objects.exists() and not Category.objects.exists()


def test_a_set_used_by_an_indicator_is_not_deleted(board, manager, client_for):
    indicators = catalogue(board)
    used = indicators["cp_plans"].breakdown_sets.first()
    response = client_for(manager).post(url(board, "breakdown-delete", pk=used.pk), follow=True)
    assert "cannot be deleted" in response.text
    assert "Children with a child protection plan" in response.text
    assert CategorySet.objects.filter(pk=used.pk).exists()


def test_a_category_with_figures_is_not_deleted(board, manager, client_for):
    catalogue(board)
    load(board, [["cp_plans", "2014-15 Q1", "category_of_abuse:neglect", "10"]])
    category = Observation.objects.get(category__isnull=False).category
    category.category_set.indicators.clear()
    client = client_for(manager)
    response = client.post(url(board, "category-delete", pk=category.pk), follow=True)
    assert "figures are recorded against it" in response.text
    response = client.post(url(board, "breakdown-delete", pk=category.category_set_id), follow=True)
    assert "Figures are recorded against its categories" in response.text
    assert Category.objects.filter(pk=category.pk).exists()


def test_another_boards_set_is_not_found(board, other_board, manager, client_for):
    theirs = CategorySet.objects.create(board=other_board, code="x", name="X")
    client = client_for(manager)
    assert client.get(url(board, "breakdown-detail", pk=theirs.pk)).status_code == 404
    assert (
        client.post(url(board, "category-create", set_pk=theirs.pk), {"label": "A"}).status_code
        == 404
    )

"""Long lists page, and the page links keep the list's filters."""

from django.urls import reverse

from ..factories import AgencyFactory


def test_a_long_list_pages_and_keeps_its_filters(client_for, viewer, board):
    AgencyFactory.create_batch(30, board=board)
    url = reverse("agency-list", kwargs={"board_slug": board.slug})
    page = client_for(viewer).get(url, {"sort": "name"}).content.decode()
    assert 'rel="next"' in page
    assert "?sort=name&amp;page=2" in page
    second = client_for(viewer).get(url, {"sort": "name", "page": 2}).content.decode()
    assert 'rel="prev"' in second

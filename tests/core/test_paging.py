"""One paginator and one GOV.UK pagination template: page links keep the list's filters."""

import re

from django.urls import reverse

from board.models import ActionStatus
from core.paging import paginate
from tests.board.factories import ActionFactory


def _links(html: str) -> list[str]:
    nav = re.search(r'<nav class="govuk-pagination".*?</nav>', html, re.S).group(0)
    return [link.replace("&amp;", "&") for link in re.findall(r'href="([^"]+)"', nav)]


def test_page_two_of_the_filtered_action_tracker_is_still_filtered(client_for, manager, board):
    ActionFactory.create_batch(30, board=board, status=ActionStatus.ON_TRACK)
    ActionFactory.create_batch(3, board=board, status=ActionStatus.COMPLETE)
    client = client_for(manager)
    url = reverse("action-list", kwargs={"board_slug": board.slug})
    first = client.get(url, {"status": ActionStatus.ON_TRACK}).content.decode()
    next_link = [link for link in _links(first) if "page=2" in link][0]
    assert f"status={ActionStatus.ON_TRACK}" in next_link
    second = client.get(url + next_link).content.decode()
    assert second.count("govuk-table__row") == 30 - 25 + 1  # five actions and the head row


def test_a_page_number_that_is_not_a_number_shows_the_first_page(rf):
    request = rf.get("/", {"page": "two"})
    assert paginate(request, list(range(60)), 25).number == 1
    request = rf.get("/", {"page": "99"})
    assert paginate(request, list(range(60)), 25).number == 3


def test_every_paged_template_uses_the_one_pagination_template():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    own = [
        str(path.relative_to(root))
        for path in root.glob("**/templates/**/*.html")
        if "node_modules" not in path.parts
        and path.name != "pagination.html"
        and "govuk-pagination__prev" in path.read_text()
        # The block variant moves between items of a series (the calendar's months), not
        # between pages of one list: GOV.UK's pattern for it, not a list's own paging.
        and "govuk-pagination--block" not in path.read_text()
    ]
    assert own == []


def test_a_list_with_its_own_parameter_pages_without_moving_the_other_list(rf):
    """The retention report has two lists: paging one keeps the other's page and filters."""
    from django.template.loader import render_to_string

    request = rf.get("/", {"cdop_page": "2", "review_page": "3"})
    page = paginate(request, list(range(60)), 25, param="cdop_page")
    assert page.number == 2
    html = render_to_string(
        "includes/pagination.html", {"page": page, "label": "Pages of cases"}, request
    )
    assert 'aria-label="Pages of cases"' in html
    links = _links(html)
    assert "?cdop_page=3&review_page=3" in links or "?review_page=3&cdop_page=3" in links
    assert all("review_page=3" in link and "page=" in link for link in links)

"""The header lists sections, not every page: each section's page lists what this person
may open in it, and a section with nothing for them does not exist."""

import pytest
from django.urls import reverse

from board import navigation

SECTIONS = ["Board business", "Returns and data", "Reviews and assurance"]


def header(html: str) -> str:
    start = html.index('aria-label="Menu"')
    return html[start : html.index("</nav>", start)]


def section_url(board, key: str) -> str:
    return reverse("board-section", kwargs={"board_slug": board.slug, "section": key})


def test_the_header_shows_sections_in_order(board, manager, client_for):
    html = header(client_for(manager).get(f"/boards/{board.slug}/").content.decode())
    positions = [html.index(label) for label in ["Overview", *SECTIONS, "Annual reports"]]
    assert positions == sorted(positions)
    for page_label in ("Meetings", "Audits", "Performance", "Records past retention"):
        assert f">{page_label}<" not in html  # inside their sections, not in the header
    # Sections and the few pages of their own, plus Notifications, Your boards, Sign out.
    assert html.count("govuk-service-navigation__item") <= 10


def test_a_section_page_lists_only_what_the_role_may_open(
    board, manager, viewer, cdop_member, client_for
):
    manager_page = client_for(manager).get(section_url(board, "assurance")).content.decode()
    assert "Records past retention" in manager_page
    assert "Child deaths<" not in manager_page  # CDOP members only
    viewer_page = client_for(viewer).get(section_url(board, "assurance")).content.decode()
    assert "Records past retention" not in viewer_page
    assert "Audits" in viewer_page
    cdop_page = client_for(cdop_member).get(section_url(board, "assurance")).content.decode()
    assert ">Child deaths<" in cdop_page


def test_the_section_holding_the_page_is_marked_current(board, viewer, client_for):
    audits = reverse("assurance:audit-list", kwargs={"board_slug": board.slug})
    html = header(client_for(viewer).get(audits).content.decode())
    current = html[html.index('aria-current="page"') :]
    assert "Reviews and assurance" in current[: current.index("</a>")]
    assert html.count('aria-current="page"') == 1


def test_an_unknown_section_is_not_found(board, subgroup_chair, client_for):
    client = client_for(subgroup_chair)
    assert client.get(section_url(board, "no-such-section")).status_code == 404
    assert client.get(section_url(board, "data")).status_code == 200  # My returns is there


def test_an_unknown_section_is_refused_when_registering():
    with pytest.raises(ValueError, match="Unknown navigation section"):
        navigation.register("Nowhere", "board-detail", section="elsewhere")

"""Independent scrutiny: the plan for the year, findings pointing at evidence, challenges
raised from them into the challenge log, the board manager told of each, search."""

from datetime import date

import pytest
from django.urls import reverse

from board import search
from board.access import access_for
from board.models import Challenge, Notification, ScrutinyArea, ScrutinyFinding
from board.services.scrutiny import scrutiny_challenge_raise, scrutiny_finding_save
from tests.factories import AgencyFactory
from tests.forms import date_parts

from .factories import ScrutinyAreaFactory, ScrutinyFindingFactory


def url(board, name, **kwargs) -> str:
    return reverse(name, kwargs={"board_slug": board.slug, **kwargs})


def test_the_scrutineer_plans_an_area_for_the_year(board, scrutineer, viewer, client_for):
    client = client_for(scrutineer)
    data = {
        "title": "Front door",
        "description": "Thresholds at the MASH",
        **date_parts("planned_start", date(2024, 5, 1)),
        **date_parts("planned_end", date(2024, 7, 31)),
    }
    response = client.post(url(board, "scrutiny-area-create") + "?year=2024-25", data)
    assert response.status_code == 302
    area = ScrutinyArea.objects.get(board=board)
    assert area.year == 2024
    page = client_for(viewer).get(url(board, "scrutiny-plan") + "?year=2024-25")
    html = page.content.decode()
    assert "Front door" in html and "1 May 2024 to 31 Jul 2024" in html
    assert "Add an area" not in html  # a viewer reads only


def test_an_area_that_ends_before_it_starts_is_refused(board, scrutineer, client_for):
    data = {
        "title": "Front door",
        **date_parts("planned_start", date(2024, 5, 1)),
        **date_parts("planned_end", date(2024, 4, 1)),
    }
    response = client_for(scrutineer).post(url(board, "scrutiny-area-create"), data)
    assert response.status_code == 200
    assert "The planned end must be on or after the planned start" in response.content.decode()
    assert not ScrutinyArea.objects.exists()


def test_a_finding_tells_the_board_manager(board, scrutineer, manager, client_for):
    area = ScrutinyAreaFactory(board=board)
    data = {
        **date_parts("found_on", date(2024, 6, 3)),
        "area": area.pk,
        "text": "Referrals wait too long",
        "evidence": f"/boards/{board.slug}/datasets/",
    }
    response = client_for(scrutineer).post(url(board, "scrutiny-finding-create"), data)
    assert response.status_code == 302
    finding = ScrutinyFinding.objects.get(board=board)
    assert finding.area == area and finding.evidence_is_link
    told = Notification.objects.get(kind="scrutiny_finding_raised")
    assert told.recipient == manager
    assert not Notification.objects.filter(recipient=scrutineer).exists()
    listing = client_for(manager).get(url(board, "scrutiny-finding-list")).content.decode()
    assert f'href="/boards/{board.slug}/datasets/"' in listing


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "x", **date_parts("found_on", None)}, "Enter the date of the finding"),
        ({"text": "", **date_parts("found_on", date(2024, 1, 1))}, "Enter the finding"),
        ({"text": "x", **date_parts("found_on", "31/2/2024")}, "must be a real date"),
        ({"text": "x", "area": "not-an-id", **date_parts("found_on", date(2024, 1, 1))}, "area"),
    ],
)
def test_a_wrong_finding_is_named_on_the_form(board, scrutineer, client_for, data, message):
    response = client_for(scrutineer).post(url(board, "scrutiny-finding-create"), data)
    assert response.status_code == 200
    assert message.lower() in response.content.decode().lower()
    assert not ScrutinyFinding.objects.exists()


def test_an_evidence_address_elsewhere_is_not_a_link(board):
    finding = ScrutinyFindingFactory(board=board, evidence="//elsewhere.example/x")
    assert not finding.evidence_is_link
    assert not ScrutinyFindingFactory(board=board, evidence="javascript:alert(1)").evidence_is_link


def test_a_challenge_raised_from_a_finding_enters_the_challenge_log(
    board, scrutineer, manager, client_for
):
    finding = ScrutinyFindingFactory(board=board)
    agency = AgencyFactory(board=board, name="Health trust")
    client = client_for(scrutineer)
    page = url(board, "scrutiny-finding-challenge", pk=finding.pk)
    assert finding.text in client.get(page).content.decode()  # the issue starts as the finding
    raised = date_parts("raised_on", date(2024, 7, 1))
    data = {"agency": agency.pk, "issue": "Show the evidence", **raised}
    assert client.post(page, data).status_code == 302
    finding.refresh_from_db()
    challenge = Challenge.objects.get(board=board)
    assert finding.challenge == challenge and challenge.agency == agency
    assert Notification.objects.get(kind="scrutiny_challenge_raised").recipient == manager
    log = client_for(manager).get(url(board, "challenge-list")).content.decode()
    assert "Show the evidence" in log
    again = client.get(page)
    assert again.status_code == 302  # one challenge per finding
    assert Challenge.objects.count() == 1


def test_a_challenge_needs_an_agency_of_this_board(board, other_board, scrutineer, client_for):
    finding = ScrutinyFindingFactory(board=board)
    elsewhere = AgencyFactory(board=other_board)
    page = url(board, "scrutiny-finding-challenge", pk=finding.pk)
    for agency in ("", elsewhere.pk):
        data = {"agency": agency, "issue": "x", **date_parts("raised_on", date(2024, 7, 1))}
        response = client_for(scrutineer).post(page, data)
        assert response.status_code == 200
        assert "Choose the agency challenged" in response.content.decode()
    assert not Challenge.objects.exists()


def test_another_boards_finding_is_not_found(board, other_board, scrutineer, client_for):
    finding = ScrutinyFindingFactory(board=other_board)
    for name in ("scrutiny-finding-edit", "scrutiny-finding-challenge"):
        response = client_for(scrutineer).get(url(board, name, pk=finding.pk))
        assert response.status_code == 404


def test_a_finding_is_told_once_and_editing_it_tells_nobody(board, manager, scrutineer):
    finding = scrutiny_finding_save(
        finding=ScrutinyFinding(board=board, found_on=date(2024, 1, 2), text="a"), by=scrutineer
    )
    finding.text = "b"
    scrutiny_finding_save(finding=finding, by=scrutineer)
    assert Notification.objects.filter(kind="scrutiny_finding_raised").count() == 1
    agency = AgencyFactory(board=board)
    scrutiny_challenge_raise(
        finding=finding, agency=agency, issue="i", raised_on=date(2024, 1, 3), by=scrutineer
    )
    with pytest.raises(Exception, match="already been raised"):
        scrutiny_challenge_raise(
            finding=finding, agency=agency, issue="i", raised_on=date(2024, 1, 3), by=scrutineer
        )


def test_the_search_finds_a_finding(board, viewer):
    ScrutinyFindingFactory(board=board, text="Thresholds at the front door vary")
    results = search.search(board, access_for(viewer, board), "thresholds")
    assert [r.kind.key for r in results] == ["scrutiny_findings"]


def test_the_findings_list_pages_in_constant_queries(
    board, scrutineer, client_for, django_assert_max_num_queries
):
    client = client_for(scrutineer)
    agency = AgencyFactory(board=board)
    for n in range(3):
        challenge = Challenge.objects.create(
            board=board, agency=agency, issue="i", raised_on=date(2024, 1, 1)
        )
        ScrutinyFindingFactory(board=board, text=f"f{n}", challenge=challenge,
                               area=ScrutinyAreaFactory(board=board))  # fmt: skip
    client.get(url(board, "scrutiny-finding-list"))
    with django_assert_max_num_queries(20) as small:
        client.get(url(board, "scrutiny-finding-list"))
    for n in range(10):
        ScrutinyFindingFactory(board=board, text=f"g{n}", area=ScrutinyAreaFactory(board=board))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url(board, "scrutiny-finding-list"))

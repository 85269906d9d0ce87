"""Boards as LSCBs or partnerships: the arrangement and its date, the words pages use,
partner roles on agencies, and changing the arrangement through its confirmation."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from board import partners, record_visibility
from board.models import Agency, Board, BoardArrangement, PartnerRole, Role, Sector
from board.vocabulary import LSCB, PARTNERSHIP, vocabulary
from tests.factories import AgencyFactory, BoardFactory, user_with_role
from tests.forms import date_parts

CHANGE = date(2019, 9, 29)


def partnership(board, since=CHANGE) -> Board:
    board.arrangement, board.partnership_since = BoardArrangement.PARTNERSHIP, since
    board.save()
    return board


def test_an_lscb_is_an_lscb_on_every_day(board):
    assert board.arrangement == BoardArrangement.LSCB
    assert board.arrangement_on(date(2014, 4, 1)) == BoardArrangement.LSCB
    assert board.arrangement_on(date(2026, 4, 1)) == BoardArrangement.LSCB
    assert vocabulary(board) == LSCB


def test_a_board_that_became_a_partnership_keeps_its_lscb_words_before_the_day(board):
    partnership(board)
    assert board.arrangement_on(date(2019, 9, 28)) == BoardArrangement.LSCB
    assert board.arrangement_on(CHANGE) == BoardArrangement.PARTNERSHIP
    before, after = vocabulary(board, on=date(2015, 3, 31)), vocabulary(board, on=CHANGE)
    assert (before.board, before.report, before.review_short) == ("board", "annual report", "SCR")
    assert (after.board, after.report, after.review, after.review_short, after.chair) == (
        "partnership",
        "yearly report",
        "child safeguarding practice review",
        "CSPR",
        "partnership chair",
    )
    assert vocabulary(board) == PARTNERSHIP  # today


def test_a_partnership_with_no_date_has_always_been_one(board):
    partnership(board, since=None)
    assert board.arrangement_on(date(2010, 1, 1)) == BoardArrangement.PARTNERSHIP


def test_only_a_partnership_has_a_date_it_became_one(board):
    board.partnership_since = CHANGE
    with pytest.raises(ValidationError) as error:
        board.full_clean()
    assert "partnership_since" in error.value.message_dict


def test_vocabulary_with_no_board_is_the_lscbs():
    assert vocabulary(None) == LSCB
    assert LSCB.Report == "Annual report" and PARTNERSHIP.Chair == "Partnership chair"


def test_a_partnerships_pages_use_its_words(board, manager, client_for):
    partnership(board)
    client = client_for(manager)
    home = client.get(reverse("board-detail", kwargs={"board_slug": board.slug}))
    html = home.content.decode()
    assert home.context["vocab"] == PARTNERSHIP
    assert "Partnership business" in html and "Board business" not in html
    assert "Yearly reports" in html and "Your roles on this partnership" in html
    assert "since 29 September 2019" in html
    members = client.get(reverse("member-list", kwargs={"board_slug": board.slug}))
    assert '<h1 class="govuk-heading-l">Partnership members</h1>' in members.content.decode()
    section = client.get(
        reverse("board-section", kwargs={"board_slug": board.slug, "section": "business"})
    )
    assert '<h1 class="govuk-heading-l">Partnership business</h1>' in section.content.decode()


def test_an_lscbs_pages_keep_the_boards_words(board, manager, client_for):
    html = client_for(manager).get(reverse("board-detail", kwargs={"board_slug": board.slug}))
    text = html.content.decode()
    assert "Board business" in text and "Annual reports" in text
    assert "Your roles on this board" in text


def lead(board, name, sector) -> Agency:
    return AgencyFactory(board=board, name=name, sector=sector, partner_role=PartnerRole.LEAD)


def test_the_three_lead_partners_one_per_sector(board, other_board):
    council = lead(board, "Council", Sector.CHILDRENS_SOCIAL_CARE)
    lead(board, "ICB", Sector.HEALTH)
    lead(board, "Police", Sector.POLICE)
    lead(other_board, "Elsewhere police", Sector.POLICE)
    AgencyFactory(board=board, name="Schools", sector=Sector.EDUCATION, partner_role="relevant")
    assert [a.name for a in partners.lead_partners(board)] == ["Council", "ICB", "Police"]
    second = Agency(board=board, name="Council 2", sector=council.sector, partner_role="lead")
    with pytest.raises(ValidationError, match="already has a lead partner of this sector"):
        second.full_clean()


def test_a_lead_partner_must_be_of_a_lead_sector(board):
    schools = Agency(board=board, name="Schools", sector=Sector.EDUCATION, partner_role="lead")
    with pytest.raises(ValidationError) as error:
        schools.full_clean()
    assert "partner_role" in error.value.message_dict


def test_a_delegated_partner_acts_for_a_lead_of_its_own_board(board, other_board):
    police = lead(board, "Police", Sector.POLICE)
    elsewhere = lead(other_board, "Elsewhere", Sector.POLICE)
    relevant = AgencyFactory(board=board, name="Schools", partner_role=PartnerRole.RELEVANT)
    delegated = Agency(board=board, name="BCU", sector=Sector.POLICE, partner_role="delegated")
    for wrong in (elsewhere, relevant):
        delegated.acts_for = wrong
        with pytest.raises(ValidationError) as error:
            delegated.full_clean()
        assert "acts_for" in error.value.message_dict
    delegated.acts_for = police
    delegated.full_clean()
    not_delegated = Agency(board=board, name="X", sector=Sector.POLICE, acts_for=police)
    with pytest.raises(ValidationError, match="Only a delegated partner"):
        not_delegated.full_clean()


def test_the_agency_form_sets_the_partner_role_and_names_its_mistakes(board, manager, client_for):
    client = client_for(manager)
    url = reverse("agency-create", kwargs={"board_slug": board.slug})
    form = client.get(url).content.decode()
    assert "Role in the partnership" in form and "Lead partner it acts for" in form
    bad = {"name": "Schools", "sector": Sector.EDUCATION, "partner_role": "lead"}
    response = client.post(url, bad)
    assert response.status_code == 200
    assert "A lead safeguarding partner must be the local authority" in response.content.decode()
    good = {"name": "Police", "sector": Sector.POLICE, "partner_role": "lead"}
    assert client.post(url, good).status_code == 302
    assert partners.lead_partners(board).get().name == "Police"


def test_the_arrangements_page_lists_partners_chair_and_scrutineer(board, viewer, client_for):
    partnership(board)
    police = lead(board, "Police", Sector.POLICE)
    AgencyFactory(board=board, name="BCU", partner_role="delegated", acts_for=police)
    AgencyFactory(board=board, name="Schools", sector=Sector.EDUCATION, partner_role="relevant")
    user_with_role(board, Role.SCRUTINEER, full_name="Sam Scrutineer")
    response = client_for(viewer).get(
        reverse("partnership-arrangements", kwargs={"board_slug": board.slug})
    )
    html = response.content.decode()
    assert "Police (Police)" in html and "BCU, for Police" in html and "Schools" in html
    assert "Sam Scrutineer" in html
    assert "No lead partner recorded for the local authority, the integrated care board" in html
    assert "Change the arrangement" not in html  # a viewer reads only


def test_changing_the_arrangement_asks_for_confirmation(board, manager, client_for):
    client = client_for(manager)
    url = reverse("board-arrangement", kwargs={"board_slug": board.slug})
    response = client.post(url, {"arrangement": "partnership", **date_parts("since", CHANGE)})
    assert response.status_code == 302 and "confirm" in response.url
    confirm = client.get(response.url)
    assert "From 29 September 2019 the board is a safeguarding" in confirm.content.decode()
    board.refresh_from_db()
    assert board.arrangement == BoardArrangement.LSCB  # nothing changed by looking
    assert client.post(response.url).status_code == 302
    board.refresh_from_db()
    assert (board.arrangement, board.partnership_since) == ("partnership", CHANGE)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"arrangement": "lscb", **date_parts("since", CHANGE)}, "Only a partnership has a date"),
        ({"arrangement": "partnership", **date_parts("since", "31/2/2019")}, "real date"),
        ({"arrangement": "union", **date_parts("since", None)}, "Choose the arrangement"),
        ({**date_parts("since", None)}, "Choose the arrangement"),
    ],
)
def test_a_wrong_arrangement_is_named_on_the_form(board, manager, client_for, data, message):
    url = reverse("board-arrangement", kwargs={"board_slug": board.slug})
    response = client_for(manager).post(url, data)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_confirmation_with_no_readable_choice_goes_back_to_the_form(board, manager, client_for):
    url = reverse("board-arrangement-confirm", kwargs={"board_slug": board.slug})
    client = client_for(manager)
    for query in ({}, {"arrangement": "partnership", "since": "2019-02-31"}, {"since": "x"}):
        response = client.post(f"{url}?arrangement={query.get('arrangement', '')}"
                               f"&since={query.get('since', '')}")  # fmt: skip
        assert response.status_code == 302 and response.url.endswith("/partnership/arrangement/")
    board.refresh_from_db()
    assert board.arrangement == BoardArrangement.LSCB


def test_the_scrutineer_reads_no_restricted_record():
    """Restricted kinds (CDOP cases, confidential case review documents) name their
    readers; the scrutineer is none of them unless granted a restricted role too."""
    kinds = record_visibility.restricted_kinds()
    assert kinds, "the review apps register their restricted kinds"
    assert all(Role.SCRUTINEER not in readers for readers in kinds.values())


def test_the_scrutineer_is_refused_child_death_cases_and_reads_the_evidence(
    board, scrutineer, client_for
):
    client = client_for(scrutineer)
    kwargs = {"board_slug": board.slug}
    assert client.get(reverse("child_deaths:cdop-case-list", kwargs=kwargs)).status_code == 403
    for name in ("datasets:dashboard", "challenge-list", "action-list", "assurance:audit-list"):
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 200, name


def test_a_second_board_can_be_a_partnership_while_the_first_is_not(db):
    lscb, other = BoardFactory(), partnership(BoardFactory())
    assert vocabulary(lscb) == LSCB and vocabulary(other) == PARTNERSHIP

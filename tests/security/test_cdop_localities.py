"""Published child death statistics name only the board's own list of localities, and a
locality with few deaths is hidden: a typed "14 Acacia Road" or a rare village name
would otherwise identify a child to every board role."""

from datetime import date, timedelta

from django.test import Client
from django.urls import reverse

from api.services import api_token_create
from reports.rendering import gather_section, render_section_html, sections_of
from reviews.child_deaths.models import CdopCase
from tests.forms import date_parts
from tests.reports.factories import report_for
from tests.reviews.child_deaths.factories import notify, review

TYPED = "14 Acacia Road"
PANEL_DAY = date(2015, 2, 1)  # in 2014/15, the year of the report factory


def typed_on_the_case(case: CdopCase, text: str) -> None:
    """Free text as a case holds it: before the list, in the locality itself; since, in the
    note the migration keeps for the panel (never published)."""
    field = "locality_as_typed" if hasattr(CdopCase, "locality_as_typed") else "locality"
    CdopCase.objects.filter(pk=case.pk).update(**{field: text})


def reviewed_cases(board, count: int, **fields) -> list[CdopCase]:
    cases = []
    for index in range(count):
        died = date(2014, 5, 1) + timedelta(days=index * 3)
        case = notify(board, date_of_birth=died - timedelta(days=400), date_of_death=died, **fields)
        cases.append(review(case, panel_review_on=PANEL_DAY))
    return cases


def api_client(user) -> Client:
    _, secret = api_token_create(user=user, name="test", valid_days=None)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def test_a_typed_locality_never_appears_in_the_page_the_api_or_the_report(
    board, board_member, cdop_member, client_for
):
    cases = reviewed_cases(board, 8)
    typed_on_the_case(cases[0], TYPED)
    page_url = reverse("child_deaths:cdop-statistics", kwargs={"board_slug": board.slug})
    api_url = reverse("api:cdop-statistics-list", kwargs={"board_slug": board.slug})

    published = client_for(board_member).get(page_url, {"year": "2014-15"}).content.decode()
    panel = client_for(cdop_member).get(page_url, {"year": "2014-15"}).content.decode()
    answer = api_client(board_member).get(api_url, {"year": "2014"}).content.decode()
    report = report_for(board, template_key="annual-review")
    section = next(s for s in sections_of(report) if s.section_type == "cdop")
    html = render_section_html(report, gather_section(report, section))

    assert "Selhurst" in published and "Selhurst" in html  # the tables are there
    for text in (published, panel, answer, html):
        assert TYPED not in text


def test_a_locality_with_two_cases_is_hidden_and_so_is_the_next_smallest(board):
    from reviews.child_deaths.services.localities import localities_update
    from reviews.child_deaths.statistics import cdop_annual_statistics

    localities_update(board=board, names=["Selhurst", "Norbury", "Waddon", "Kenley"])
    reviewed_cases(board, 2, locality="Selhurst")
    reviewed_cases(board, 7, locality="Norbury")
    reviewed_cases(board, 9, locality="Waddon")
    from core.periods import FinancialYear

    stats = cdop_annual_statistics(board=board, year=FinancialYear(2014), suppress=True)

    shown = {cell.label: cell.shown_count for cell in stats.table("locality").rows}
    assert shown == {
        "Selhurst": "fewer than 6",
        "Norbury": "not shown",  # else 18 - 7 - 9 would give Selhurst's 2
        "Waddon": "9",
        "Kenley": "0",
        "Not recorded": "0",
    }
    assert stats.reviewed.shown_count == "18"  # the true total


def test_five_cases_are_still_too_few_to_publish(board):
    from core.periods import FinancialYear
    from reviews.child_deaths.statistics import cdop_annual_statistics

    reviewed_cases(board, 5, locality="Selhurst")
    reviewed_cases(board, 6, locality="Norbury")
    reviewed_cases(board, 8, locality="Waddon")

    stats = cdop_annual_statistics(board=board, year=FinancialYear(2014), suppress=True)

    assert stats.row("locality", "Selhurst").shown_count == "fewer than 6"
    assert stats.row("locality", "Norbury").suppressed  # the next smallest
    assert stats.row("locality", "Waddon").shown_count == "8"


def test_typed_areas_that_match_the_list_are_mapped_and_the_rest_stay_not_recorded(board):
    from reviews.child_deaths.services.localities import localities_update

    matching, other = reviewed_cases(board, 2)
    typed_on_the_case(matching, "  selhurst ")
    typed_on_the_case(other, TYPED)
    CdopCase.objects.filter(pk__in=[matching.pk, other.pk]).update(locality=None)

    localities_update(board=board, names=["Selhurst", "Norbury"])

    matching.refresh_from_db()
    other.refresh_from_db()
    assert (matching.locality.name, matching.locality_as_typed) == ("Selhurst", "")
    assert (other.locality, other.locality_as_typed) == (None, TYPED)  # for the panel only


def test_the_same_area_twice_on_the_list_is_refused(board, manager, client_for):
    url = reverse("child_deaths:cdop-localities", kwargs={"board_slug": board.slug})
    response = client_for(manager).post(url, {"names": "Selhurst\nNorbury\nSELHURST"})

    assert response.status_code == 200
    assert "“SELHURST” is on the list twice." in response.context["form"].errors["names"]
    assert "There is a problem" in response.content.decode()
    from reviews.child_deaths.models import Locality

    assert not Locality.objects.filter(board=board).exists()


def test_another_boards_area_is_refused_on_a_case(board, other_board, cdop_member, client_for):
    from tests.reviews.child_deaths.factories import locality

    case = notify(board)
    elsewhere = locality(other_board, "Elsewhere Central")
    url = reverse("child_deaths:cdop-case-edit", args=[board.slug, case.pk])
    form = client_for(cdop_member).get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    for name, typed in [
        ("date_of_birth", "1/5/2013"),
        ("date_of_death", "10/5/2013"),
        ("notified_on", "11/5/2013"),
    ]:
        data.update(date_parts(name, typed))

    response = client_for(cdop_member).post(url, {**data, "locality": str(elsewhere.pk)})

    assert response.context["form"].errors["locality"] == [
        "Choose the area of residence from the board's list"
    ]
    case.refresh_from_db()
    assert case.locality.name == "Selhurst"


def test_the_case_api_gives_the_area_from_the_list_and_never_the_typed_text(board, cdop_member):
    case, unmapped = reviewed_cases(board, 2)
    typed_on_the_case(unmapped, TYPED)
    CdopCase.objects.filter(pk=unmapped.pk).update(locality=None)
    url = reverse("api:cdop-case-list", kwargs={"board_slug": board.slug})

    body = api_client(cdop_member).get(url).json()

    assert sorted(str(row["locality"]) for row in body["results"]) == ["None", "Selhurst"]
    assert TYPED not in str(body)

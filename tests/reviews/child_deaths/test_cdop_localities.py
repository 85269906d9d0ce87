"""The board's list of areas of residence: kept by the board manager and the panel, chosen
on each case, and the only areas the statistics table."""

from django.urls import reverse

from core.periods import FinancialYear
from reviews.child_deaths.models import Locality
from reviews.child_deaths.services.localities import localities_update
from reviews.child_deaths.statistics import cdop_annual_statistics
from tests.forms import date_parts

from .factories import notify, review

YEAR = FinancialYear.parse("2013-14")


def list_url(board) -> str:
    return reverse("child_deaths:cdop-localities", kwargs={"board_slug": board.slug})


def test_the_board_manager_writes_the_list_and_the_statistics_follow_its_order(
    client_for, board, manager
):
    response = client_for(manager).post(list_url(board), {"names": "North\n\n South\nEast\n"})

    assert response.status_code == 302
    assert list(Locality.objects.filter(board=board).values_list("name", flat=True)) == [
        "North",
        "South",
        "East",
    ]
    stats = cdop_annual_statistics(board=board, year=YEAR, suppress=False)
    labels = [cell.label for cell in stats.table("locality").rows]
    assert labels == ["North", "South", "East", "Not recorded"]
    page = client_for(manager).get(list_url(board)).content.decode()
    assert "North\nSouth\nEast" in page


def test_an_area_taken_off_the_list_stays_on_its_cases_and_in_that_years_figures(board):
    localities_update(board=board, names=["North", "South"])
    case = review(notify(board, locality="South"))

    localities_update(board=board, names=["North"])

    case.refresh_from_db()
    assert case.locality.name == "South" and not case.locality.is_active
    stats = cdop_annual_statistics(board=board, year=YEAR, suppress=False)
    assert stats.row("locality", "South").count == 1


def test_a_name_too_long_or_called_not_recorded_is_refused(client_for, board, cdop_member):
    client = client_for(cdop_member)
    too_long = client.post(list_url(board), {"names": "North\n" + "x" * 101})
    reserved = client.post(list_url(board), {"names": "not recorded"})

    assert "at most 100 characters" in " ".join(too_long.context["form"].errors["names"])
    assert "what the statistics call" in " ".join(reserved.context["form"].errors["names"])
    assert not Locality.objects.filter(board=board).exists()


def test_choosing_an_area_on_the_case_forgets_what_was_typed_before_the_list(
    client_for, board, cdop_member
):
    localities_update(board=board, names=["North"])
    case = notify(board, locality=None)
    case.__class__.objects.filter(pk=case.pk).update(locality_as_typed="North Ward, flat 3")
    url = reverse("child_deaths:cdop-case-detail", args=[board.slug, case.pk])
    client = client_for(cdop_member)
    assert "North Ward, flat 3" in client.get(url).content.decode()  # the panel sees it

    edit = reverse("child_deaths:cdop-case-edit", args=[board.slug, case.pk])
    data = {
        **date_parts("date_of_birth", "1/5/2013"),
        **date_parts("date_of_death", "10/5/2013"),
        "sex": "female",
        "ethnicity": "white",
        "place_of_death": "hospital",
        "locality": str(Locality.objects.get(board=board, name="North").pk),
        "expectation": "expected",
        "notified_by": "Hospital paediatrician",
        **date_parts("notified_on", "11/5/2013"),
    }
    assert client.post(edit, data).status_code == 302

    case.refresh_from_db()
    assert (case.locality.name, case.locality_as_typed) == ("North", "")

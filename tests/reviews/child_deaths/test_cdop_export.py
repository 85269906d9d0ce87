import csv
import io

from django.urls import reverse

from board.models import AuditEntry

from .factories import notify, review


def test_the_years_cases_download_as_csv_safe_from_formulas_and_logged(
    client_for, board, cdop_member
):
    case = review(notify(board, locality='=HYPERLINK("http://evil")'), learning_points="+1 idea")
    response = client_for(cdop_member).get(
        reverse("child_deaths:cdop-export", kwargs={"board_slug": board.slug, "year": "2013-14"})
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["Case number"] == case.number
    assert row["Area of residence"].startswith("'=")
    assert row["Learning points"] == "'+1 idea"
    assert row["Category of death"] == "8. Perinatal/neonatal event"
    assert row["Age band"] == "Neonate (under 28 days)"
    assert "nhs" not in ",".join(row).lower()
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.ACCESS, object_pk=str(case.pk)
    ).exists()


def test_another_years_export_leaves_this_years_cases_out(client_for, board, cdop_member):
    review(notify(board))
    response = client_for(cdop_member).get(
        reverse("child_deaths:cdop-export", kwargs={"board_slug": board.slug, "year": "2015-16"})
    )
    assert len(response.content.decode("utf-8-sig").strip().splitlines()) == 1  # the header alone


def test_the_export_gives_the_area_from_the_list_and_never_the_text_typed_before_it(
    client_for, board, cdop_member
):
    listed = review(notify(board))
    unmapped = review(notify(board, date_of_death=listed.date_of_death.replace(day=12)))
    type(unmapped).objects.filter(pk=unmapped.pk).update(
        locality=None, locality_as_typed="14 Acacia Road"
    )
    response = client_for(cdop_member).get(
        reverse("child_deaths:cdop-export", kwargs={"board_slug": board.slug, "year": "2013-14"})
    )
    text = response.content.decode("utf-8-sig")
    areas = {
        row["Case number"]: row["Area of residence"] for row in csv.DictReader(io.StringIO(text))
    }
    assert areas == {listed.number: "Selhurst", unmapped.number: ""}
    assert "Acacia" not in text

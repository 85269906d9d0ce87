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
        reverse("reviews:cdop-export", kwargs={"board_slug": board.slug, "year": "2013-14"})
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["Case number"] == case.number
    assert row["Area of residence"].startswith("'=")
    assert row["Learning points"] == "'+1 idea"
    assert row["Category of death"] == "Perinatal/neonatal event"
    assert row["Age band"] == "Neonate (under 28 days)"
    assert "nhs" not in ",".join(row).lower()
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.ACCESS, object_pk=str(case.pk)
    ).exists()


def test_another_years_export_leaves_this_years_cases_out(client_for, board, cdop_member):
    review(notify(board))
    response = client_for(cdop_member).get(
        reverse("reviews:cdop-export", kwargs={"board_slug": board.slug, "year": "2015-16"})
    )
    assert len(response.content.decode("utf-8-sig").strip().splitlines()) == 1  # the header alone

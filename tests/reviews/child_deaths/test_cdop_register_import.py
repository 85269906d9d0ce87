"""A historic register of child deaths imports (CSV or Excel) all-or-nothing, refuses a
death already on the board without needing NHS numbers, and reproduces the figures the
board published for 2013/14 (../shared/reference/croydon-lscb-annual-report-2013-14.txt).
A wrong case can be removed: it stays in the audit trail and leaves the statistics."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from board.models import AuditEntry
from core.links import board_url
from core.periods import FinancialYear
from reviews.child_deaths.models import CdopCase, RegisterImportStatus
from reviews.child_deaths.services.cases import cdop_case_remove
from reviews.child_deaths.services.register_import import register_apply, register_preview
from reviews.child_deaths.statistics import cdop_annual_statistics

COLUMNS = ["reference", "date_of_birth", "date_of_death", "sex", "ethnicity", "place_of_death",
           "expectation", "notified_on", "rapid_response_on", "panel_review_on", "category",
           "modifiable", "factors_family", "closed_on"]  # fmt: skip
MINORITY = ["Asian", "Black", "Mixed", "Other"]
OLDER_YEARS = [2, 3, 4, 6, 7, 8, 11, 12, 14, 16]
UNEXPECTED = {14, 15, *range(26, 34)}


def _reviewed(i: int) -> dict:
    """The 36 reviews of 2013/14: 6, 16 and 14 deaths in 2011/12, 2012/13 and 2013/14; 14
    neonates, 12 infants; 10 unexpected (two of category 10); one with modifiable factors;
    16 of black and minority ethnic groups (two of them of a group not known)."""
    if i < 22:
        died = date(2011 if i < 6 else 2012, 5, 1) + timedelta(days=9 * i)
        review = date(2013, 5, 1) + timedelta(days=7 * i)
    else:
        died = date(2013, 4, 5) + timedelta(days=7 * (i - 22))
        review = date(2013, 10, 1) + timedelta(days=7 * (i - 22))
    if i < 14:
        born, category = (
            died - timedelta(days=10),
            "8" if i % 3 else "Chromosomal, genetic and congenital anomalies",
        )
    elif i < 26:
        born, category = died - timedelta(days=120), "10" if i in (14, 15) else "7"
    else:
        born = died - timedelta(days=365 * OLDER_YEARS[i - 26] + 30)
        category = "3" if i in UNEXPECTED else "4"
    unexpected = i in UNEXPECTED
    return {
        "reference": f"CR-{1000 + i}",
        "date_of_birth": born.strftime("%d/%m/%Y"),
        "date_of_death": died.isoformat(),
        "sex": ["F", "M"][i % 2] if i != 30 else "not known",
        "ethnicity": MINORITY[i % 4] if i < 14 else "BME" if i < 16 else "White",
        "place_of_death": "Hospital" if not unexpected else "",
        "expectation": "Unexpected" if unexpected else "expected",
        "notified_on": (died + timedelta(days=1)).isoformat(),
        "rapid_response_on": (died + timedelta(days=2)).isoformat()
        if i >= 26 and unexpected
        else "",
        "panel_review_on": review.isoformat(),
        "category": category,
        "modifiable": "yes" if i == 26 else "insufficient" if i == 15 else "no",
        "factors_family": "Parental smoking" if i == 26 else "",
        "closed_on": review.isoformat(),
    }


def _awaiting_review(k: int) -> dict:
    """23 more deaths notified in 2013/14 and not yet reviewed: 37 notified in all."""
    died = date(2013, 8, 1) + timedelta(days=9 * k)
    return {
        "reference": f"CR-{2000 + k}",
        "date_of_birth": (died - timedelta(days=200)).isoformat(),
        "date_of_death": died.isoformat(),
        "sex": ["M", "F"][k % 2],
        "ethnicity": "White",
        "expectation": "expected",
        "notified_on": (died + timedelta(days=1)).isoformat(),
    }


REGISTER = [_reviewed(i) for i in range(36)] + [_awaiting_review(k) for k in range(23)]


def csv_file(rows=REGISTER, columns=COLUMNS) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def imported(board, user, content=None, filename="register.csv"):
    held = register_preview(
        board=board, filename=filename, content=content or csv_file(), user=user
    )
    assert held.status == RegisterImportStatus.PREVIEWED, held.problems[:5]
    return held, register_apply(held=held, user=user)


def test_a_register_of_59_cases_reproduces_the_published_2013_14_figures(board, cdop_member):
    _held, made = imported(board, cdop_member)
    assert made == 59

    stats = cdop_annual_statistics(board=board, year=FinancialYear.parse("2013-14"), suppress=False)
    assert (stats.notified.count, stats.reviewed.count, stats.rapid_responses.count) == (37, 36, 8)
    years = {cell.label: cell.count for cell in stats.table("year_of_death").rows}
    assert years == {"2011/12": 6, "2012/13": 16, "2013/14": 14}
    published = {
        ("published_age_group", "Under 28 days"): (14, Decimal("38.9")),
        ("published_age_group", "28 days to under 1 year"): (12, Decimal("33.3")),
        ("published_age_group", "1 year and over"): (10, Decimal("27.8")),
        ("expectation", "Expected"): (26, Decimal("72.2")),
        ("expectation", "Unexpected"): (10, Decimal("27.8")),
        ("category", "10. Sudden unexpected, unexplained death"): (2, Decimal("5.6")),
        ("modifiable", "Modifiable factors identified"): (1, Decimal("2.8")),
        # The report printed 44.5%; 16 of 36 is 44.4% (half-up), which the app shows.
        ("minority_ethnic", "Black and minority ethnic groups"): (16, Decimal("44.4")),
    }
    for (table, label), expected in published.items():
        cell = stats.row(table, label)
        assert (cell.count, cell.percentage) == expected, label
    # Unknowns are tabled as unknown, never as a place or a sex.
    assert stats.row("sex", "Not known").count == 1
    case = CdopCase.objects.get(board=board, external_reference="CR-1014")
    assert (case.ethnicity, case.get_ethnicity_display()) == (
        "bme_not_known",
        "Black and minority ethnic, group not known",
    )
    assert case.number.startswith("CDOP-2012-13-")  # its own number beside the reference


def test_importing_the_same_register_again_is_refused_and_changes_nothing(board, cdop_member):
    imported(board, cdop_member)
    again = register_preview(
        board=board, filename="again.csv", content=csv_file(), user=cdop_member
    )
    assert again.status == RegisterImportStatus.REFUSED
    assert len(again.problems) == 59
    assert again.problems[0][1:] == ["reference", again.problems[0][2]]
    assert "Already on the board as case CDOP-" in again.problems[0][2]
    assert CdopCase.objects.filter(board=board).count() == 59


def test_a_death_already_recorded_is_caught_without_nhs_numbers_or_references(board, cdop_member):
    imported(board, cdop_member)
    renamed = [dict(row, reference=f"NEW-{i}") for i, row in enumerate(REGISTER[:3])]
    held = register_preview(
        board=board, filename="n.csv", content=csv_file(renamed), user=cdop_member
    )
    assert held.status == RegisterImportStatus.REFUSED
    assert {column for _row, column, _m in held.problems} == {"date_of_death"}
    assert "the same dates of birth and death and sex" in held.problems[0][2]


@pytest.mark.parametrize(
    "change, column, message",
    [
        ({"category": "10", "expectation": "expected"}, "category", "is for an unexpected death"),
        ({"modifiable": "yes", "factors_family": ""}, "modifiable", "describe at least one"),
        ({"date_of_death": "31/02/2013"}, "date_of_death", "is not a date"),
        ({"ethnicity": "Martian"}, "ethnicity", "is not one of the ethnicitys"),
        ({"notified_on": ""}, "notified_on", "Enter the date notified"),
        ({"date_of_birth": "2014-01-01"}, "date_of_death", "on or after the date of birth"),
    ],
)
def test_one_bad_row_refuses_the_whole_file_naming_its_row_and_column(
    board, cdop_member, change, column, message
):
    rows = [dict(row) for row in REGISTER]
    rows[4].update(change)
    held = register_preview(
        board=board, filename="bad.csv", content=csv_file(rows), user=cdop_member
    )
    assert held.status == RegisterImportStatus.REFUSED
    assert [(row, col) for row, col, _m in held.problems] == [(6, column)]  # header is row 1
    assert message in held.problems[0][2]
    assert not held.rows and not CdopCase.objects.exists()


def test_a_repeated_row_and_a_missing_column_are_refused(board, cdop_member):
    twice = register_preview(
        board=board,
        filename="t.csv",
        content=csv_file(REGISTER[:2] + REGISTER[:1]),
        user=cdop_member,
    )
    assert [p[:2] for p in twice.problems] == [[4, "reference"]]
    columns = [c for c in COLUMNS if c != "sex"]
    no_sex = register_preview(
        board=board, filename="s.csv", content=csv_file(REGISTER, columns), user=cdop_member
    )
    assert no_sex.problems == [[1, "sex", "The column sex is missing"]]


def test_an_excel_register_with_date_cells_imports(board, cdop_member):
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    for row in REGISTER[22:36]:
        values = [row.get(name, "") for name in COLUMNS]
        values[1] = date(*reversed([int(p) for p in row["date_of_birth"].split("/")]))
        sheet.append(values)
    out = io.BytesIO()
    book.save(out)
    _held, made = imported(board, cdop_member, content=out.getvalue(), filename="register.xlsx")
    assert made == 14


def test_the_pages_upload_preview_and_apply(client_for, board, cdop_member):
    client = client_for(cdop_member)
    upload = SimpleUploadedFile("register.csv", csv_file(), content_type="text/csv")
    response = client.post(board_url(board, "child_deaths:cdop-register-import"), {"file": upload})
    assert response.status_code == 302
    preview = client.get(response.url)
    assert b"The file holds 59 cases" in preview.content
    assert not CdopCase.objects.exists()
    applied = client.post(response.url)
    assert applied.status_code == 302
    assert CdopCase.objects.filter(board=board).count() == 59
    held = preview.context["held"]
    held.refresh_from_db()
    assert held.rows == []  # the cases hold the dates now; the file's copy is gone


def test_the_upload_page_refuses_a_file_that_is_not_a_register(client_for, board, cdop_member):
    client = client_for(cdop_member)
    url = board_url(board, "child_deaths:cdop-register-import")
    response = client.post(url, {"file": SimpleUploadedFile("r.pdf", b"%PDF", "application/pdf")})
    assert response.status_code == 200
    assert "must be a CSV (.csv) or Excel (.xlsx) file" in str(response.context["form"].errors)
    refused = client.post(
        url, {"file": SimpleUploadedFile("r.csv", b"name,age\nx,1\n")}, follow=True
    )
    assert refused.status_code == 400
    assert b"The column reference is missing" in refused.content


def test_a_removed_case_leaves_the_statistics_and_keeps_its_reason_in_the_audit_trail(
    board, cdop_member, client_for
):
    imported(board, cdop_member)
    case = CdopCase.objects.get(board=board, external_reference="CR-1003")
    url = board_url(board, "child_deaths:cdop-case-remove", case_id=case.pk)
    client = client_for(cdop_member)
    refused = client.post(url, {"reason": "  "})
    assert refused.context["form"].errors["reason"] == ["Enter the reason for removing the case"]
    client.post(url, {"reason": "A duplicate of CR-1002"})
    case.refresh_from_db()
    assert case.removed_on and case.removed_by == cdop_member

    stats = cdop_annual_statistics(board=board, year=FinancialYear.parse("2013-14"), suppress=False)
    assert stats.reviewed.count == 35
    listed = client.get(board_url(board, "child_deaths:cdop-case-list"))
    assert f"Case {case.number} removed" in listed.content.decode()  # the banner, only
    assert case.pk not in {
        listed_case.pk for listed_case in listed.context["page"].paginator.object_list
    }
    entry = AuditEntry.objects.filter(object_pk=str(case.pk)).order_by("-timestamp").first()
    assert entry.changes["removed_reason"][1] == "A duplicate of CR-1002"
    with pytest.raises(Exception, match="already been removed"):
        cdop_case_remove(case=case, reason="again", user=cdop_member)
    # Its register reference is free for the right case.
    fixed = [dict(REGISTER[3], date_of_death=REGISTER[3]["date_of_death"])]
    held = register_preview(
        board=board, filename="f.csv", content=csv_file(fixed), user=cdop_member
    )
    assert held.status == RegisterImportStatus.PREVIEWED

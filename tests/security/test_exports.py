"""Every CSV and XLSX download is safe to open in a spreadsheet: a text a user typed that
starts like a formula (=HYPERLINK(...), +1+1, -2+3, @SUM(A1)) is never run as one.

Each export URL gets a hostile value in every text field that reaches it, stored by any
route (a form, an import, the admin), and the file is downloaded as its users would."""

import csv
import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from core.exports import Table, csv_bytes, xlsx_bytes
from datasets.models import CategorySet, Indicator
from reviews.child_deaths.models import RiskFactor
from reviews.child_deaths.services.cases import cdop_recommendation_create
from tests.datasets.factories import catalogue, load
from tests.factories import AgencyFactory
from tests.matrix import all_entries
from tests.reviews.child_deaths.factories import notify, review
from tests.subgroups.factories import add_referrals, answers, subgroup_with_chair

HOSTILE = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)"]
UNSAFE_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADERS = list("abcdefg")

# Every URL that writes a table for download; each has a test below.
TABLE_EXPORTS = {
    "datasets:export",
    "datasets:import-problems-download",
    "child_deaths:cdop-export",
    "subgroups:return-download",
    # The downloads of lists and tables (board/views/exports.py and each app's exports):
    # tests/find/test_exports.py sends a hostile value through each.
    "action-export",
    "budget-export",
    "attendance-export",
    "member-export",
    "membership-gaps-export",
    "subgroups:completeness-export",
    "child_deaths:cdop-case-export",
    # The JTAI readiness pack's workbook (and its PDF): written by core.exports when the
    # pack is built; tests/reports/test_jtai_pack.py sends a formula through it.
    "jtai:pack-download",
    "statutory-export",
    "reports:glossary-export",
    # tests/reviews/case_reviews/test_incident_pages.py sends a hostile reference through.
    "case_reviews:incident-export",
}
# Downloads that hand back a file exactly as it was uploaded, a PDF we render or a report
# template's JSON (reports/template_files.py): they write no cells, so there is nothing to
# neutralise (altering a stored paper would be wrong).
FILE_DOWNLOADS = {
    "paper-download",
    "case_reviews:scr-document-download",
    "reports:version-download",
    "reports:template-export",
}
EXPORT_WORDS = re.compile(r"export|download|csv|xlsx|spreadsheet")


def test_every_export_url_is_in_this_files_list():
    names = {name for name in all_entries() if EXPORT_WORDS.search(name)}
    unlisted = names - TABLE_EXPORTS - FILE_DOWNLOADS
    assert not unlisted, f"add a test here for {sorted(unlisted)}"
    assert set(all_entries()) >= TABLE_EXPORTS | FILE_DOWNLOADS


def test_the_one_exporter_neutralises_formulas_and_keeps_numbers():
    rows = [["\tcmd", "\rcmd", -2, Decimal("-2.5"), "neglect", None, date(2014, 4, 1)]]
    text = csv_bytes(Table(HEADERS, rows)).decode("utf-8-sig")
    header, row = csv.reader(io.StringIO(text))
    assert header == HEADERS
    assert row == ["'\tcmd", "'\rcmd", "-2", "-2.5", "neglect", "", "2014-04-01"]
    sheet = load_workbook(io.BytesIO(xlsx_bytes(Table(HEADERS, rows)))).active
    assert [c.value for c in sheet[2]][2:5] == [-2, -2.5, "neglect"]
    assert sheet["A2"].data_type == "s" and sheet["A2"].quotePrefix


def assert_csv_safe(content: bytes, hostile: str) -> None:
    cells = [c for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for c in row]
    unsafe = [c for c in cells if c.startswith(UNSAFE_STARTS)]
    assert not unsafe, f"cells a spreadsheet would run: {unsafe}"
    assert "'" + hostile in cells  # the hostile text is there, shown as text


def assert_xlsx_safe(content: bytes, hostile: str) -> None:
    book = load_workbook(io.BytesIO(content))  # data_only=False: formulas show as such
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    formulas = [f"{c.parent.title}!{c.coordinate}" for c in cells if c.data_type == "f"]
    assert not formulas, f"live formulas in {formulas}"
    # The text comes back exactly as typed (so a re-upload keeps it), as a string.
    assert any(c.value == hostile and c.data_type == "s" for c in cells)


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_datasets_export_is_safe(client_for, board, viewer, hostile, fmt):
    catalogue(board)
    load(
        board,
        [
            ["cp_plans", "2014-15 Q1", "total", 392],
            ["cp_plans", "2014-15 Q1", "category_of_abuse:neglect", 200],
        ],
    )
    # Codes are slugs when typed in the catalogue's forms; the export must not rely on it.
    Indicator.objects.filter(board=board, code="cp_plans").update(code=hostile)
    CategorySet.objects.filter(board=board, code="category_of_abuse").update(code=hostile)
    url = reverse("datasets:export", kwargs={"board_slug": board.slug})
    response = client_for(viewer).get(url, {"format": fmt})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    check = assert_csv_safe if fmt == "csv" else assert_xlsx_safe
    check(response.content, hostile)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_the_cdop_export_is_safe(client_for, board, cdop_member, hostile):
    case = notify(board, locality=hostile, notified_by=hostile)
    case = review(
        case,
        factors_child=hostile,
        factors_family=hostile,
        factors_physical=hostile,
        factors_service=hostile,
        learning_points=hostile,
        risk_factors=[RiskFactor.objects.create(board=board, name=hostile)],
    )
    cdop_recommendation_create(
        case=case,
        text=hostile,
        owner_agency=AgencyFactory(board=board),
        due_date=date(2014, 3, 1),
        created_by=cdop_member,
    )
    type(case).objects.filter(pk=case.pk).update(
        scr_referred_on=date(2013, 9, 1), scr_referral_reason=hostile
    )
    url = reverse("child_deaths:cdop-export", kwargs={"board_slug": board.slug, "year": "2013-14"})
    response = client_for(cdop_member).get(url)
    assert response.status_code == 200
    assert_csv_safe(response.content, hostile)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_the_return_spreadsheet_is_safe(client_for, board, manager, subgroup_chair, hostile):
    from board.services.actions import action_create

    health = subgroup_with_chair(board, subgroup_chair)
    add_referrals(health)
    # What the manager typed in the template...
    health.questions.update(text=hostile)
    action = action_create(
        board=board,
        description=hostile,
        owner_agency=AgencyFactory(board=board),
        due_date=date(2014, 6, 30),
        created_by=manager,
    )
    health.actions.add(action)
    indicator = health.indicators.get().indicator
    Indicator.objects.filter(pk=indicator.pk).update(name=hostile)
    indicator.breakdown_sets.get().categories.update(label=hostile)
    # ...and what the sub-group's chair answered, through the return form.
    kwargs = {"board_slug": board.slug, "subgroup_id": health.pk, "quarter": "2014-15-q1"}
    data = {**answers(health, comment=hostile, questions=hostile), "version": 0, "save": ""}
    data[f"a_{action.pk}_comment"] = hostile
    chair = client_for(subgroup_chair)
    assert chair.post(reverse("subgroups:return-edit", kwargs=kwargs), data).status_code == 302
    for client in (chair, client_for(manager)):
        response = client.get(reverse("subgroups:return-download", kwargs=kwargs))
        assert response.status_code == 200
        assert_xlsx_safe(response.content, hostile)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_the_import_problems_download_is_safe(client_for, board, manager, hostile):
    """An uploaded file's own header names the column of its problem: it is the uploader's
    text, read as the importer reads headers (lower case)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from datasets.models import ImportBatch

    catalogue(board)
    header = ["board", "indicator", "period", "breakdown", "value", "qualifier", hostile]
    content = csv_bytes(Table(header, [[board.slug, "cp_plans", "2014-15 Q1", "", "1", "", ""]]))
    client = client_for(manager)
    upload = SimpleUploadedFile("figures.csv", content)
    client.post(reverse("datasets:import", kwargs={"board_slug": board.slug}), {"file": upload})
    batch = ImportBatch.objects.get(board=board)
    kwargs = {"board_slug": board.slug, "pk": batch.pk}
    response = client.get(reverse("datasets:import-problems-download", kwargs=kwargs))
    assert response.status_code == 200
    assert_csv_safe(response.content, hostile.lower())

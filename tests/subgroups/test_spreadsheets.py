from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from subgroups.models import QuarterlyReturn

URL = "subgroups:return-{}"


def _url(health, name):
    kwargs = {"board_slug": health.board.slug, "subgroup_id": health.pk, "quarter": "2014-15-q1"}
    return reverse(URL.format(name), kwargs=kwargs)


def _download(client, health):
    response = client.get(_url(health, "download"))
    assert response.status_code == 200
    return load_workbook(BytesIO(response.content))


def _upload(client, health, book):
    out = BytesIO()
    book.save(out)
    upload = SimpleUploadedFile("return.xlsx", out.getvalue())
    return client.post(_url(health, "upload"), {"file": upload})


def _fill(book):
    for row in book["Narrative"].iter_rows(min_row=2):
        row[2].value = "We met four times"
    figures = book["Figures"]
    figures["D2"], figures["D3"], figures["D4"] = 10, 6, 4


def test_a_filled_spreadsheet_round_trips_into_a_draft(client_for, subgroup_chair, health):
    client = client_for(subgroup_chair)
    book = _download(client, health)
    assert book.sheetnames == ["Narrative", "Actions", "Figures"]
    _fill(book)
    response = _upload(client, health, book)
    assert response.status_code == 302
    r = QuarterlyReturn.objects.get(subgroup=health)
    assert sorted(r.content["figures"].values()) == ["10", "4", "6"]
    assert set(r.content["questions"].values()) == {"We met four times"}
    again = _download(client, health)
    assert again["Figures"]["D2"].value == 10  # pre-filled with what was saved


def _break_missing_sheet(book):
    del book["Figures"]


def _break_extra_column(book):
    book["Figures"]["F3"] = "my notes"


def _break_formula(book):
    book["Figures"]["D2"] = "=D3+D4"


def _break_text(book):
    book["Figures"]["D3"] = "six"


def _break_sum(book):
    book["Figures"]["D2"] = 11


@pytest.mark.parametrize(
    ("breaking", "message"),
    [
        (_break_missing_sheet, "The workbook has no sheet called “Figures”"),
        (_break_extra_column, "Figures!F3: This column is not part of the return"),
        (_break_formula, "Figures!D2: Type the value: formulas are not accepted"),
        (_break_text, "Figures!D3: Enter a number, not text (“six”)"),
        (
            _break_sum,
            "Figures!D2: Referrals: the source breakdown adds up to 10, not the total of 11",
        ),
    ],
)
def test_a_bad_spreadsheet_is_reported_by_cell_and_nothing_is_saved(
    client_for, subgroup_chair, health, breaking, message
):
    client = client_for(subgroup_chair)
    book = _download(client, health)
    _fill(book)
    breaking(book)
    response = _upload(client, health, book)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not QuarterlyReturn.objects.filter(subgroup=health).exists()


def test_a_file_that_is_not_a_workbook_is_refused(client_for, subgroup_chair, health):
    upload = SimpleUploadedFile("return.xlsx", b"not really a spreadsheet")
    response = client_for(subgroup_chair).post(_url(health, "upload"), {"file": upload})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert not QuarterlyReturn.objects.exists()

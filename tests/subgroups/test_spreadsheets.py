from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from subgroups.models import QuarterlyReturn
from subgroups.services.spec import template_spec
from tests.datasets.factories import as_excel_saves

URL = "subgroups:return-{}"


def _url(health, name):
    kwargs = {"board_slug": health.board.slug, "subgroup_id": health.pk, "quarter": "2014-15-q1"}
    return reverse(URL.format(name), kwargs=kwargs)


def _download(client, health):
    response = client.get(_url(health, "download"))
    assert response.status_code == 200
    return load_workbook(BytesIO(response.content))


def _upload(client, health, book, excel_writes=None):
    out = BytesIO()
    book.save(out)
    content = out.getvalue()
    if excel_writes:
        content = as_excel_saves(content, excel_writes)
    upload = SimpleUploadedFile("return.xlsx", content)
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


def _break_date(book):
    book["Figures"]["D3"] = date(2014, 6, 30)


def _break_boolean(book):
    book["Figures"]["D3"] = True


def _break_error(book):
    book["Figures"]["D3"] = "#N/A"  # as pasted from a lookup that found nothing


def _break_error_in_an_answer(book):
    book["Narrative"]["C2"] = "#REF!"


def _break_duplicate_row(book):
    figures = book["Figures"]
    figures.append([figures["A3"].value, "Referrals", "Police", 7])


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
        (_break_date, "Figures!D3: a date is not a number"),
        (_break_boolean, "Figures!D3: TRUE is a true/false value, not a number"),
        (_break_error, "Figures!D3: the cell holds the Excel error #N/A, not a value"),
        (_break_error_in_an_answer, "Narrative!C2: the cell holds the Excel error #REF!"),
        (_break_duplicate_row, "Figures!A5: “"),
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


def test_rows_deleted_from_the_spreadsheet_keep_their_saved_answers(
    client_for, subgroup_chair, health
):
    client = client_for(subgroup_chair)
    book = _download(client, health)
    _fill(book)
    assert _upload(client, health, book).status_code == 302
    saved = QuarterlyReturn.objects.get(subgroup=health).content
    questions = template_spec(health)["questions"]

    book = _download(client, health)
    police = book["Figures"]["A3"].value
    book["Figures"].delete_rows(3)  # the police breakdown's row
    book["Narrative"].delete_rows(2)  # the first question's row
    book["Narrative"]["C2"] = None  # the second question's answer, emptied: a blank answer
    response = _upload(client, health, book)
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Spreadsheet uploaded and saved as a draft. 2 rows were not in the spreadsheet" in page
    assert "Figures: Referrals (Police)" in page
    assert f"Narrative: “{questions[0]['text'][:20]}" in page

    content = QuarterlyReturn.objects.get(subgroup=health).content
    assert content["figures"][police] == saved["figures"][police] == "6"  # kept
    assert content["questions"][questions[0]["id"]] == "We met four times"  # kept
    assert content["questions"][questions[1]["id"]] == ""  # emptied on purpose: blank


def test_float_noise_in_a_figure_is_what_excel_shows(client_for, subgroup_chair, health):
    client = client_for(subgroup_chair)
    book = _download(client, health)
    _fill(book)
    book["Figures"]["D3"] = 5.5
    # What Excel stores for =0.1*3*20, which it shows as 6 (openpyxl cannot write it)
    noise = {'<c r="D3" t="n"><v>5.5</v>': '<c r="D3" t="n"><v>6.0000000000000009</v>'}
    response = _upload(client, health, book, excel_writes=noise)
    assert response.status_code == 302
    figures = QuarterlyReturn.objects.get(subgroup=health).content["figures"]
    assert figures[book["Figures"]["A3"].value] == "6"

"""Import files as people make them: workbooks with dates, errors, formulas, several
sheets and float noise, and CSV files saved with semicolons or in Windows-1252. Nothing in
a file is dropped silently: it is imported, or the file is refused naming the cell."""

import io
from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from datasets.models import Category, CategorySet, ImportBatch, ImportStatus, Observation
from datasets.services.imports import import_file

from .factories import HEADER, as_excel_saves, catalogue


@pytest.fixture
def indicators(board):
    return catalogue(board)


def workbook(sheets: dict[str, list[list]]) -> bytes:
    """An .xlsx with one sheet per entry, in order, built as a person's Excel file is."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(client, board, content: bytes, name: str):
    url = reverse("datasets:import", kwargs={"board_slug": board.slug})
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def imported(board, content: bytes, name: str = "figures.xlsx"):
    return import_file(filename=name, content=content, boards=[board])


def figure(board, code: str, start: date) -> Decimal:
    return Observation.objects.get(
        board=board, indicator__code=code, period_start=start, category=None
    ).value


Q1 = date(2014, 4, 1)


@pytest.mark.parametrize(
    "cell, message",
    [
        (date(2014, 6, 30), "Figures!E3: a date is not a number"),
        (datetime(2014, 6, 30, 9, 30), "Figures!E3: a date is not a number"),
        (time(9, 30), "Figures!E3: a time is not a number"),
        (True, "Figures!E3: TRUE is a true/false value, not a number"),
        ("#DIV/0!", "Figures!E3: the cell holds the Excel error #DIV/0!"),
        ("#N/A", "Figures!E3: the cell holds the Excel error #N/A"),
        ("=E2*2", "Figures!E3: the formula =E2*2 has no saved result"),
    ],
    ids=["date", "date-time", "time", "boolean", "div0", "n/a", "formula"],
)
def test_a_value_cell_holding_something_else_is_named_and_nothing_is_imported(
    board, indicators, manager, client_for, cell, message
):
    content = workbook(
        {
            "Figures": [
                HEADER,
                [board.slug, "cp_plans", "2014-15 Q1", "total", 392, None],
                [board.slug, "cp_plans", "2014-15 Q2", "total", cell, None],
            ]
        }
    )
    response = upload(client_for(manager), board, content, "figures.xlsx")
    assert response.status_code == 400  # a page of problems, never a server error
    text = response.content.decode()
    assert message in text
    assert "The file has 1 problem;" in text  # not also "Enter a number" for the same cell
    # Kept only as a refused batch, for its list of problems: nothing to apply, nothing saved.
    assert not ImportBatch.objects.exclude(status=ImportStatus.REFUSED).exists()
    assert not Observation.objects.exists()


def test_true_or_an_error_in_a_text_column_is_named_too(board, indicators):
    content = workbook(
        {
            "Sheet1": [
                HEADER + ["status"],
                [board.slug, "cp_plans", "2014-15 Q1", "total", 392, False, "final"],
                [board.slug, "cp_plans", "2014-15 Q2", "#REF!", 375, None, date(2014, 7, 1)],
            ]
        }
    )
    messages = [str(e) for e in imported(board, content).errors]
    assert messages == [
        "Row 2, column qualifier: Sheet1!F2: FALSE is a true/false value, not a qualifier",
        "Row 3, column breakdown: Sheet1!D3: the cell holds the Excel error #REF!, not a "
        "value: correct the formula or type the value",
        "Row 3, column status: Sheet1!G3: a date is not a status",
    ]
    assert not Observation.objects.exists()


def test_a_formula_is_read_by_its_saved_result_only_when_excel_saved_one(board, indicators):
    rows = [
        HEADER + ["value_high"],
        [board.slug, "cp_plans", "2014-15 Q1", "total", "=390+2", None, '=IF(1=2,5,"")'],
    ]
    unsaved = workbook({"Figures": rows})
    errors = [str(e) for e in imported(board, unsaved).errors]
    assert len(errors) == 2 and "Figures!E2: the formula =390+2 has no saved result" in errors[0]
    assert not Observation.objects.exists()

    as_xlsxwriter_writes = {"<f>390+2</f><v />": "<f>390+2</f><v>0</v>"}
    stand_in = as_excel_saves(unsaved, as_xlsxwriter_writes, recalculate=True)
    errors = [str(e) for e in imported(board, stand_in).errors]
    assert "Figures!E2: the formula =390+2 has no saved result" in errors[0]  # not 0
    assert not Observation.objects.exists()

    saved = as_excel_saves(
        unsaved,
        {
            '<c r="E2"><f>390+2</f><v />': '<c r="E2"><f>390+2</f><v>392</v>',
            '<c r="G2"><f>IF(1=2,5,"")</f><v />': '<c r="G2" t="str"><f>IF(1=2,5,"")</f><v />',
        },
    )
    result = imported(board, saved)
    assert not result.errors, result.errors
    assert figure(board, "cp_plans", Q1) == 392


def test_figures_on_two_sheets_are_refused_naming_both(board, indicators):
    first = [HEADER, [board.slug, "cp_plans", "2014-15 Q1", "total", 392, None]]
    second = [[board.slug, "cp_plans", "2014-15 Q2", "total", 375, None]]  # no header
    content = workbook({"Quarter 1": first, "Quarter 2": second})
    errors = imported(board, content).errors
    assert len(errors) == 1
    assert "The workbook has figures on 2 sheets (“Quarter 1”, “Quarter 2”)" in errors[0].message
    assert not Observation.objects.exists()


def test_an_instructions_sheet_of_text_is_left_out_wherever_it_is(board, indicators):
    readme = [["How to fill this in"], ["One row per figure; the codes are on the site."]]
    data = [HEADER, [board.slug, "cp_plans", "2014-15 Q1", "total", 392, None]]
    content = workbook({"Read me": readme, "Figures": data, "Notes": [["Checked by AB"]]})
    result = imported(board, content)
    assert not result.errors, result.errors
    assert figure(board, "cp_plans", Q1) == 392


def test_float_noise_is_rounded_but_real_extra_decimals_are_refused(board, indicators):
    # assessment_days has 1 decimal place, cp_plans none
    noisy = [
        HEADER,
        [board.slug, "assessment_days", "2014-15 Q1", "total", 0.25, None],
        [board.slug, "cp_plans", "2014-15 Q1", "total", 2.5, None],
    ]
    as_excel_stores = {  # what a sum such as =0.1+0.2 leaves in the cell, in full
        '<c r="E2" t="n"><v>0.25</v>': '<c r="E2" t="n"><v>0.30000000000000004</v>',
        '<c r="E3" t="n"><v>2.5</v>': '<c r="E3" t="n"><v>2.9999999999999996</v>',
    }
    result = imported(board, as_excel_saves(workbook({"Figures": noisy}), as_excel_stores))
    assert not result.errors, result.errors
    assert figure(board, "assessment_days", Q1) == Decimal("0.3")
    assert figure(board, "cp_plans", Q1) == 3

    csv = (
        "board,indicator,period,breakdown,value,qualifier\n"
        f"{board.slug},assessment_days,2014-15 Q2,total,0.30000000000000004,\n"
    )
    assert not imported(board, csv.encode(), "figures.csv").errors
    assert figure(board, "assessment_days", date(2014, 7, 1)) == Decimal("0.3")

    real = [HEADER, [board.slug, "assessment_days", "2014-15 Q3", "total", 12.35, None]]
    errors = [str(e) for e in imported(board, workbook({"Figures": real})).errors]
    assert errors == ["Row 2, column value: 12.35 has 2 decimal places; assessment_days allows 1"]


def test_excel_months_name_the_period_they_start(board, indicators):
    rows = [
        HEADER,
        [board.slug, "cp_plans", datetime(2014, 4, 1), "total", 392, None],  # a date cell
        [board.slug, "cp_plans", "Jul-14", "total", 375, None],  # a date saved as text
        [board.slug, "private_fostering", "Apr-14", "total", 20, None],
        [board.slug, "private_fostering", "May 2014", "total", 21, None],
        [board.slug, "training_attendance", date(2014, 4, 1), "total", 400, None],
    ]
    result = imported(board, workbook({"Figures": rows}))
    assert not result.errors, result.errors
    assert figure(board, "cp_plans", Q1) == 392
    assert figure(board, "cp_plans", date(2014, 7, 1)) == 375
    assert figure(board, "private_fostering", date(2014, 5, 1)) == 21
    assert figure(board, "training_attendance", Q1) == 400


def test_a_month_that_starts_no_quarter_is_refused_saying_which_quarter(board, indicators):
    rows = [HEADER, [board.slug, "cp_plans", datetime(2014, 6, 1), "total", 392, None]]
    errors = [str(e) for e in imported(board, workbook({"Figures": rows})).errors]
    assert errors == [
        "Row 2, column period: June 2014 is not the first month of a quarter (April, July, "
        "October or January): for the quarter it is in, write 2014-15 Q1"
    ]


def _noun_with_an_accent(board, indicators) -> None:
    neglect = CategorySet.objects.get(board=board, code="category_of_abuse")
    Category.objects.create(board=board, category_set=neglect, code="negligence", label="Négligé")


@pytest.mark.parametrize(
    "text, encoding",
    [
        (
            "board;indicator;period;breakdown;value;qualifier\n{b};cp_plans;Apr-14;Négligé;392;\n",
            "utf-8-sig",
        ),
        (
            "board;indicator;period;breakdown;value;qualifier\r\n{b};cp_plans;Apr-14;Négligé;392;\r\n",
            "cp1252",
        ),
        (
            "board,indicator,period,breakdown,value,qualifier\r\n{b},cp_plans,Apr-14,Négligé,392,\r\n",
            "cp1252",
        ),
        (
            "board\tindicator\tperiod\tbreakdown\tvalue\tqualifier\n{b}\tcp_plans\tApr-14\tNégligé\t392\t\n",
            "utf-16",
        ),
    ],
    ids=["semicolons-utf8-bom", "semicolons-windows-1252", "commas-windows-1252", "tabs-utf16"],
)
def test_csv_files_as_excel_saves_them_are_read(board, indicators, text, encoding):
    _noun_with_an_accent(board, indicators)
    result = imported(board, text.format(b=board.slug).encode(encoding), "figures.csv")
    assert not result.errors, result.errors
    stored = Observation.objects.get(board=board, category__label="Négligé")
    assert (stored.period_start, stored.value) == (Q1, 392)


def test_a_comma_in_a_number_of_a_semicolon_file_is_refused_not_guessed(board, indicators):
    text = (
        "board;indicator;period;breakdown;value;qualifier\n"
        f"{board.slug};cp_plans;2014-15 Q1;total;1,500;\n"
    )
    errors = [str(e) for e in imported(board, text.encode(), "figures.csv").errors]
    assert errors == [
        "Row 2, column value: '1,500' has a comma, which in a file separated by semicolons "
        "may be a decimal point: write 1500 or 1.5, with no comma"
    ]
    assert not Observation.objects.exists()


def test_a_value_under_no_header_is_reported_not_dropped(board, indicators):
    rows = [HEADER, [board.slug, "cp_plans", "2014-15 Q1", "total", 392, None, "revised: 395"]]
    errors = [str(e) for e in imported(board, workbook({"Figures": rows})).errors]
    assert errors == [
        "Row 2, column column 7: 'revised: 395' is in a column with no header, so it is not "
        "read: name the column or clear the cell"
    ]

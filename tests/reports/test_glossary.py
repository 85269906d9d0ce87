"""The board's glossary page: every role reads it, the board manager writes it; terms
are the board's once whatever their case; the list pages, sorts and downloads; a
spreadsheet (XLSX or CSV) imports all or nothing after a preview, naming each row's
problem; the report's glossary section prints it."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from reports.models import Acronym
from reports.rendering import gather_section, render_section_html

from .factories import report_for


def url(board, name="glossary", **kwargs):
    return reverse(f"reports:{name}", kwargs={"board_slug": board.slug, **kwargs})


def xlsx(rows) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = "glossary.xlsx"
    return out


def upload(client, board, content, name="glossary.xlsx"):
    if not hasattr(content, "read"):
        content = io.BytesIO(content)
    content.name = name
    return client.post(url(board, "glossary-import"), {"file": content})


def test_every_role_reads_the_glossary_and_only_the_manager_is_offered_changes(
    board, viewer, manager, client_for
):
    Acronym.objects.create(board=board, term="CDOP", meaning="Child Death Overview Panel")
    page = client_for(viewer).get(url(board)).content.decode()
    assert "CDOP" in page and "Child Death Overview Panel" in page
    assert "Add a term" not in page and "Remove" not in page
    page = client_for(manager).get(url(board)).content.decode()
    assert "Add a term" in page and "Import terms from a spreadsheet" in page
    # Linked from the reports area.
    index = client_for(viewer).get(reverse("reports:index", args=[board.slug]))
    assert url(board) in index.content.decode()


def test_the_manager_adds_changes_and_removes_a_term(board, manager, client_for):
    client = client_for(manager)
    response = client.post(url(board, "glossary-add"), {"term": " LSCB ", "meaning": "Local board"})
    assert response.status_code == 302
    term = Acronym.objects.get(board=board)
    assert term.term == "LSCB"
    client.post(url(board, "glossary-edit", pk=term.pk), {"term": "LSCB", "meaning": "Changed"})
    term.refresh_from_db()
    assert term.meaning == "Changed"
    confirm = client.get(url(board, "glossary-remove", pk=term.pk))
    assert confirm.status_code == 200 and "LSCB" in confirm.content.decode()
    assert Acronym.objects.filter(pk=term.pk).exists()  # only the POST removes
    client.post(url(board, "glossary-remove", pk=term.pk))
    assert not Acronym.objects.filter(pk=term.pk).exists()


def test_a_term_is_the_boards_once_whatever_its_case(board, other_board, manager, client_for):
    Acronym.objects.create(board=board, term="LSCB", meaning="Local board")
    Acronym.objects.create(board=other_board, term="CDOP", meaning="Theirs")
    add = url(board, "glossary-add")
    response = client_for(manager).post(add, {"term": "lscb", "meaning": "x"})
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert "“LSCB” is in the glossary already" in page
    # Another board's term is no bar.
    response = client_for(manager).post(add, {"term": "CDOP", "meaning": "y"})
    assert response.status_code == 302


def test_blank_and_too_long_terms_are_named(board, manager, client_for):
    response = client_for(manager).post(url(board, "glossary-add"), {"term": "", "meaning": ""})
    page = response.content.decode()
    assert "Enter the term" in page and "Enter what the term means" in page
    add = url(board, "glossary-add")
    response = client_for(manager).post(add, {"term": "X" * 31, "meaning": "y"})
    assert "govuk-error-summary" in response.content.decode()
    assert not Acronym.objects.filter(board=board).exists()


def test_another_boards_term_is_not_found(board, other_board, manager, client_for):
    theirs = Acronym.objects.create(board=other_board, term="CDOP", meaning="Theirs")
    client = client_for(manager)
    assert client.get(url(board, "glossary-edit", pk=theirs.pk)).status_code == 404
    assert client.post(url(board, "glossary-remove", pk=theirs.pk)).status_code == 404
    assert Acronym.objects.filter(pk=theirs.pk).exists()


def test_the_list_pages_finds_and_sorts(board, viewer, client_for):
    for n in range(30):
        Acronym.objects.create(board=board, term=f"T{n:02d}", meaning=f"Meaning {n}")
    client = client_for(viewer)
    page = client.get(url(board), {"sort": "-term"}).content.decode()
    assert "30 terms" in page and 'rel="next"' in page and "?sort=-term&amp;page=2" in page
    assert page.index("T29") < page.index("T28") and "T00" not in page
    page = client.get(url(board), {"q": "meaning 7"}).content.decode()
    assert "1 term match the filters" in page and "T07" in page


def test_a_sort_that_is_not_one_is_an_error_on_the_form_and_the_download_refuses_it(
    board, viewer, client_for
):
    response = client_for(viewer).get(url(board), {"sort": "nonsense"})
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page  # as every list
    assert "Choose an order for the list from the ones shown" in page
    assert client_for(viewer).get(url(board, "glossary-export"), {"sort": "x"}).status_code == 400


def test_the_download_holds_the_filtered_terms(board, viewer, client_for):
    Acronym.objects.create(board=board, term="CDOP", meaning="Child Death Overview Panel")
    Acronym.objects.create(board=board, term="SCR", meaning="Serious case review")
    query = {"q": "panel", "format": "csv"}
    response = client_for(viewer).get(url(board, "glossary-export"), query)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [["Term", "Meaning"], ["CDOP", "Child Death Overview Panel"]]


def test_an_xlsx_imports_after_a_preview(board, manager, client_for):
    Acronym.objects.create(board=board, term="LSCB", meaning="Old meaning")
    Acronym.objects.create(board=board, term="SCR", meaning="Serious case review")
    client = client_for(manager)
    content = xlsx([["Term", "Meaning"], ["CDOP", "Child Death Overview Panel"],
                    ["lscb", "Local Safeguarding Children Board"], [None, None],
                    ["SCR", "Serious case review"]])  # fmt: skip
    response = upload(client, board, content)
    assert response.status_code == 302
    check = client.get(response["Location"]).content.decode()
    assert "Check the terms the import will change" in check
    assert "Was: Old meaning" in check and "Child Death Overview Panel" in check
    assert Acronym.objects.filter(board=board).count() == 2  # nothing yet
    done = client.post(url(board, "glossary-import-check"))
    assert done.status_code == 302
    terms = dict(Acronym.objects.filter(board=board).values_list("term", "meaning"))
    assert terms == {"CDOP": "Child Death Overview Panel",
                     "LSCB": "Local Safeguarding Children Board",  # its spelling kept
                     "SCR": "Serious case review"}  # fmt: skip
    listing = client.get(done["Location"]).content.decode()
    assert "1 new, 1 changed, 1 unchanged terms" in listing
    # The held file is gone: the check page sends back to the upload.
    assert client.get(url(board, "glossary-import-check")).status_code == 302


def test_a_csv_imports_too(board, manager, client_for):
    client = client_for(manager)
    content = "meaning;term\nMulti-agency safeguarding hub;MASH\n".encode("cp1252")
    response = upload(client, board, content, name="terms.csv")
    assert response.status_code == 302
    client.post(url(board, "glossary-import-check"))
    assert Acronym.objects.get(board=board).term == "MASH"


def test_duplicates_and_blanks_are_named_by_row_and_nothing_is_imported(board, manager, client_for):
    content = xlsx([["term", "meaning"], ["CDOP", "Panel"], ["cdop", "Again"], ["", "No term"],
                    ["SCR", ""], ["X" * 31, "Too long"], ["OK", "Fine"]])  # fmt: skip
    response = upload(client_for(manager), board, content)
    page = response.content.decode()
    assert response.status_code == 400
    assert "The file has 4 problems; nothing was imported" in page
    for row, message in [(3, "“cdop” is on row 2 too"), (4, "Enter the term"),
                         (5, "Enter what SCR means"), (6, "30 characters or fewer")]:  # fmt: skip
        assert f'<td class="govuk-table__cell govuk-table__cell--numeric">{row}</td>' in page
        assert message in page
    assert not Acronym.objects.filter(board=board).exists()


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["term"], ["CDOP"]], "The file needs this column"),
        ([["term", "meaning", "notes"], ["CDOP", "Panel", "x"]], "This column is not known"),
        ([["term", "meaning"]], "The file has no terms"),
    ],
)
def test_a_file_of_the_wrong_shape_is_refused(board, manager, client_for, rows, message):
    response = upload(client_for(manager), board, xlsx(rows))
    assert response.status_code == 400 and message in response.content.decode()


def test_files_that_are_not_tables_are_refused_before_they_are_read(board, manager, client_for):
    client = client_for(manager)
    page = upload(client, board, b"term,meaning\n", name="terms.txt").content.decode()
    assert "The file must be a CSV (.csv) or Excel (.xlsx) file" in page
    page = upload(client, board, b"", name="terms.csv").content.decode()
    assert "The selected glossary file is empty." in page
    response = upload(client, board, b"not a workbook", name="terms.xlsx")
    assert "not a readable Excel workbook" in response.content.decode()
    page = client.post(url(board, "glossary-import"), {}).content.decode()
    assert "Choose a CSV or Excel file of terms" in page


def test_a_date_or_formula_without_a_result_is_named_by_its_cell(board, manager, client_for):
    import datetime

    content = xlsx([["term", "meaning"], ["DATE", datetime.date(2014, 4, 1)], ["F", "=A1"]])
    page = upload(client_for(manager), board, content).content.decode()
    assert "is not text" in page and "has no saved result" in page


def test_the_import_is_checked_again_when_applied(board, manager, client_for):
    client = client_for(manager)
    upload(client, board, xlsx([["term", "meaning"], ["CDOP", "Panel"]]))
    # Meanwhile the term is added with another meaning: the file changes it instead.
    Acronym.objects.create(board=board, term="Cdop", meaning="Typed")
    check = client.get(url(board, "glossary-import-check")).content.decode()
    assert "Was: Typed" in check
    client.post(url(board, "glossary-import-check"))
    assert list(Acronym.objects.filter(board=board).values_list("term", "meaning")) == [
        ("Cdop", "Panel")
    ]


def test_the_glossary_section_prints_the_terms_and_the_preview_links_the_page(
    board, manager, client_for
):
    Acronym.objects.create(board=board, term="SCR", meaning="Serious case review")
    Acronym.objects.create(board=board, term="CDOP", meaning="Child Death Overview Panel")
    report = report_for(board, template_key="annual-review")
    section = report.sections.get(section_type="glossary")
    html = render_section_html(report, gather_section(report, section))
    assert html.index("CDOP") < html.index("SCR")
    preview = reverse("reports:section-preview", args=[board.slug, section.id])
    assert url(board) in client_for(manager).get(preview).content.decode()
    write = reverse("reports:section-write", kwargs={"board_slug": board.slug,
                                                     "section_id": section.id})  # fmt: skip
    assert url(board) in client_for(manager).get(write).content.decode()


def test_a_file_of_more_terms_than_a_glossary_holds_is_refused(board, manager, client_for):
    from reports.glossary_services import MAX_TERMS

    rows = "\n".join(f"T{n},Meaning {n}" for n in range(MAX_TERMS + 1))
    response = upload(client_for(manager), board, f"term,meaning\n{rows}\n".encode(), "t.csv")
    assert response.status_code == 400 and "more than 2,000 terms" in response.content.decode()
    assert not Acronym.objects.filter(board=board).exists()

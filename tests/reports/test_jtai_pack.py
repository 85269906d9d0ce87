"""The JTAI readiness pack: one click makes a PDF and a workbook of the board's last six
months, by a durable job; what is older, and what is another board's, never appears."""

from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from core.jobs.models import Job, JobStatus
from core.jobs.running import fail
from reports.jtai.building import pack_build
from reports.jtai.models import JtaiPack, PackStatus
from reports.jtai.services import pack_request, six_months_to
from tests.mail_jobs import jobs_run_now

from .jtai_factories import records


def url(board, name, **kwargs) -> str:
    return reverse(f"jtai:{name}", kwargs={"board_slug": board.slug, **kwargs})


def built(board, manager) -> JtaiPack:
    pack = pack_request(board=board, user=manager)
    return pack_build(pack_id=pack.pk)


def pdf_text(pack) -> str:
    with default_storage.open(pack.pdf_file, "rb") as handle:
        reader = PdfReader(BytesIO(handle.read()))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def workbook(pack):
    with default_storage.open(pack.xlsx_file, "rb") as handle:
        return load_workbook(BytesIO(handle.read()))


def cells(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_six_months_up_to_today():
    from datetime import date

    assert six_months_to(date(2026, 12, 1)) == (date(2026, 6, 2), date(2026, 12, 1))
    assert six_months_to(date(2026, 8, 31)) == (date(2026, 3, 1), date(2026, 8, 31))


def test_no_part_reads_a_restricted_kind_of_record():
    from board.record_visibility import restricted_kinds
    from reports.jtai.gather import PACKED_KINDS

    assert restricted_kinds()  # CDOP cases and confidential review documents are
    assert not set(PACKED_KINDS) & set(restricted_kinds())


def test_the_pack_holds_the_six_months_in_the_pdf_and_the_workbook(board, manager):
    records(board)
    pack = built(board, manager)
    assert pack.status == PackStatus.READY and pack.pages >= 2
    text = pdf_text(pack)
    for shown in ("Joint targeted area inspection: readiness pack", "Children on a plan",
                  "312", "Neglect audit", "Plans drift", "Section 11 recent",
                  "review thresholds", "JTAI neglect", "Improve supervision"):  # fmt: skip
        assert shown in text, shown
    for left_out in ("Old MASH audit", "Old finding", "Section 11 old", "Old SIF",
                     "Old recommendation", "Only old figures", "Finished action"):  # fmt: skip
        assert left_out not in text, left_out
    book = workbook(pack)
    assert book.sheetnames == [
        "Figures", "Audits", "Section 11", "Open actions", "Inspection recommendations"
    ]  # fmt: skip
    figures = cells(book["Figures"])
    assert figures[0] == ["Theme", "Indicator", "Period", "Value", "Shown as", "Unit"]
    assert figures[1][1:4] == ["Children on a plan", figures[1][2], 312]
    assert len(figures) == 2  # the indicator with only old figures is left out
    audits = cells(book["Audits"])
    assert [row[0] for row in audits[1:]] == ["Neglect audit"]
    assert audits[1][4] == 40 and audits[1][6] == "Plans drift"
    section11 = cells(book["Section 11"])
    assert [row[0] for row in section11[1:]] == ["Section 11 recent"]
    red, amber, green = section11[1][6:9]
    assert red == 1 and amber == 1 and green >= 1
    actions = cells(book["Open actions"])
    descriptions = [row[0] for row in actions[1:]]
    assert "Finished action" not in descriptions
    # A text that a spreadsheet would run stays text.
    formula = next(d for d in descriptions if d.startswith("=HYPERLINK"))
    sheet = book["Open actions"]
    cell = next(c for c in sheet["A"] if c.value == formula)
    assert cell.data_type == "s"
    recommendations = cells(book["Inspection recommendations"])
    assert [(row[0], row[6]) for row in recommendations[1:]] == [
        ("JTAI neglect", "Improve supervision")
    ]
    assert recommendations[1][7] == 1  # its action in the tracker
    assert pack.counts["audits"] == 1 and pack.counts["recommendations"] == 1


def test_another_boards_records_never_appear(board, other_board, manager):
    records(board)
    records(other_board, prefix="Elsewhere ")
    pack = built(board, manager)
    text = pdf_text(pack)
    assert "Elsewhere" not in text
    for sheet in workbook(pack).worksheets:
        for row in sheet.iter_rows(values_only=True):
            assert not any("Elsewhere" in str(value) for value in row if value), row


def test_a_board_with_no_records_says_so_for_each_part(board, manager):
    text = pdf_text(built(board, manager))
    assert "No audit covered the six months." in text
    assert "The tracker has no open actions." in text


def test_one_click_queues_a_job_and_the_page_offers_both_downloads(board, manager, client_for):
    records(board)
    client = client_for(manager)
    with jobs_run_now():
        response = client.post(url(board, "pack-create"))
    pack = JtaiPack.objects.get()
    assert response.url == url(board, "pack", pack_id=pack.pk)
    assert pack.job.status == JobStatus.READY
    page = client.get(response.url).content.decode()
    assert "Download the PDF" in page and "Download the workbook (XLSX)" in page
    pdf = client.get(url(board, "pack-download", pack_id=pack.pk, kind="pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    xlsx = client.get(url(board, "pack-download", pack_id=pack.pk, kind="xlsx"))
    assert xlsx["Content-Disposition"].endswith('.xlsx"')
    assert client.get(url(board, "index")).status_code == 200


def test_a_waiting_pack_shows_its_progress_and_polls(board, manager, client_for):
    pack = pack_request(board=board, user=manager)  # not run: no worker in this test
    client = client_for(manager)
    page = client.get(url(board, "pack", pack_id=pack.pk)).content.decode()
    assert 'id="job-progress"' in page and "Waiting to start" in page
    status = client.get(url(board, "pack-status", pack_id=pack.pk)).json()
    assert status["finished"] is False and status["seconds_left"] > 0
    # Nothing to download yet: back to the pack's page.
    download = client.get(url(board, "pack-download", pack_id=pack.pk, kind="pdf"))
    assert download.status_code == 302


def test_a_second_click_while_the_first_is_being_made_joins_it(board, manager):
    first = pack_request(board=board, user=manager)
    assert pack_request(board=board, user=manager) == first
    assert JtaiPack.objects.count() == 1 and Job.objects.count() == 1


def test_a_failed_job_fails_the_pack_and_offers_try_again(board, manager, client_for):
    pack = pack_request(board=board, user=manager)
    fail(Job.objects.get(pk=pack.job_id), "The worker was stopped.")
    pack.refresh_from_db()
    assert pack.status == PackStatus.FAILED and pack.error == "The worker was stopped."
    page = client_for(manager).get(url(board, "pack", pack_id=pack.pk)).content.decode()
    assert "Failed: try again" in page and 'id="try-again"' in page


def test_building_twice_gives_the_same_pack(board, manager):
    pack = built(board, manager)
    again = pack_build(pack_id=pack.pk)
    assert (again.pdf_file, again.xlsx_file) == (pack.pdf_file, pack.xlsx_file)


@pytest.mark.parametrize("kind", ["docx", "csv", "PDF"])
def test_bad_input_an_unknown_kind_of_file_is_not_found(board, manager, client_for, kind):
    pack = built(board, manager)
    response = client_for(manager).get(url(board, "pack-download", pack_id=pack.pk, kind=kind))
    assert response.status_code == 404


def test_bad_input_another_boards_pack_and_a_made_up_id_are_not_found(
    board, other_board, manager, other_board_manager, client_for
):
    theirs = built(other_board, other_board_manager)
    client = client_for(manager)
    for name in ("pack", "pack-status"):
        assert client.get(url(board, name, pack_id=theirs.pk)).status_code == 404
    made_up = "00000000-0000-0000-0000-000000000000"
    assert client.get(url(board, "pack", pack_id=made_up)).status_code == 404
    assert client.get(url(board, "pack-download", pack_id=theirs.pk, kind="pdf")).status_code == 404
    assert client.get(url(board, "pack-create")).status_code == 405  # a click is a POST

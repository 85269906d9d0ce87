"""The report's cover and its published web page: the manager uploads the board's logo
and chooses its colour (a colour no text can be read on is refused); once the report is
published a board member reads it as a web page with its chart and tables, and axe-core
finds nothing wrong with any page on the way (tests/browser/conftest.py)."""

import pytest

from reports.models import AnnualReport, ReportState, ReportVersion, VersionStatus
from reports.rendering import render_pdf
from tests.reports.factories import dataset, report_for, set_section
from tests.security.test_pdf_fetch import png_bytes

pytestmark = pytest.mark.browser


def test_the_manager_sets_the_cover_and_a_member_reads_the_published_page(
    page, sign_in, board, manager, board_member, tmp_path
):
    dataset(board)
    report = report_for(board, template_key="annual-review", Foreword="Thank you all.")
    set_section(report, "dataset", config={"indicators": "referrals", "chart": True})
    logo = tmp_path / "crest.png"
    logo.write_bytes(png_bytes(size=(60, 30)))

    sign_in(manager)
    base = f"/boards/{board.slug}/reports/2014-15/"
    page.goto(base + "images/add/")
    page.get_by_label("Image").set_input_files(str(logo))
    page.get_by_role("button", name="Upload image").click()
    page.goto(base)
    page.get_by_role("link", name="The cover").click()
    page.get_by_label("Logo").select_option(label="crest")
    page.get_by_label("Cover colour").fill("#777777")
    page.get_by_role("button", name="Save the cover").click()
    summary = page.locator(".govuk-error-summary")
    assert "text on #777777 cannot be read" in summary.inner_text()
    summary.get_by_role("link").first.click()  # the summary names the field, and goes to it
    page.get_by_label("Cover colour").fill("#1d70b8")
    page.get_by_role("button", name="Save the cover").click()
    assert "Cover saved." in page.locator(".govuk-notification-banner").inner_text()
    report = AnnualReport.objects.get(pk=report.pk)
    assert report.cover_colour == "#1d70b8" and report.cover_logo.name == "crest"

    sign_in(board_member)
    page.goto(base + "published/")
    assert page.get_by_role("heading", name="This report is not published yet").is_visible()

    report.state = ReportState.PUBLISHED
    report.save()
    pdf, pages, digest = render_pdf(report)
    ReportVersion.objects.create(
        board=board, report=report, number=1, status=VersionStatus.DONE, pages=pages,
        report_state=ReportState.PUBLISHED, inputs_hash=digest, file_name="x.pdf",
    )  # fmt: skip
    page.goto(base)
    page.get_by_role("link", name="Read the published report as a web page").click()
    assert page.get_by_role("heading", level=1, name=report.title).is_visible()
    assert page.get_by_role("img", name="Referrals to children's social care").count() == 1
    table = page.get_by_role("table", name="Referrals to children's social care by period")
    assert "460" in table.inner_text()
    page.get_by_role("link", name="1. Foreword").click()  # the contents link to the sections
    assert page.url.endswith(f"#section-{report.sections.get(title='Foreword').id}")
    assert page.get_by_role("link", name="Download the report as a PDF").is_visible()

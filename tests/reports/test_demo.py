from io import StringIO

from django.core.management import call_command
from pypdf import PdfReader

from reports.models import AnnualReport
from reports.rendering import gather_all, render_pdf


def test_the_demo_annual_review_renders_every_section(db, tmp_path):
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())  # idempotent
    report = AnnualReport.objects.get(board__slug="croydon", start_year=2014)
    pdf, pages, _ = render_pdf(report)
    (tmp_path / "demo.pdf").write_bytes(pdf)
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "demo.pdf").pages)
    assert "Foreword" in text and "Glossary" in text
    assert pages > 10
    # The sub-groups' approved 2014/15 returns (the sub-groups demo loads first).
    words = " ".join(text.split())
    assert (
        "From the sub-group's approved returns for Q1 2014/15, Q2 2014/15 and Q3 2014/15. "
        "No approved return for Q4 2014/15." in words
    )
    assert "Q2 2014/15: Agreed that three serious case reviews be initiated" in words
    # Fit to print: no empty chart over a table of blanks, no boilerplate under every
    # sub-group, a cover sentence that reads well, plurals that agree.
    assert "no value" not in words
    for item in gather_all(report):
        for row in item.data.get("indicators", []):
            known = [p for p in row["periods"] if p["value"] is not None]
            assert ("chart" in row) == (len(known) >= 2), row["name"]  # a chart has a line
    assert "The sub-group met throughout the year" not in words
    assert "Draft: Drafting" not in words and "This is a draft" in words
    assert "Of the 1 action" not in words and "1 actions" not in words

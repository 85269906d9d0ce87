from io import StringIO

from django.core.management import call_command
from pypdf import PdfReader

from reports.models import AnnualReport
from reports.rendering import render_pdf


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
    assert "Q2 2014/15: Q2: Oversaw two serious case reviews" in words
